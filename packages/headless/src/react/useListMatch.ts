import { useSyncExternalStore } from 'react'
import type { ListMatch, ListMatchSnapshot } from '../core/paste/matchList.js'

/**
 * Reads a pasted list's matching (`matchList`) with `useSyncExternalStore`.
 *
 * @example
 * const state = useListMatch(match) // { status, entries, done, counts }
 */
export function useListMatch(match: ListMatch): ListMatchSnapshot {
  return useSyncExternalStore(match.subscribe, match.getSnapshot, match.getSnapshot)
}
