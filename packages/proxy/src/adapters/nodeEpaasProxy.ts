/**
 * Node `http` adapter: `http.createServer(nodeEpaasProxy(proxy))`. Also the base of the Express
 * and Fastify adapters.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EpaasProxy } from '../createEpaasProxy.js'
import { ProxyError } from '../ProxyError.js'
import { errorResponse } from '../responses.js'
import { toWebRequest, type NodeRequest } from './toWebRequest.js'
import { writeWebResponse } from './writeWebResponse.js'

export { toWebRequest } from './toWebRequest.js'
export { writeWebResponse } from './writeWebResponse.js'

/** Options of {@link nodeEpaasProxy}. */
export interface NodeAdapterOptions {
  /**
   * Pass requests outside the proxy's base path to `next` (middleware style) instead of
   * answering 404. Default: `true` when a `next` is given.
   */
  fallthrough?: boolean
}

/**
 * Turns a proxy into a Node request listener (`(req, res, next?) => void`). A request the browser
 * abandons aborts the proxy's upstream calls; streamed answers (resolve) are written with
 * back-pressure. Whatever the request's bytes, the listener answers the proxy's JSON error (a
 * malformed `Host` or target is a 400 `bad_request`) and never throws.
 *
 * @example
 * import { createServer } from 'node:http'
 * import { nodeEpaasProxy } from '@epaas-picker/proxy/node'
 * createServer(nodeEpaasProxy(proxy)).listen(3000)
 */
export function nodeEpaasProxy(proxy: EpaasProxy, options: NodeAdapterOptions = {}) {
  return (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void => {
    const request = req as NodeRequest
    if (!isInside(proxy, request) && next && options.fallthrough !== false) {
      next()
      return
    }
    void serveNodeRequest(proxy, request, res)
  }
}

/** Whether a Node request's path is under the proxy's base path (no parsing that can throw). */
export function isInside(proxy: EpaasProxy, req: NodeRequest): boolean {
  const target = req.originalUrl ?? req.url ?? '/'
  const end = target.search(/[?#]/)
  const path = end === -1 ? target : target.slice(0, end)
  return path === proxy.basePath || path.startsWith(`${proxy.basePath}/`)
}

/**
 * Serves one Node request through the proxy and writes its answer; resolves once written. Never
 * rejects: a request that cannot become a web `Request` answers the proxy's JSON 400, a failure
 * after that a JSON 500 (or a closed socket when the answer had started).
 */
export async function serveNodeRequest(
  proxy: EpaasProxy,
  req: NodeRequest,
  res: ServerResponse,
  body?: unknown,
): Promise<void> {
  const controller = new AbortController()
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new DOMException('client went away', 'AbortError'))
  })
  let response: Response
  try {
    response = await proxy.handle(toWebRequest(req, controller.signal, body))
  } catch (error) {
    response = errorResponse(
      error instanceof ProxyError ? error : new ProxyError('internal_error', 'internal error'),
    )
  }
  try {
    await writeWebResponse(res, response, controller.signal, req)
  } catch {
    // The answer broke off halfway (the client left, the stream failed): nothing more to say.
    res.destroy()
  }
}
