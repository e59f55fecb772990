/**
 * Express 5 adapter: `app.use(expressEpaasProxy(proxy))`. Requests outside the base path go on
 * to the next middleware. Works before or after `express.json()`.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { EpaasProxy } from '../createEpaasProxy.js'
import { ProxyError, type ProxyErrorCode } from '../ProxyError.js'
import { errorResponse } from '../responses.js'
import { isInside, nodeEpaasProxy } from './nodeEpaasProxy.js'
import { writeWebResponse } from './writeWebResponse.js'

/**
 * Express middleware serving the proxy's routes under its base path: the proxy's handler, and an
 * error handler that answers the proxy's JSON error when something before it (a body parser such
 * as `express.json()`) failed on one of the proxy's routes, instead of Express's HTML page.
 *
 * @example
 * import express from 'express'
 * import { expressEpaasProxy } from '@epaas-picker/proxy/express'
 * const app = express()
 * app.use(expressEpaasProxy(proxy))
 */
export function expressEpaasProxy(proxy: EpaasProxy): [RequestHandler, ErrorRequestHandler] {
  const listener = nodeEpaasProxy(proxy, { fallthrough: true })
  return [
    (req, res, next) => listener(req, res, next),
    (error: unknown, req, res, next) => {
      if (!isInside(proxy, req) || res.headersSent) {
        next(error)
        return
      }
      void writeWebResponse(res, errorResponse(fromBodyParser(error)), undefined, req).catch(() =>
        res.destroy(),
      )
    },
  ]
}

/** body-parser's error types, as the proxy's codes. */
const bodyParserCodes: Record<string, ProxyErrorCode> = {
  'entity.parse.failed': 'invalid_json',
  'entity.verify.failed': 'invalid_json',
  'entity.too.large': 'payload_too_large',
  'encoding.unsupported': 'unsupported_media_type',
  'charset.unsupported': 'unsupported_media_type',
  'request.aborted': 'client_closed_request',
  'request.size.invalid': 'bad_request',
  'stream.encoding.set': 'internal_error',
}

function fromBodyParser(error: unknown): ProxyError {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown }
  const code = typeof type === 'string' ? bodyParserCodes[type] : undefined
  if (code) return new ProxyError(code, `the body could not be read (${String(type)})`)
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ProxyError('bad_request', 'the request could not be read')
  }
  return new ProxyError('internal_error', 'internal error')
}
