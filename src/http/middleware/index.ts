/** The middleware every request passes through, in order. */
import type { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../deps'

export function applyMiddleware(_app: Hono<AppEnv>, _deps: AppDeps): void {}
