import type { ProxyErrorBody } from './ProxyError.js'
import type { ResolveEvent } from './resolveRecipients.js'

/** The stream of a `/resolve` answer ended with an error line, or without a summary. */
export class ResolveStreamError extends Error {
  override readonly name = 'ResolveStreamError'
  constructor(
    message: string,
    /** The error line's `error`, when there was one. */
    readonly error?: ProxyErrorBody['error'],
  ) {
    super(message)
  }

  /** The error line's code, or `incomplete` when the stream stopped before its summary. */
  get code(): string {
    return this.error?.code ?? 'incomplete'
  }
}

/**
 * Reads the NDJSON body of a `/resolve` answer as events. Throws {@link ResolveStreamError} on an
 * `error` line, and when the stream ends without a `summary` (a cut connection): a partial list
 * is never taken for a complete one. Works in browsers and Node; import it from
 * `@epaas-picker/proxy/client` in browser code, which brings none of the server dependencies.
 *
 * @example
 * const response = await fetch('/api/epaas/resolve', { method: 'POST', headers, body })
 * for await (const event of readResolveStream(response)) {
 *   if (event.type === 'progress') setProgress(event.departments_done / event.departments_total)
 * }
 */
export async function* readResolveStream(response: Response): AsyncGenerator<ResolveEvent> {
  if (!response.ok || !response.body) {
    let error: ProxyErrorBody['error'] | undefined
    try {
      error = ((await response.json()) as ProxyErrorBody).error
    } catch {
      error = undefined
    }
    throw new ResolveStreamError(error?.message ?? `HTTP ${response.status}`, error)
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let rest = ''
  let summarised = false
  const parse = (line: string): ResolveEvent | undefined => {
    if (line.trim() === '') return undefined
    const value = JSON.parse(line) as ResolveEvent | ({ type: 'error' } & ProxyErrorBody)
    if (value.type === 'error') throw new ResolveStreamError(value.error.message, value.error)
    if (value.type === 'summary') summarised = true
    return value
  }
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      rest += value
      const lines = rest.split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) {
        const event = parse(line)
        if (event) yield event
      }
    }
    const last = parse(rest)
    if (last) yield last
  } finally {
    // Stops the download when the caller stops reading early (e.g. the selection changed).
    await reader.cancel().catch(() => undefined)
  }
  if (!summarised) throw new ResolveStreamError('the resolve stream ended without a summary')
}
