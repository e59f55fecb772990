/**
 * Node `http` adapter: `http.createServer(nodeEpaasProxy(proxy))`. Also the base of the Express
 * and Fastify adapters.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { EpaasProxy } from '../createEpaasProxy.js'

/** A Node request, possibly with a body a framework already parsed. */
type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown }

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
 * back-pressure.
 *
 * @example
 * import { createServer } from 'node:http'
 * import { nodeEpaasProxy } from '@epaas-picker/proxy/node'
 * createServer(nodeEpaasProxy(proxy)).listen(3000)
 */
export function nodeEpaasProxy(proxy: EpaasProxy, options: NodeAdapterOptions = {}) {
  return (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void => {
    const request = req as NodeRequest
    const path = (request.originalUrl ?? request.url ?? '/').split('?')[0] ?? '/'
    const inside = path === proxy.basePath || path.startsWith(`${proxy.basePath}/`)
    if (!inside && next && options.fallthrough !== false) {
      next()
      return
    }
    const controller = new AbortController()
    res.once('close', () => {
      if (!res.writableFinished)
        controller.abort(new DOMException('client went away', 'AbortError'))
    })
    proxy
      .handle(toWebRequest(request, controller.signal))
      .then((response) => writeWebResponse(res, response, controller.signal))
      .catch((error: unknown) => {
        if (next) next(error)
        else if (!res.headersSent) {
          res.statusCode = 500
          res.end()
        } else res.destroy()
      })
  }
}

/** Builds a web `Request` from a Node request (its body streamed, or re-encoded when parsed). */
export function toWebRequest(req: NodeRequest, signal: AbortSignal, body?: unknown): Request {
  const host = req.headers.host ?? 'localhost'
  const protocol = (req.socket as { encrypted?: boolean } | undefined)?.encrypted ? 'https' : 'http'
  const url = new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${host}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else headers.set(name, value)
  }
  const method = req.method ?? 'GET'
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal }
  if (method !== 'GET' && method !== 'HEAD') {
    const parsed = body ?? req.body
    if (parsed instanceof Readable) {
      init.body = Readable.toWeb(parsed) as ReadableStream<Uint8Array>
      init.duplex = 'half'
    } else if (parsed !== undefined && (req.readableEnded || req.complete)) {
      // A body parser (express.json(), ...) ran first: send on what it read.
      init.body =
        typeof parsed === 'string'
          ? parsed
          : parsed instanceof Uint8Array
            ? new Uint8Array(parsed)
            : JSON.stringify(parsed)
      headers.delete('content-length')
    } else {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>
      init.duplex = 'half'
    }
  }
  return new Request(url, init)
}

/** Writes a web `Response` to a Node response, streaming its body with back-pressure. */
export async function writeWebResponse(
  res: ServerResponse,
  response: Response,
  signal?: AbortSignal,
): Promise<void> {
  res.statusCode = response.status
  response.headers.forEach((value, name) => res.setHeader(name, value))
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  const onAbort = () => void reader.cancel().catch(() => undefined)
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            res.off('drain', go)
            res.off('close', go)
            resolve()
          }
          res.on('drain', go)
          res.on('close', go)
        })
      }
      if (res.destroyed) {
        await reader.cancel().catch(() => undefined)
        return
      }
    }
    res.end()
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}
