/**
 * One HTTP exchange over a raw TCP socket (`node:net`): bytes written exactly as given, then the
 * first response read as far as its framing says (interim `1xx` skipped), or until the server
 * closes. Nothing here parses requests: the bytes may be anything.
 */
import { connect } from 'node:net'

/** How the client behaves after (or while) writing. */
export type ClientBehaviour =
  /** Writes everything, waits for an answer or for the server to close. */
  | 'wait'
  /** Writes everything, half-closes its side, waits for the server to close. */
  | 'half-close'
  /** Writes part of the bytes, then goes away (destroys the socket). */
  | 'leave'
  /** Writes in small pieces with pauses (a slow body), then waits. */
  | 'slow'

/** What came back. */
export interface WireResponse {
  /** The first final response's status, if one arrived. */
  status?: number
  /** Its headers, lower-case names (the last of duplicates). */
  headers: Record<string, string>
  /** Its body, de-chunked. */
  body: string
  /** Every byte received. */
  raw: string
  /** The server closed the connection. */
  closed: boolean
  /** Neither an answer nor a close within the exchange's timeout. */
  timedOut: boolean
}

/** Options of {@link exchange}. */
export interface ExchangeOptions {
  behaviour: ClientBehaviour
  /** For `leave`: how many bytes are written before leaving. */
  cutAt?: number
  /** For `slow`: milliseconds between pieces. Default 15. */
  pauseMs?: number
  /** Whether the request is a `HEAD` (its answer has no body whatever the headers say). */
  head?: boolean
  /** Milliseconds before giving up. */
  timeoutMs: number
}

/** Sends `bytes` to `port` on loopback and reads the answer. */
export function exchange(
  port: number,
  bytes: Buffer,
  options: ExchangeOptions,
): Promise<WireResponse> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' })
    const received: Buffer[] = []
    let settled = false
    const finish = (closed: boolean, timedOut = false) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve(toResponse(Buffer.concat(received), closed, timedOut, options.head === true))
    }
    const timer = setTimeout(() => finish(false, true), options.timeoutMs)
    // Writes can fail once the server has answered and closed: what it answered is what counts.
    socket.on('error', () => finish(true))
    socket.on('close', () => finish(true))
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk)
      if (complete(Buffer.concat(received), options.head === true)) finish(false)
    })
    socket.once('connect', () => void write(socket, bytes, options, () => finish(false)))
  })
}

async function write(
  socket: ReturnType<typeof connect>,
  bytes: Buffer,
  options: ExchangeOptions,
  leave: () => void,
) {
  switch (options.behaviour) {
    case 'wait':
      socket.write(bytes)
      return
    case 'half-close':
      socket.end(bytes)
      return
    case 'leave':
      socket.write(bytes.subarray(0, options.cutAt ?? bytes.length >> 1), () => leave())
      return
    case 'slow': {
      const pieces = 6
      const size = Math.max(1, Math.ceil(bytes.length / pieces))
      for (let at = 0; at < bytes.length; at += size) {
        if (socket.destroyed) return
        socket.write(bytes.subarray(at, at + size))
        await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 15))
      }
    }
  }
}

interface Head {
  status: number
  headers: Record<string, string>
  bodyStart: number
}

/** The first final (non-1xx) response head in `data`, if it is all there. */
function finalHead(data: Buffer): Head | undefined {
  let offset = 0
  for (;;) {
    const end = data.indexOf('\r\n\r\n', offset)
    if (end === -1) return undefined
    const lines = data.subarray(offset, end).toString('latin1').split('\r\n')
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(lines[0] ?? '')?.[1] ?? Number.NaN)
    if (Number.isNaN(status)) return undefined
    if (status >= 200 || status < 100) {
      const headers: Record<string, string> = {}
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':')
        if (colon > 0)
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      return { status, headers, bodyStart: end + 4 }
    }
    offset = end + 4
  }
}

function bodyIsEmpty(head: Head, isHead: boolean) {
  return isHead || head.status === 204 || head.status === 304
}

function complete(data: Buffer, isHead: boolean): boolean {
  const head = finalHead(data)
  if (!head) return false
  if (bodyIsEmpty(head, isHead)) return true
  const body = data.subarray(head.bodyStart)
  if (/chunked/i.test(head.headers['transfer-encoding'] ?? '')) {
    return body.indexOf('0\r\n\r\n') === 0 || body.indexOf('\r\n0\r\n\r\n') !== -1
  }
  const length = head.headers['content-length']
  return length !== undefined && body.length >= Number(length)
}

function toResponse(
  data: Buffer,
  closed: boolean,
  timedOut: boolean,
  isHead: boolean,
): WireResponse {
  const head = finalHead(data)
  const raw = data.toString('utf8')
  if (!head) return { headers: {}, body: '', raw, closed, timedOut }
  let body = bodyIsEmpty(head, isHead) ? Buffer.alloc(0) : data.subarray(head.bodyStart)
  if (/chunked/i.test(head.headers['transfer-encoding'] ?? '')) body = dechunk(body)
  else if (head.headers['content-length'] !== undefined) {
    body = body.subarray(0, Number(head.headers['content-length']))
  }
  return {
    status: head.status,
    headers: head.headers,
    body: body.toString('utf8'),
    raw,
    closed,
    timedOut,
  }
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = []
  let offset = 0
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset)
    if (lineEnd === -1) break
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16)
    if (!Number.isFinite(size) || size === 0) break
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
    offset = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}
