import type { ProxyError } from './ProxyError.js'

const jsonHeaders: [string, string][] = [
  ['content-type', 'application/json; charset=utf-8'],
  ['cache-control', 'no-store'],
  ['x-content-type-options', 'nosniff'],
]

/**
 * The encoded body of the JSON answers made here, so that an adapter can write it at once
 * instead of reading the `Response`'s stream chunk by chunk (the hot path of every route).
 */
const encodedBodies = new WeakMap<Response, string>()

/** The JSON text a {@link jsonResponse} was made of, if it was made here. */
export function encodedBodyOf(response: Response): string | undefined {
  return encodedBodies.get(response)
}

/** A JSON answer. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  const init = jsonHeaders.slice()
  for (const name in headers) init.push([name, headers[name] as string])
  const response = new Response(text, { status, headers: init })
  encodedBodies.set(response, text)
  return response
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
    headers: [
      ['content-type', 'application/x-ndjson; charset=utf-8'],
      ['cache-control', 'no-store'],
      ['x-content-type-options', 'nosniff'],
    ],
  })
}
