/** The web widget: the script, the demo page and the document page. */
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../../http/deps'

export function widgetRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>()
}
