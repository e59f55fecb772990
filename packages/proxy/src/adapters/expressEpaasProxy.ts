/**
 * Express 5 adapter: `app.use(expressEpaasProxy(proxy))`. Requests outside the base path go on
 * to the next middleware. Works before or after `express.json()`.
 */
import type { RequestHandler } from 'express'
import type { EpaasProxy } from '../createEpaasProxy.js'
import { nodeEpaasProxy } from './nodeEpaasProxy.js'

/**
 * Express middleware serving the proxy's routes under its base path.
 *
 * @example
 * import express from 'express'
 * import { expressEpaasProxy } from '@epaas-picker/proxy/express'
 * const app = express()
 * app.use(expressEpaasProxy(proxy))
 */
export function expressEpaasProxy(proxy: EpaasProxy): RequestHandler {
  const listener = nodeEpaasProxy(proxy, { fallthrough: true })
  return (req, res, next) => listener(req, res, next)
}
