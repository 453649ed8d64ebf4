/** Setting headers on a response that is already made, which may have immutable headers. */
import type { Context } from 'hono'

/** sets each header on c.res; with `keep`, a header the route already set stays as it is */
export function setHeaders(
  c: Context,
  headers: Record<string, string>,
  options: { keep?: boolean } = {},
): void {
  const apply = (target: Headers) => {
    for (const [name, value] of Object.entries(headers))
      if (!options.keep || !target.has(name)) target.set(name, value)
  }
  try {
    apply(c.res.headers)
  } catch {
    // a response passed through from fetch() has immutable headers: copy it once
    c.res = new Response(c.res.body, c.res)
    apply(c.res.headers)
  }
}

/** removes headers from c.res, copying it when its headers are immutable */
export function deleteHeaders(c: Context, names: string[]): void {
  try {
    for (const name of names) c.res.headers.delete(name)
  } catch {
    c.res = new Response(c.res.body, c.res)
    for (const name of names) c.res.headers.delete(name)
  }
}
