/**
 * React Query keys and options for the picker's requests, from one key factory, so an app can
 * prefetch a level before the picker opens or invalidate the tree after an address-book change.
 */
import type { SelectNode } from '@epaas-picker/protocol'
import { queryOptions } from '@tanstack/react-query'
import { childrenRequest, pickFilters, type PickerFilters } from '../core/filters.js'
import { toSelectFetcher, type PickerTransport } from '../core/transport.js'

/** Default time (ms) a loaded level stays fresh: 5 minutes. */
export const DEFAULT_STALE_TIME = 5 * 60_000

/** The part of a node that identifies its children request. */
export interface NodeKey {
  /** The node's ID. */
  id: string
  /** The node's `select_node_type`, as the server sent it. */
  select_node_type?: string | number
  /** The node's organisation. */
  corpid?: string
}

/**
 * Query keys of the picker. Every key starts with `['epaas-picker', scope]`; `scope` tells apart
 * pickers talking to different backends through one QueryClient.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: pickerKeys.scope('default') })
 */
export const pickerKeys = {
  /** Every picker query. */
  all: ['epaas-picker'] as const,
  /** Every query of one scope. */
  scope: (scope: string) => ['epaas-picker', scope] as const,
  /** Every children query of one scope and filter set. */
  tree: (scope: string, filters: PickerFilters) =>
    ['epaas-picker', scope, 'children', pickFilters(filters)] as const,
  /** The children of one node (`null`: the top level) under a filter set. */
  children: (scope: string, filters: PickerFilters, node: SelectNode | NodeKey | null) =>
    [
      ...pickerKeys.tree(scope, filters),
      node === null
        ? { id: '0' }
        : { id: node.id, select_node_type: node.select_node_type, corpid: node.corpid },
    ] as const,
}

/** What {@link childrenQueryOptions} needs. */
export interface ChildrenQueryInput {
  /** The node to expand, or `null` for the top level. */
  node: SelectNode | null
  /** Filters repeated on every request (see `PickerFilters`). */
  filters?: PickerFilters
  /** Transport; default `createEpaasClient({ baseUrl: '/api/epaas' })`. */
  transport?: PickerTransport
  /** Key scope. Default `'default'`. */
  scope?: string
  /** Milliseconds a loaded level stays fresh. Default 5 minutes. */
  staleTime?: number
}

/**
 * Query options loading one node's children: use with `queryClient.prefetchQuery`,
 * `fetchQuery` or `useQuery`. The picker loads through the same options, so a prefetched level
 * is not asked again, and concurrent loads of one node share one request. Failures are not
 * retried (`retry: false`): the picker shows an error row with its own retry.
 *
 * @example
 * await queryClient.prefetchQuery(childrenQueryOptions({ node: null, filters: { select_type: 0 } }))
 */
export function childrenQueryOptions(input: ChildrenQueryInput) {
  const filters = pickFilters(input.filters ?? {})
  const fetcher = toSelectFetcher(input.transport)
  return queryOptions({
    queryKey: pickerKeys.children(input.scope ?? 'default', filters, input.node),
    queryFn: ({ signal }) => fetcher(childrenRequest(filters, input.node), { signal }),
    staleTime: input.staleTime ?? DEFAULT_STALE_TIME,
    // A failed level shows its error row and retry button at once; the proxy already retries
    // upstream "busy" answers, so the client's default retries would only delay that.
    retry: false,
  })
}
