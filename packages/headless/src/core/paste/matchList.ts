/**
 * Paste a list (批量添加): every name or phone number of a pasted text searched with the picker's
 * filters, a few at a time, each request cancellable; unique exact matches picked, same-named
 * people left for the user to choose, tokens that match nobody listed as typed; then everything
 * ticked as one change. Nothing changes the value before `apply`, so cancelling midway leaves it
 * as it was.
 */
import { isAbortError } from '@epaas-picker/protocol'
import pLimit from 'p-limit'
import { isDepartmentNode } from '../keys.js'
import type { PickerStore } from '../PickerStore.js'
import { phoneNumberOf } from '../search/phoneSearch.js'
import type { TickAllResult } from '../selection/tickEach.js'
import { Subscribable } from '../Subscribable.js'
import type { SearchRow } from '../types.js'
import { splitTokens } from './splitTokens.js'

/** Where one token stands. */
export type PasteEntryStatus =
  'waiting' | 'searching' | 'matched' | 'ambiguous' | 'missing' | 'error'

/** One pasted name or number. */
export interface PasteEntry {
  /** As typed (a phone number without its spaces). */
  readonly token: string
  readonly kind: 'phone' | 'name'
  readonly status: PasteEntryStatus
  /** The people it may mean, one row each (a parent listed once per child appears once). */
  readonly candidates: readonly SearchRow[]
  /** The row to tick: the one match, the user's choice, or `null`. */
  readonly chosen: SearchRow | null
  /** The failure of its search (`status: 'error'`). */
  readonly error?: unknown
}

/** Counts of a match, for "添加 35 人，2 人待确认，1 人未找到". */
export interface PasteCounts {
  /** Tokens with a row to tick (matched, or chosen among several). */
  readonly chosen: number
  /** Same-named people not chosen yet. */
  readonly pending: number
  /** Tokens that match nobody. */
  readonly missing: number
  /** Tokens whose search failed. */
  readonly failed: number
}

/** The state of a pasted list's matching. */
export interface ListMatchSnapshot {
  /** `matching` while searches run, then `done`; `cancelled`, or `applied` once ticked. */
  readonly status: 'matching' | 'done' | 'cancelled' | 'applied'
  readonly entries: readonly PasteEntry[]
  /** Tokens searched so far (answered or failed), of `entries.length`. */
  readonly done: number
  readonly counts: PasteCounts
  /** Repeats merged away from the paste. */
  readonly duplicates: number
}

/** Options of {@link matchList}. */
export interface MatchListOptions {
  /** Searches at once. Default 4. */
  concurrency?: number
  /** Most tokens in one paste. Default 500. */
  maxPasteTokens?: number
}

/** What {@link matchList} answers: a running match, or why nothing was sent. */
export type MatchListResult =
  | { ok: true; match: ListMatch }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'too-many'; count: number; maximum: number }

/**
 * Starts matching a pasted list against the picker's address book.
 *
 * @example
 * const result = matchList(store, '张三 李四\n13800000077')
 * if (result.ok) {
 *   result.match.subscribe(() => render(result.match.getSnapshot()))
 *   // later: result.match.choose('张三', row.key); result.match.apply()
 * }
 */
export function matchList(
  store: PickerStore,
  text: string,
  options: MatchListOptions = {},
): MatchListResult {
  const { tokens, duplicates } = splitTokens(text)
  const maximum = options.maxPasteTokens ?? 500
  if (tokens.length === 0) return { ok: false, reason: 'empty' }
  if (tokens.length > maximum)
    return { ok: false, reason: 'too-many', count: tokens.length, maximum }
  return { ok: true, match: new ListMatch(store, tokens, duplicates, options.concurrency ?? 4) }
}

/** A pasted list being matched; see {@link matchList}. */
export class ListMatch {
  readonly #store: PickerStore
  readonly #limit: ReturnType<typeof pLimit>
  readonly #controllers = new Map<string, AbortController>()
  readonly #duplicates: number
  #entries: PasteEntry[]
  #status: ListMatchSnapshot['status'] = 'matching'
  readonly #emitter: Subscribable<ListMatchSnapshot>

  constructor(
    store: PickerStore,
    tokens: readonly string[],
    duplicates: number,
    concurrency: number,
  ) {
    this.#store = store
    this.#limit = pLimit(Math.max(1, concurrency))
    this.#duplicates = duplicates
    this.#entries = tokens.map((token) => ({
      token,
      kind: phoneNumberOf(token) ? 'phone' : 'name',
      status: 'waiting',
      candidates: [],
      chosen: null,
    }))
    this.#emitter = new Subscribable(() => this.#snapshot())
    for (const entry of this.#entries) void this.#search(entry.token)
  }

  /** Adds a listener; answers the function removing it. */
  readonly subscribe = (listener: () => void) => this.#emitter.subscribe(listener)
  /** The current state (the same object until something changes). */
  readonly getSnapshot = () => this.#emitter.getSnapshot()

  /** Picks one of a token's candidates (by row key), or none (`null`). */
  choose(token: string, rowKey: string | null): void {
    this.#update(token, (entry) => ({
      ...entry,
      chosen: entry.candidates.find((row) => row.key === rowKey) ?? null,
    }))
  }

  /** Searches a failed token again. */
  retry(token: string): void {
    if (this.#status === 'cancelled' || this.#status === 'applied') return
    this.#status = 'matching'
    void this.#search(token)
  }

  /** Stops every search; the value stays as it was before the paste. */
  cancel(): void {
    if (this.#status === 'applied') return
    this.#status = 'cancelled'
    this.#limit.clearQueue()
    for (const controller of this.#controllers.values()) controller.abort()
    this.#controllers.clear()
    this.#emitter.emit()
  }

  /** Ticks every chosen row as one change of the value (one `onValueChange`). */
  apply(): TickAllResult {
    const rows = this.#entries.flatMap((entry) => (entry.chosen ? [entry.chosen] : []))
    const result = this.#store.tickAll(rows)
    this.cancel()
    this.#status = 'applied'
    this.#emitter.emit()
    return result
  }

  async #search(token: string) {
    const controller = new AbortController()
    this.#controllers.get(token)?.abort()
    this.#controllers.set(token, controller)
    this.#update(token, (entry) => ({ ...entry, status: 'waiting', error: undefined }))
    try {
      const rows = await this.#limit(() => {
        controller.signal.throwIfAborted()
        this.#update(token, (entry) => ({ ...entry, status: 'searching' }))
        return this.#store.find(token, { signal: controller.signal })
      })
      this.#update(token, (entry) => answered(entry, rows))
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return
      this.#update(token, (entry) => ({ ...entry, status: 'error', error }))
    } finally {
      if (this.#controllers.get(token) === controller) this.#controllers.delete(token)
    }
  }

  #update(token: string, change: (entry: PasteEntry) => PasteEntry) {
    if (this.#status === 'cancelled' || this.#status === 'applied') return
    this.#entries = this.#entries.map((entry) => (entry.token === token ? change(entry) : entry))
    const running = this.#entries.some((e) => e.status === 'waiting' || e.status === 'searching')
    this.#status = running ? 'matching' : 'done'
    this.#emitter.emit()
  }

  #snapshot(): ListMatchSnapshot {
    const entries = this.#entries
    const count = (test: (entry: PasteEntry) => boolean) => entries.filter(test).length
    return {
      status: this.#status,
      entries,
      done: count((e) => e.status !== 'waiting' && e.status !== 'searching'),
      duplicates: this.#duplicates,
      counts: {
        chosen: count((e) => e.chosen !== null),
        pending: count((e) => e.status === 'ambiguous' && e.chosen === null),
        missing: count((e) => e.status === 'missing'),
        failed: count((e) => e.status === 'error'),
      },
    }
  }
}

/**
 * A token's entry once its search answered: the people whose name is the token exactly (any
 * person a phone search answers), each once.
 */
function answered(entry: PasteEntry, rows: readonly SearchRow[]): PasteEntry {
  const people = new Map<string, SearchRow>()
  for (const row of rows) {
    if (isDepartmentNode(row.node)) continue
    if (entry.kind === 'name' && row.node.name !== entry.token) continue
    if (!people.has(row.entityKey)) people.set(row.entityKey, row)
  }
  const candidates = [...people.values()]
  const status =
    candidates.length === 0 ? 'missing' : candidates.length === 1 ? 'matched' : 'ambiguous'
  return { ...entry, status, candidates, chosen: candidates.length === 1 ? candidates[0]! : null }
}
