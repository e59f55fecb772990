import type { ProxyError } from './ProxyError.js'

const baseHeaders = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
}

/** A JSON answer. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...baseHeaders, ...headers },
  })
}

/** The answer for an error, with `Retry-After` / `Allow` where they apply. */
export function errorResponse(error: ProxyError): Response {
  const headers: Record<string, string> = {}
  if (error.details.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(error.details.retryAfterSeconds)
  }
  if (error.details.allow) headers.allow = error.details.allow.join(', ')
  // The rest of a body that stalled is not worth waiting for: the server closes after answering.
  if (error.code === 'body_timeout') headers.connection = 'close'
  return jsonResponse(error.status, error.toJSON(), headers)
}

/** A streamed NDJSON answer. */
export function ndjsonResponse(body: ReadableStream<Uint8Array>) {
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', ...baseHeaders },
  })
}
