import { describe, expect, it } from 'vitest'
import { readResolveStream, ResolveStreamError, type ResolveEvent } from './resolveStream.js'

const collect = async (response: Response) => {
  const events: ResolveEvent[] = []
  for await (const event of readResolveStream(response)) events.push(event)
  return events
}

/** A response whose body arrives in the given pieces, as a slow network delivers it. */
const streamed = (...pieces: string[]) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece))
        controller.close()
      },
    }),
  )

const summaryLine =
  '{"type":"summary","complete":true,"channel":"epaas","total":0,"by_role":{"11":0,"12":0,"13":0},"unmapped":0,"departments_expanded":2}'

describe('readResolveStream', () => {
  it('joins lines split across chunks', async () => {
    const events = await collect(
      streamed(
        '{"type":"progress","departments_do',
        'ne":1,"departments_total":2}\n' + summaryLine.slice(0, 30),
        summaryLine.slice(30),
      ),
    )
    expect(events.map((e) => e.type)).toEqual(['progress', 'summary'])
  })

  it('throws the code and message of an error line', async () => {
    const error = await collect(
      streamed(
        '{"type":"progress","departments_done":1,"departments_total":2}\n',
        '{"type":"error","error":{"code":"upstream_timeout","message":"slow"}}\n',
      ),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResolveStreamError)
    expect(error).toMatchObject({ code: 'upstream_timeout', message: 'slow' })
  })

  it('never takes a stream that stops before its summary for a complete one', async () => {
    await expect(
      collect(streamed('{"type":"progress","departments_done":1,"departments_total":2}\n')),
    ).rejects.toMatchObject({ name: 'ResolveStreamError', code: 'incomplete' })
  })

  it('reads an error answer (non-2xx JSON) as its error', async () => {
    const response = Response.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 })
    await expect(collect(response)).rejects.toMatchObject({ code: 'forbidden', message: 'no' })
  })

  it('cancels the download when the reader stops early', async () => {
    let cancelled = false
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(
          new TextEncoder().encode(
            '{"type":"progress","departments_done":1,"departments_total":9}\n',
          ),
        )
      },
      cancel() {
        cancelled = true
      },
    })
    for await (const event of readResolveStream(new Response(body))) {
      expect(event.type).toBe('progress')
      break
    }
    expect(cancelled).toBe(true)
  })
})
