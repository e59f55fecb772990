/**
 * Loads every level of a tree into a QueryClient before a story renders, straight from the mock
 * (no MSW in between), so that a story's checks wait for painting, not for thousands of requests.
 */
import { childrenQueryOptions, isDepartmentNode, type PickerFilters } from '@epaas-picker/headless'
import type { MockEpaas } from '@epaas-picker/mock-server'
import { createEpaasClient, type SelectNode } from '@epaas-picker/protocol'
import { QueryClient } from '@tanstack/react-query'

/** Levels fetched at once: enough to keep the mock busy, few enough for a loaded machine. */
const CONCURRENCY = 8

/** A QueryClient holding the children of every department under `filters`, fetched breadth-first. */
export async function preloadTree(mock: MockEpaas, filters: PickerFilters): Promise<QueryClient> {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const transport = createEpaasClient({
    baseUrl: 'http://mock.epaas',
    token: mock.issueUserToken(),
    fetch: (input, init) => mock.handle(new Request(input, init)),
  })
  const pending: (SelectNode | null)[] = [null]
  const load = async (node: SelectNode | null) => {
    const children = await queryClient.fetchQuery(
      childrenQueryOptions({ node, filters, transport, staleTime: Infinity }),
    )
    pending.push(...children.filter(isDepartmentNode))
  }
  const running = new Set<Promise<void>>()
  while (pending.length > 0 || running.size > 0) {
    while (pending.length > 0 && running.size < CONCURRENCY) {
      const task = load(pending.shift()!).finally(() => running.delete(task))
      running.add(task)
    }
    await Promise.race(running)
  }
  return queryClient
}
