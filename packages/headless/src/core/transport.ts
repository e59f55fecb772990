/**
 * How the picker reaches `/campus/department/select`: a protocol client (by default one pointed
 * at the proxy mount `/api/epaas`, which adds tokens on the server) or any function answering the
 * node list.
 */
import {
  createEpaasClient,
  type EpaasClient,
  type SelectDepartmentsRequest,
  type SelectNode,
} from '@epaas-picker/protocol'

/**
 * Answers one `/campus/department/select` request with its `node_list`. Must pass `signal` on to
 * `fetch` so that stale searches are cancelled.
 */
export type SelectFetcher = (
  request: SelectDepartmentsRequest,
  options: { signal?: AbortSignal },
) => Promise<SelectNode[]>

/** A ready client of `@epaas-picker/protocol`, or a custom fetcher. */
export type PickerTransport = EpaasClient | SelectFetcher

/** Where the default transport sends requests: the proxy's usual mount. */
export const DEFAULT_PROXY_BASE_URL = '/api/epaas'

/**
 * Turns a transport option into a fetcher. Without one, a client on
 * `createEpaasClient({ baseUrl: '/api/epaas' })` is made (no token: the proxy adds it).
 *
 * @example
 * const fetchNodes = toSelectFetcher(createEpaasClient({ baseUrl: '/api/epaas' }))
 * const roots = await fetchNodes({ id: '0', select_type: 0 }, {})
 */
export function toSelectFetcher(transport?: PickerTransport): SelectFetcher {
  if (typeof transport === 'function') return transport
  const client = transport ?? createEpaasClient({ baseUrl: DEFAULT_PROXY_BASE_URL })
  return async (request, { signal }) =>
    (await client.selectDepartments(request, signal ? { signal } : undefined)).node_list
}
