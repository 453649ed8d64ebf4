// the worker thread's entry: Node does not hand tsx's loader to workers, so it is registered here
import { register } from 'tsx/esm/api'

register()
await import('./build-worker.ts')
