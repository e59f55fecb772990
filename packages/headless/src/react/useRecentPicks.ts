/**
 * `useRecentPicks`: the recent picks of a history adapter for React: loaded after mount (nothing
 * is read while rendering on the server), recorded on confirm, cleared on demand.
 */
import type { PickerValue } from '@epaas-picker/protocol'
import { useCallback, useEffect, useState } from 'react'
import {
  DEFAULT_RECENT_MAX,
  recentAfter,
  type PickerHistory,
} from '../core/history/PickerHistory.js'
import type { SelectionItem } from '../core/selection/selection.js'

/** What {@link useRecentPicks} answers. */
export interface RecentPicks {
  /** Most recent first; empty until loaded, and when the history is unavailable. */
  items: readonly SelectionItem[]
  /** Whether the history was read (so an empty list means "none"). */
  loaded: boolean
  /** Records a confirmed value. */
  record(value: PickerValue): Promise<void>
  /** Forgets every recent pick. */
  clear(): Promise<void>
}

/**
 * Recent picks from `history` (at most `max`, default 20).
 *
 * @example
 * const recent = useRecentPicks(localStorageHistory({ scope: user.id }))
 * // on confirm: recent.record(value)
 */
export function useRecentPicks(history: PickerHistory, max = DEFAULT_RECENT_MAX): RecentPicks {
  const [items, setItems] = useState<readonly SelectionItem[]>([])
  const [loaded, setLoaded] = useState(false)
  useEffect(() => {
    let current = true
    history.load().then(
      (stored) => {
        if (!current) return
        setItems(stored.slice(0, max))
        setLoaded(true)
      },
      () => current && setLoaded(true),
    )
    return () => {
      current = false
    }
  }, [history, max])
  const record = useCallback(
    async (value: PickerValue) => {
      const next = recentAfter(await history.load().catch(() => []), value, max)
      setItems(next)
      await history.save(next).catch(() => undefined)
    },
    [history, max],
  )
  const clear = useCallback(async () => {
    setItems([])
    await history.save([]).catch(() => undefined)
  }, [history])
  return { items, loaded, record, clear }
}
