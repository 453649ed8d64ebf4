/**
 * dist/node/server.mjs, what `npm start` runs: the server's CommonJS bundle beside it, compiled
 * with V8's code cache (./code-cache.ts). The bundle starts the server when node was started
 * with this file, and only loads when it is imported.
 */
import { main } from './code-cache'

main(import.meta.url)
