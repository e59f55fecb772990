import { createMockEpaas } from '@epaas-picker/mock-server'
import { createEpaasClient } from '@epaas-picker/protocol'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import type { SelectFetcher } from '../core/transport.js'
import { childrenLoader } from './childrenLoader.js'

/** A loader on the mock, whose every answer hangs until its request is aborted. */
function hangingLoader() {
  const mock = createMockEpaas({ dataset: 'small', faults: { hangRate: 1 } })
  const client = createEpaasClient({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    token: mock.issueUserToken(),
    timeoutMs: 60_000,
  })
  // The signals the QueryClient hands the request: what reaches `fetch`.
  const signals: AbortSignal[] = []
  const transport: SelectFetcher = async (request, { signal }) => {
    if (signal) signals.push(signal)
    return (await client.selectDepartments(request, signal ? { signal } : {})).node_list
  }
  const queryClient = new QueryClient()
  const load = childrenLoader({ queryClient, transport, scope: 'test', staleTime: 0 })
  const request = { id: '0' }
  return { mock, queryClient, load, request, signals }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('childrenLoader', () => {
  it("cancels the query's request when the store gives up on the load", async () => {
    const { mock, load, request, signals } = hangingLoader()
    const stop = new AbortController()
    const answer = load({ request, node: null, filters: {}, signal: stop.signal })
    answer.catch(() => undefined)
    await settle()
    expect(mock.requests.at(-1)).toMatchObject({ fault: 'hang' })
    expect(signals[0]?.aborted).toBe(false)
    stop.abort()
    await expect(answer).rejects.toThrow()
    expect(signals[0]?.aborted).toBe(true)
  })

  it('lets a load started again in the same turn take over the request (StrictMode)', async () => {
    const { mock, queryClient, load, request, signals } = hangingLoader()
    const first = new AbortController()
    load({ request, node: null, filters: {}, signal: first.signal }).catch(() => undefined)
    first.abort()
    const again = load({ request, node: null, filters: {}, signal: new AbortController().signal })
    again.catch(() => undefined)
    await settle()
    expect(mock.callCount('/campus/department/select')).toBe(1)
    expect(queryClient.isFetching()).toBe(1)
    expect(signals[0]?.aborted).toBe(false)
    queryClient.clear()
  })
})
