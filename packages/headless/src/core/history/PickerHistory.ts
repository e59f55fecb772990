/**
 * Recent picks (最近选择): what a user confirmed before, most recent first, kept by an adapter
 * (localStorage by default, keyed by an app-given scope such as the user's ID). Only what a value
 * item already holds is kept (IDs and labels), never a token.
 */
import { entityKey, type PickerValue } from '@epaas-picker/protocol'
import type { SelectionItem } from '../selection/selection.js'

/** Where recent picks are kept: load and save the list, most recent first. */
export interface PickerHistory {
  load(): Promise<readonly SelectionItem[]>
  save(items: readonly SelectionItem[]): Promise<void>
}

/** The most recent picks kept by default. */
export const DEFAULT_RECENT_MAX = 20

/**
 * The list after a confirm: the value's ticked departments and people first, then the earlier
 * picks, each entity once, at most `max`.
 *
 * @example
 * const next = recentAfter(await history.load(), confirmedValue)
 * await history.save(next)
 */
export function recentAfter(
  previous: readonly SelectionItem[],
  value: PickerValue,
  max = DEFAULT_RECENT_MAX,
): SelectionItem[] {
  const seen = new Set<string>()
  const out: SelectionItem[] = []
  for (const item of [...value.departments, ...value.users, ...previous]) {
    const key = entityKey(item)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(item)
    if (out.length >= max) break
  }
  return out
}

/** Where {@link localStorageHistory} keeps its list. */
export interface LocalStorageHistoryOptions {
  /** Whose picks: the app's user ID, say. Default `'default'`. */
  scope?: string
  /** Default: `globalThis.localStorage`, read only when the history is used (after mount). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
}

/**
 * Recent picks in `localStorage`, under `epaas-picker:recent:<scope>`. Reads nothing until
 * loaded (safe to create during server rendering). A storage that is missing, full or refuses
 * access, and entries that are not value items, are ignored: the picker works without history.
 *
 * @example
 * <AddressBookPicker history={{ adapter: localStorageHistory({ scope: user.id }) }} />
 */
export function localStorageHistory(options: LocalStorageHistoryOptions = {}): PickerHistory {
  const key = `epaas-picker:recent:${options.scope ?? 'default'}`
  const storage = () => options.storage ?? globalThis.localStorage
  return {
    load: async () => {
      try {
        return parseItems(storage()?.getItem(key) ?? null)
      } catch {
        return []
      }
    },
    save: async (items) => {
      try {
        if (items.length === 0) storage()?.removeItem(key)
        else storage()?.setItem(key, JSON.stringify(items))
      } catch {
        // Full, or refused: the history is a convenience, the picker goes on without it.
      }
    },
  }
}

/** The value items of a stored list; anything else in it is left out. */
export function parseItems(text: string | null): SelectionItem[] {
  if (!text) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return []
  }
  return Array.isArray(parsed) ? parsed.filter(isItem) : []
}

function isItem(value: unknown): value is SelectionItem {
  if (typeof value !== 'object' || value === null) return false
  const item = value as Record<string, unknown>
  const labels =
    typeof item.corpid === 'string' &&
    typeof item.name === 'string' &&
    typeof item.path === 'string' &&
    Array.isArray(item.id_path) &&
    item.id_path.every((id) => typeof id === 'string')
  if (!labels) return false
  if (item.type === 'department') return typeof item.id === 'string'
  return (
    item.type === 'user' &&
    typeof item.userid === 'string' &&
    [11, 12, 13].includes(item.role_id as number)
  )
}
