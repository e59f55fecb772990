import { EpaasError, EpaasRequestError, isAbortError } from '@epaas-picker/protocol'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MockErrcode } from './MockErrcode.js'
import { BASE_URL, harness, rejection } from './test/harness.js'

const select = '/campus/department/select'

function selectRequest(token: string, signal?: AbortSignal) {
  return new Request(`${BASE_URL}${select}?access_token=${token}`, {
    method: 'POST',
    body: JSON.stringify({ id: 0 }),
    signal,
  })
}

describe('fault switches', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('latencyMs delays every answer by that many milliseconds', async () => {
    vi.useFakeTimers()
    const h = harness({ faults: { latencyMs: 100 } })
    let settled = false
    const answer = h.mock.handle(selectRequest(h.userToken)).then((r) => {
      settled = true
      return r
    })
    await vi.advanceTimersByTimeAsync(99)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toBe(true)
    expect((await answer).status).toBe(200)
  })

  it('latencyJitterMs adds up to that much on top', async () => {
    vi.useFakeTimers()
    const h = harness({ faults: { latencyMs: 10, latencyJitterMs: 50 } })
    let settled = false
    void h.mock.handle(selectRequest(h.userToken)).then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(9)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(51)
    expect(settled).toBe(true)
  })

  it('busyRate answers errcode -1', async () => {
    const h = harness({ faults: { busyRate: 1 } })
    const error = await rejection(h.user.selectDepartments({ id: '0' }))
    expect(error).toBeInstanceOf(EpaasError)
    expect(error).toMatchObject({ errcode: MockErrcode.Busy, errmsg: 'system busy' })
    expect(h.mock.requests.at(-1)).toMatchObject({ fault: 'busy', errcode: -1 })
  })

  it('http502Rate answers HTTP 502 with an HTML body', async () => {
    const h = harness({ faults: { http502Rate: 1 } })
    const response = await h.mock.handle(selectRequest(h.userToken))
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(await response.text()).toContain('502 Bad Gateway')
    const error = await rejection(h.user.selectDepartments({ id: '0' }))
    expect(error).toBeInstanceOf(EpaasRequestError)
    expect(error).toMatchObject({ kind: 'http', status: 502 })
  })

  it('hangRate never answers, until the request signal aborts', async () => {
    const h = harness({ faults: { hangRate: 1 } })
    const controller = new AbortController()
    let settled = false
    const answer = h.mock.handle(selectRequest(h.userToken, controller.signal)).finally(() => {
      settled = true
    })
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(settled).toBe(false)
    expect(h.mock.requests.at(-1)).toMatchObject({ fault: 'hang', status: undefined })
    controller.abort()
    const error = await rejection(answer)
    expect(isAbortError(error)).toBe(true)

    // Through the client, a hanging answer is the client's timeout.
    const timeout = await rejection(h.user.selectDepartments({ id: '0' }, { timeoutMs: 20 }))
    expect(timeout).toMatchObject({ kind: 'timeout' })
  })

  it('malformedRate answers HTTP 200 with truncated JSON', async () => {
    const h = harness({ faults: { malformedRate: 1 } })
    const response = await h.mock.handle(selectRequest(h.userToken))
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text.startsWith('{"errcode":0')).toBe(true)
    expect(() => JSON.parse(text)).toThrow()
    expect(await rejection(h.user.selectDepartments({ id: '0' }))).toMatchObject({
      kind: 'malformed',
    })
  })

  it('rolls rates per request, deterministically for a seed', async () => {
    const outcomes = async () => {
      const h = harness({ faults: { busyRate: 0.3 }, seed: 7 })
      const codes: number[] = []
      for (let i = 0; i < 200; i++) {
        const response = await h.mock.handle(selectRequest(h.userToken))
        codes.push(((await response.json()) as { errcode: number }).errcode)
      }
      return codes
    }
    const first = await outcomes()
    const busy = first.filter((c) => c === -1).length
    expect(busy).toBeGreaterThan(35)
    expect(busy).toBeLessThan(85)
    expect(await outcomes()).toEqual(first)
  })

  it('paths limits faults to some endpoints; set, get and reset work on the live mock', async () => {
    const h = harness({ faults: { latencyMs: 0 } })
    h.mock.faults.set({ busyRate: 1, paths: ['/department/user/get'] })
    await expect(h.user.selectDepartments({ id: '0' })).resolves.toMatchObject({ errcode: 0 })
    expect(
      await rejection(h.user.getDepartmentUsers({ org_department_info_list: [] })),
    ).toMatchObject({ errcode: -1 })
    expect(h.mock.faults.get()).toMatchObject({ busyRate: 1, paths: ['/department/user/get'] })
    h.mock.faults.set({ paths: undefined })
    expect(await rejection(h.user.selectDepartments({ id: '0' }))).toMatchObject({ errcode: -1 })
    h.mock.faults.reset()
    expect(h.mock.faults.get()).toEqual({
      latencyMs: 0,
      latencyJitterMs: 0,
      busyRate: 0,
      http502Rate: 0,
      hangRate: 0,
      malformedRate: 0,
    })
    await expect(h.user.selectDepartments({ id: '0' })).resolves.toMatchObject({ errcode: 0 })
  })

  it('refuses invalid settings, naming the field', () => {
    const h = harness()
    expect(() => h.mock.faults.set({ busyRate: 2 })).toThrow(/busyRate/)
    expect(() => h.mock.faults.set({ latencyMs: -1 })).toThrow(/latencyMs/)
    expect(() => h.mock.faults.set({ busyrate: 1 } as never)).toThrow(/busyrate/)
    expect(() => harness({ faults: { hangRate: Number.NaN } })).toThrow(/hangRate/)
  })

  it('never applies to control routes', async () => {
    const h = harness({ faults: { hangRate: 1, http502Rate: 1 } })
    const response = await h.mock.handle(new Request(`${BASE_URL}/__mock/faults`))
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ faults: { hangRate: 1 } })
  })

  it('counts faulted requests in callCount and the log', async () => {
    const h = harness({ faults: { busyRate: 1 } })
    await rejection(h.user.selectDepartments({ id: '0' }))
    await rejection(h.user.selectDepartments({ id: '0' }))
    expect(h.mock.callCount(select)).toBe(2)
    expect(h.mock.callCount()).toBe(2)
    h.mock.resetLog()
    expect(h.mock.callCount()).toBe(0)
    expect(h.mock.requests).toEqual([])
  })
})
