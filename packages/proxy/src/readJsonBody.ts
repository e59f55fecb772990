import { ProxyError } from './ProxyError.js'

const jsonType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/**
 * Reads a request's JSON body, refusing more than `maxBytes` (413) while reading, so that a huge
 * body is never buffered, and a body still arriving after `timeoutMs` (408), so that a client
 * that stops halfway or trickles holds nothing for long. Answers `undefined` for an empty body.
 */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
  timeoutMs = Number.POSITIVE_INFINITY,
): Promise<unknown> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes)
  const contentType = request.headers.get('content-type')
  // A cross-site form or `text/plain` fetch needs no preflight: only JSON is accepted.
  if (contentType !== null && !jsonType.test(contentType)) throw unsupported()
  if (!request.body) return undefined

  const { chunks, size } = await readBytes(request, maxBytes, timeoutMs)
  if (size === 0) return undefined
  if (contentType === null) throw unsupported()

  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ProxyError('invalid_json', 'the body is not valid UTF-8')
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new ProxyError(
      'invalid_json',
      `the body is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
    )
  }
}

async function readBytes(request: Request, maxBytes: number, timeoutMs: number) {
  const reader = (request.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let timedOut = false
  // Cancelling ends the pending read as if the body were complete: the flag tells them apart.
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true
        void reader.cancel().catch(() => undefined)
      }, timeoutMs)
    : undefined
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>
      try {
        chunk = await reader.read()
      } catch (error) {
        // The client went away mid-body, or the stream broke: not a server fault.
        if (request.signal.aborted) throw error
        throw new ProxyError('invalid_json', 'the body could not be read')
      }
      if (timedOut) {
        throw new ProxyError('body_timeout', `the body did not arrive within ${timeoutMs} ms`)
      }
      const { done, value } = chunk
      if (done) return { chunks, size }
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined)
        throw tooLarge(maxBytes)
      }
      chunks.push(value)
    }
  } finally {
    clearTimeout(timer)
  }
}

function tooLarge(maxBytes: number) {
  return new ProxyError('payload_too_large', `the body is larger than ${maxBytes} bytes`)
}

function unsupported() {
  return new ProxyError('unsupported_media_type', 'the body must be application/json')
}
