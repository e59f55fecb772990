/**
 * Children loads of the store through a QueryClient: concurrent loads of one node share a
 * request, loaded levels are cached, and the store's signal (aborted by `destroy` or a filter
 * change) cancels the query's fetch, whose own signal reaches `fetch`.
 */
import { hashKey, type QueryClient } from '@tanstack/react-query'
import type { ChildrenLoader } from '../core/PickerStore.js'
import { toSelectFetcher, type PickerTransport } from '../core/transport.js'
import { childrenQueryOptions } from './pickerQueryOptions.js'

/** What {@link childrenLoader} needs. */
export interface ChildrenLoaderInput {
  queryClient: QueryClient
  /** Default: `createEpaasClient({ baseUrl: '/api/epaas' })`. */
  transport: PickerTransport | undefined
  /** Query key scope (see `pickerKeys`). */
  scope: string | undefined
  /** Milliseconds a loaded level stays fresh. */
  staleTime: number | undefined
}

/**
 * A store's `loadChildren` that loads through `queryClient`. A load given up on cancels its
 * query's fetch unless another load of the same level is waiting for it by the end of the turn:
 * React's StrictMode stops a store and starts it again at once, and the second load takes over
 * the request of the first instead of sending another.
 */
export function childrenLoader(input: ChildrenLoaderInput): ChildrenLoader {
  const { queryClient, scope, staleTime } = input
  const transport = toSelectFetcher(input.transport)
  const waiting = new Map<string, number>()
  const wait = (hash: string, delta: number) => {
    const count = (waiting.get(hash) ?? 0) + delta
    if (count > 0) waiting.set(hash, count)
    else waiting.delete(hash)
  }
  return ({ node, filters, signal }) => {
    const options = childrenQueryOptions({ node, filters, transport, scope, staleTime })
    const hash = hashKey(options.queryKey)
    wait(hash, 1)
    let waitingHere = true
    const stopWaiting = () => {
      if (waitingHere) wait(hash, -1)
      waitingHere = false
    }
    const giveUp = () => {
      stopWaiting()
      queueMicrotask(() => {
        if (waiting.has(hash)) return
        void queryClient.cancelQueries({ queryKey: options.queryKey, exact: true })
      })
    }
    signal.addEventListener('abort', giveUp, { once: true })
    return queryClient.fetchQuery(options).finally(() => {
      signal.removeEventListener('abort', giveUp)
      stopWaiting()
    })
  }
}
