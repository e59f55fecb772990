/** A web `Response` written to a Node response, its body streamed with back-pressure. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { encodedBodyOf } from '../responses.js'

/**
 * Writes a web `Response` to a Node response, streaming its body with back-pressure. When the
 * request's body was not read to its end (a refusal before or while reading it), the connection
 * is closed after the answer instead of waiting for the rest of a body nobody will read.
 */
export async function writeWebResponse(
  res: ServerResponse,
  response: Response,
  signal?: AbortSignal,
  req?: IncomingMessage,
): Promise<void> {
  if (res.destroyed) {
    await response.body?.cancel().catch(() => undefined)
    return
  }
  res.statusCode = response.status
  response.headers.forEach((value, name) => res.setHeader(name, value))
  if (req && !req.complete) res.setHeader('connection', 'close')
  const encoded = encodedBodyOf(response)
  if (encoded !== undefined) {
    // The proxy's own JSON answer: written at once, its stream never read. Its length delimits
    // it even when the connection closes after it (Node may still write to the socket then).
    res.setHeader('content-length', Buffer.byteLength(encoded))
    res.end(encoded)
    return
  }
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
      if (!res.write(value)) await drained(res)
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

function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const go = () => {
      res.off('drain', go)
      res.off('close', go)
      resolve()
    }
    res.on('drain', go)
    res.on('close', go)
  })
}
