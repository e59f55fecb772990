/**
 * A resolve's events as an NDJSON answer. The stream starts only once the first event is in, so
 * that early failures (a refused token, too many sub-organisations) get a real status; a failure
 * later becomes the stream's last line, `{"type":"error","error":{...}}`.
 */
import type { ProxyError } from './ProxyError.js'
import type { ResolveEvent } from './resolveRecipients.js'
import { ndjsonResponse } from './responses.js'

const encoder = new TextEncoder()
const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`)

/** Streams `events`; `toFailure` turns an error after the first event into the error line. */
export async function streamResolve(
  events: AsyncGenerator<ResolveEvent>,
  toFailure: (error: unknown) => ProxyError,
): Promise<Response> {
  let pending: IteratorResult<ResolveEvent> | undefined = await events.next()
  return ndjsonResponse(
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const result = pending ?? (await events.next())
          pending = undefined
          if (result.done) controller.close()
          else controller.enqueue(line(result.value))
        } catch (error) {
          controller.enqueue(line({ type: 'error', ...toFailure(error).toJSON() }))
          controller.close()
        }
      },
      async cancel() {
        await events.return(undefined)
      },
    }),
  )
}
