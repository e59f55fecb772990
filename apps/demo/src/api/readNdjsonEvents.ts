/**
 * Reads the proxy's `/resolve` answer (NDJSON, one event per line) in the browser.
 *
 * The proxy package has the same reader (`readResolveStream`), but only on its root entry, which
 * also brings its server dependencies (pino, zod, rate-limiter-flexible, lru-cache, p-retry) into
 * a browser bundle. Until it has a browser entry, the page reads the stream itself, with the same
 * rule: only a stream that ends with a `summary` line is complete.
 */
import type { ResolveEvent } from '@epaas-picker/proxy'
import { DemoApiError } from './DemoApiError.js'

type Line = ResolveEvent | { type: 'error'; error: { code: string; message: string } }

/**
 * The events of a `/resolve` answer. An `error` line throws {@link DemoApiError} with its code; a
 * stream that stops before its `summary` throws one with code `incomplete`.
 *
 * @example
 * for await (const event of readNdjsonEvents(response)) if (event.type === 'summary') done(event)
 */
export async function* readNdjsonEvents(response: Response): AsyncGenerator<ResolveEvent> {
  if (!response.body) throw new DemoApiError('incomplete', 'empty answer', response.status)
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let rest = ''
  let complete = false
  const parse = (text: string): ResolveEvent | undefined => {
    if (text.trim() === '') return undefined
    const line = JSON.parse(text) as Line
    if (line.type === 'error') throw new DemoApiError(line.error.code, line.error.message)
    if (line.type === 'summary') complete = true
    return line
  }
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const lines = (rest + value).split('\n')
      rest = lines.pop() ?? ''
      for (const text of lines) {
        const event = parse(text)
        if (event) yield event
      }
    }
    const last = parse(rest)
    if (last) yield last
  } finally {
    // Stops the download when the caller gives up early (a newer selection).
    await reader.cancel().catch(() => undefined)
  }
  if (!complete) throw new DemoApiError('incomplete', 'the answer ended before its summary')
}
