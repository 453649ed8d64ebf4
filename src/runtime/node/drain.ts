/**
 * Stopping a Node HTTP server without failing a request it has received: stop accepting, answer
 * every request already on a connection (queued keep-alive ones too) with `Connection: close`,
 * and close a connection only once it has been idle for a moment.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { Server as NetServer, type Socket } from 'node:net'

export interface DrainOptions {
  /** how long a connection with nothing to answer is kept after the stop, for a request already
   * on its way; defaults to 1 s */
  idleGraceMs?: number
}

export interface Drain {
  /** responses not yet finished */
  readonly inFlight: number
  /** stops accepting; resolves once every connection has closed */
  stop(): Promise<void>
}

export function drainable(server: Server, options: DrainOptions = {}): Drain {
  const { idleGraceMs = 1000 } = options
  // per connection, its unfinished responses in the order their requests came
  const open = new Map<Socket, ServerResponse[]>()
  let stopping = false
  let inFlight = 0

  const closeWhenIdle = (socket: Socket) => {
    const read = socket.bytesRead
    setTimeout(() => {
      const pending = open.get(socket)
      // a request came in the meantime: its answer carries Connection: close and ends the socket
      if (!pending || pending.length > 0) return
      // part of a request has come: wait for the rest (the headers timeout bounds a trickle)
      if (socket.bytesRead > read) return closeWhenIdle(socket)
      socket.end()
      // a client that never closes its side cannot hold the exit up
      setTimeout(() => socket.destroy(), 1000).unref()
    }, idleGraceMs).unref()
  }

  server.on('connection', (socket: Socket) => {
    open.set(socket, [])
    socket.once('close', () => open.delete(socket))
    if (stopping) closeWhenIdle(socket)
  })

  // before the app's own listener, so the header is there before any answer is written
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const pending = open.get(req.socket) ?? []
    pending.push(res)
    inFlight++
    if (stopping) endsConnection(pending)
    res.once('close', () => {
      inFlight--
      const at = pending.indexOf(res)
      if (at >= 0) pending.splice(at, 1)
      if (stopping && pending.length === 0) closeWhenIdle(req.socket)
    })
  })

  return {
    get inFlight() {
      return inFlight
    },
    stop() {
      stopping = true
      return new Promise((done) => {
        // net's close, not http's: http's would drop idle keep-alive connections at once, and with
        // them a request the client has just written on one
        NetServer.prototype.close.call(server, () => done())
        for (const [socket, pending] of open)
          if (pending.length === 0) closeWhenIdle(socket)
          else endsConnection(pending)
      })
    },
  }
}

/** the last answer due on a connection closes it; earlier ones (pipelined) keep it open for it */
function endsConnection(pending: ServerResponse[]) {
  for (const res of pending) if (!res.headersSent) res.removeHeader('Connection')
  const last = pending.at(-1)
  if (last && !last.headersSent) last.setHeader('Connection', 'close')
}
