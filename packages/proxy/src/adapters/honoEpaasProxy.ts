/**
 * Hono 4 adapter: `app.use(honoEpaasProxy(proxy))`. Runs wherever Hono runs (Node through
 * `@hono/node-server`, Bun, Deno, workers).
 */
import type { MiddlewareHandler } from 'hono'
import type { EpaasProxy } from '../createEpaasProxy.js'

/**
 * Hono middleware serving the proxy's routes under its base path; other paths go on to `next`.
 *
 * @example
 * import { Hono } from 'hono'
 * import { honoEpaasProxy } from '@epaas-picker/proxy/hono'
 * const app = new Hono()
 * app.use(honoEpaasProxy(proxy))
 */
export function honoEpaasProxy(proxy: EpaasProxy): MiddlewareHandler {
  return async (c, next) => {
    const { pathname } = new URL(c.req.url)
    if (pathname !== proxy.basePath && !pathname.startsWith(`${proxy.basePath}/`)) {
      await next()
      return
    }
    return proxy.handle(c.req.raw)
  }
}
