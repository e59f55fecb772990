/**
 * Names of a few recipients (the unmapped ones shown on the page), looked up through the
 * picker's own query cache: levels the picker loaded cost nothing, others are loaded once and
 * then serve the picker too.
 */
import { childrenQueryOptions } from '@epaas-picker/headless'
import type { PickerValue, SelectNode } from '@epaas-picker/protocol'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useDemoApi } from '../api/DemoApiContext.js'
import { lookupNames, personKey, type PersonName, type PersonRef } from './lookupNames.js'
import { pickerFilters } from './pickerFilters.js'

/** What {@link useRecipientNames} answers. */
export interface RecipientNames {
  /** Names found so far, by `personKey`. */
  names: ReadonlyMap<string, PersonName>
  status: 'pending' | 'error' | 'success'
}

const noNames: ReadonlyMap<string, PersonName> = new Map()

/**
 * Looks up the names of `people` (keep it short: the page asks for at most 20).
 *
 * @example
 * const { names } = useRecipientNames(unmapped.slice(0, 20), value)
 */
export function useRecipientNames(
  people: readonly PersonRef[],
  value: PickerValue,
): RecipientNames {
  const { api } = useDemoApi()
  const queryClient = useQueryClient()
  const keys = people.map(personKey)
  const query = useQuery({
    queryKey: ['demo', 'names', keys],
    enabled: people.length > 0,
    queryFn: ({ signal }) =>
      lookupNames({
        people,
        value,
        signal,
        fetchChildren: (department) =>
          queryClient.fetchQuery(
            childrenQueryOptions({
              // Only the identity of the node is read: id, select_node_type, corpid.
              node: department as SelectNode,
              filters: pickerFilters,
              transport: api.namesClient,
            }),
          ),
      }),
    staleTime: Infinity,
    retry: false,
  })
  return { names: query.data ?? noNames, status: people.length === 0 ? 'success' : query.status }
}
