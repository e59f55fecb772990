/**
 * `useRecipientCount`: how many people a value reaches, by the proxy's `resolve`, kept up to
 * date as the selection changes: debounced, the stale request cancelled, by role.
 */
import type { PickerValue, ResolveProgress } from '@epaas-picker/protocol'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import {
  proxyRecipientCounter,
  type RecipientCount,
  type RecipientCounter,
  type RecipientCountRequest,
} from '../core/recipientCount.js'

/** Options of {@link useRecipientCount}. */
export interface UseRecipientCountOptions extends RecipientCountRequest {
  /** How to count. Default `proxyRecipientCounter()` (the proxy at `/api/epaas`). */
  counter?: RecipientCounter
  /** Milliseconds of quiet after a change before counting. Default 300. */
  debounceMs?: number
  /** Counts nothing while `false`. Default `true`. */
  enabled?: boolean
  /** First element of the query key after `'epaas-picker'`. Default `'default'`. */
  queryScope?: string
}

/** Where a count stands. */
export type RecipientCountState =
  /** Nothing is selected (or no role asked): nobody, and no request made. */
  | { status: 'empty' }
  /** Counting; `previous` is the count of the value before, `progress` how far `resolve` is. */
  | {
      status: 'loading'
      previous: RecipientCount | undefined
      progress: ResolveProgress | undefined
    }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'success'; count: RecipientCount }

/** Whether a value selects nobody. */
export const selectsNobody = (value: PickerValue): boolean =>
  value.departments.length === 0 && value.users.length === 0

/**
 * The exact count of a value, from the proxy's `resolve` (`recipients: 'none'`). Needs a
 * `QueryClientProvider` above it; answers are cached by value, roles and channel.
 *
 * @example
 * const count = useRecipientCount({ value, role_ids: [11, 13] })
 * count.status === 'success' ? `共 ${count.count.total} 人` : '计算中…'
 */
export function useRecipientCount(options: UseRecipientCountOptions): RecipientCountState {
  const { value, role_ids, channel, listUnmapped, debounceMs = 300, enabled = true } = options
  const counter = useMemo(() => options.counter ?? proxyRecipientCounter(), [options.counter])
  const request = useMemo(
    () => ({ value, role_ids, channel, listUnmapped }),
    [value, role_ids, channel, listUnmapped],
  )
  const key = useMemo(() => requestKey(request), [request])
  const settledKey = useDebounced(key, debounceMs)
  const [progress, setProgress] = useState<{ key: string; progress: ResolveProgress }>()
  const empty = selectsNobody(value) || role_ids?.length === 0
  const query = useQuery({
    queryKey: ['epaas-picker', options.queryScope ?? 'default', 'recipient-count', settledKey],
    enabled: enabled && !empty && settledKey === key,
    queryFn: ({ signal }) =>
      counter(request, { signal, onProgress: (p) => setProgress({ key, progress: p }) }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  })
  if (empty || !enabled) return { status: 'empty' }
  const current = settledKey === key && !query.isPlaceholderData
  if (current && query.isError) {
    return { status: 'error', error: query.error, retry: () => void query.refetch() }
  }
  if (current && query.isSuccess) return { status: 'success', count: query.data }
  return {
    status: 'loading',
    previous: query.data,
    progress: progress?.key === key ? progress.progress : undefined,
  }
}

/** The part of a request a count depends on: the rule and the filters, not the labels. */
function requestKey(request: RecipientCountRequest): string {
  const { value } = request
  const ids = (items: readonly { corpid: string; type: string }[]) =>
    items.map((item) => JSON.stringify(item)).sort()
  return JSON.stringify([
    ids(value.departments),
    ids(value.users),
    ids(value.excluded),
    [...(request.role_ids ?? [])].sort(),
    request.channel ?? 'epaas',
    request.listUnmapped ?? false,
  ])
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    if (ms <= 0) return
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return ms <= 0 ? value : settled
}
