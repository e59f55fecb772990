/**
 * A Node request as a web `Request`, built so that no request bytes can make it throw: the URL
 * comes from a validated `Host` and an origin-form (or absolute-form) target only.
 */
import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { ProxyError } from '../ProxyError.js'

/** A Node request, possibly with a body a framework already parsed. */
export type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown }

/**
 * Builds a web `Request` from a Node request (its body streamed, or re-encoded when parsed).
 * Throws a `bad_request` {@link ProxyError} for a request no URL can be made of: a `Host` that
 * is not a host (`%zz`, `[::1`, `a b`), a target that is not a path (`//%zz/...`, `*`), or a
 * method the web `Request` refuses (`TRACE`, `TRACK`).
 */
export function toWebRequest(req: NodeRequest, signal: AbortSignal, body?: unknown): Request {
  const url = requestUrl(req)
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
  try {
    return new Request(url, init)
  } catch (error) {
    throw new ProxyError('bad_request', `the request cannot be served (${method})`, {
      cause: error,
    })
  }
}

/** The request's URL: `Host` checked to be a bare host, the target to be a path. */
function requestUrl(req: NodeRequest): string {
  const protocol = (req.socket as { encrypted?: boolean } | undefined)?.encrypted ? 'https' : 'http'
  const origin = originOf(protocol, req.headers.host ?? 'localhost')
  const target = req.originalUrl ?? req.url ?? '/'
  if (target.startsWith('/') && !target.startsWith('//')) {
    if (URL.canParse(target, origin)) return `${origin}${target}`
  } else if (/^https?:\/\//i.test(target) && URL.canParse(target)) {
    // The absolute form (`GET http://host/path`): only its path and query are used.
    const absolute = new URL(target)
    return `${origin}${absolute.pathname}${absolute.search}`
  }
  throw new ProxyError('bad_request', 'the request target is not a path')
}

/** Origins of the `Host`s seen lately: a server sees few, and parsing one is the cost. */
const knownOrigins = new Map<string, string>()

function originOf(protocol: string, host: string): string {
  const base = `${protocol}://${host}`
  const known = knownOrigins.get(base)
  if (known !== undefined) return known
  const origin = parseOrigin(base)
  if (knownOrigins.size >= 256) knownOrigins.clear()
  knownOrigins.set(base, origin)
  return origin
}

function parseOrigin(base: string): string {
  if (URL.canParse(base)) {
    const url = new URL(base)
    // `a/b`, `a?b`, `u@a` parse, but are not a host.
    if (url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password) {
      return url.origin
    }
  }
  throw new ProxyError('bad_request', 'the Host header is not a host')
}
