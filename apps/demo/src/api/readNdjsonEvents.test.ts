import { createMockEpaas } from '@epaas-picker/mock-server'
import { createEpaasProxy } from '@epaas-picker/proxy'
import type { ResolveEvent } from '@epaas-picker/proxy'
import { describe, expect, test } from 'vitest'
import { DemoApiError } from './DemoApiError.js'
import { readNdjsonEvents } from './readNdjsonEvents.js'

const collect = async (response: Response) => {
  const events: ResolveEvent[] = []
  for await (const event of readNdjsonEvents(response)) events.push(event)
  return events
}

/** A response whose body arrives in the given pieces. */
const streamed = (...pieces: string[]) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece))
        controller.close()
      },
    }),
  )

describe('readNdjsonEvents', () => {
  test("reads the proxy's real resolve stream to its summary", async () => {
    const mock = createMockEpaas({ dataset: 'small' })
    const token = mock.issueUserToken()
    const proxy = createEpaasProxy({
      baseUrl: 'http://mock.epaas',
      fetch: mock.fetch,
      authorize: () => true,
      getUserToken: () => token,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      resolve: { recipientsPerChunk: 100 },
    })
    const grade = mock.data.departments.find((d) => d.kind === 5)!
    const response = await proxy.handle(
      new Request('http://demo.test/api/epaas/resolve', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          value: { departments: [{ corpid: grade.corpid, id: grade.id }], users: [], excluded: [] },
        }),
      }),
    )
    const events = await collect(response)
    const summary = events.at(-1)
    expect(summary?.type).toBe('summary')
    const recipients = events.flatMap((e) => (e.type === 'recipients' ? e.recipients : []))
    expect(recipients.length).toBe(summary?.type === 'summary' ? summary.total : -1)
    expect(events.filter((e) => e.type === 'recipients').length).toBeGreaterThan(1)
    await proxy.close()
  })

  test('lines split across chunks are joined', async () => {
    const events = await collect(
      streamed(
        '{"type":"progress","departments_do',
        'ne":1,"departments_total":2}\n{"type":"summary","complete":true,"channel":"epaas",',
        '"total":0,"by_role":{"11":0,"12":0,"13":0},"unmapped":0,"departments_expanded":2}',
      ),
    )
    expect(events.map((e) => e.type)).toEqual(['progress', 'summary'])
  })

  test('an error line throws its code', async () => {
    const error = await collect(
      streamed(
        '{"type":"progress","departments_done":1,"departments_total":2}\n',
        '{"type":"error","error":{"code":"upstream_timeout","message":"slow"}}\n',
      ),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DemoApiError)
    expect(error).toMatchObject({ code: 'upstream_timeout', message: 'slow' })
  })

  test('a stream that stops before its summary is not complete', async () => {
    await expect(
      collect(streamed('{"type":"progress","departments_done":1,"departments_total":2}\n')),
    ).rejects.toMatchObject({ code: 'incomplete' })
  })
})
