import { describe, expect, test } from 'vitest'
import { createRequestLog } from './RequestLog.js'

describe('createRequestLog', () => {
  test('records source, method, path, body, status and duration, and notifies', async () => {
    const log = createRequestLog(async () => new Response('{}', { status: 201 }))
    let notified = 0
    log.subscribe(() => notified++)
    const fetch = log.fetchFor('picker')
    await fetch('http://demo.test/api/epaas/campus/department/select?x=1', {
      method: 'post',
      body: JSON.stringify({ id: '0' }),
    })
    const [entry] = log.getSnapshot()
    expect(entry).toMatchObject({
      id: 1,
      source: 'picker',
      method: 'POST',
      path: '/api/epaas/campus/department/select?x=1',
      body: { id: '0' },
      status: 201,
    })
    expect(entry?.durationMs).toBeGreaterThanOrEqual(0)
    expect(notified).toBe(2) // sent, answered
  })

  test('network failures and aborts are told apart; the snapshot is a new array per change', async () => {
    const log = createRequestLog(async (_input, init) => {
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError')
      throw new TypeError('fetch failed')
    })
    const before = log.getSnapshot()
    await expect(log.fetchFor('resolve')('http://demo.test/a')).rejects.toThrow('fetch failed')
    const controller = new AbortController()
    controller.abort()
    await expect(
      log.fetchFor('send')('http://demo.test/b', { signal: controller.signal }),
    ).rejects.toThrow()
    expect(log.getSnapshot().map((e) => [e.source, e.failure, e.status])).toEqual([
      ['resolve', 'network', undefined],
      ['send', 'aborted', undefined],
    ])
    expect(before).toEqual([])
    log.clear()
    expect(log.getSnapshot()).toEqual([])
  })
})
