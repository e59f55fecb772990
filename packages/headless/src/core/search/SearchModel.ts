/**
 * The search box (controlled or not) and its results: a debounced request with `key` and
 * `search_type` and every filter, never sent while an IME composition is open, the previous
 * request aborted, and a late answer to an older query never shown over a newer one.
 */
import { isAbortError, type SelectNode } from '@epaas-picker/protocol'
import { Controlled } from '../Controlled.js'
import { searchRequest } from '../filters.js'
import type { SearchSnapshot } from '../PickerSnapshot.js'
import type { PickerMode, StoreContext } from '../StoreContext.js'
import { createStatusRow } from '../tree/createNodeRow.js'
import { searchRowsOf } from '../tree/rowsOfNodes.js'
import { phoneSearchOn, searchKeyOf } from './phoneSearch.js'
import type { RowStatus, SearchRow, StatusRow } from '../types.js'

/** Key of the status row standing for the search results (loading, error, none). */
export const SEARCH_STATUS_KEY = '?#status'

/** The search text and results. */
export class SearchModel {
  /** The results, or one status row. */
  rows: readonly (SearchRow | StatusRow)[] = []

  readonly #ctx: StoreContext
  readonly #input: Controlled<string>
  #composing = false
  #query = ''
  #status: SearchSnapshot['status'] = 'idle'
  #error: unknown
  #results: readonly SearchRow[] = []
  #timer: ReturnType<typeof setTimeout> | undefined
  #controller: AbortController | undefined
  // Numbers the requests: an answer whose number is not the last one's is stale.
  #sequence = 0

  constructor(ctx: StoreContext) {
    this.#ctx = ctx
    const { searchValue, defaultSearchValue } = ctx.options
    this.#input = new Controlled(searchValue, defaultSearchValue ?? '')
  }

  /** `search` while the box holds text (besides spaces), else `tree`. */
  get mode(): PickerMode {
    return this.#input.current.trim() ? 'search' : 'tree'
  }

  /** The search part of a snapshot. */
  snapshot(): SearchSnapshot {
    return {
      input: this.#input.current,
      query: this.#query,
      composing: this.#composing,
      status: this.#status,
      error: this.#error,
      results: this.#results,
      phoneSearch: phoneSearchOn(this.#ctx.options.search_type, this.#ctx.options.phoneSearch),
    }
  }

  /** The user typed: applied when uncontrolled, proposed through `onSearchValueChange`. */
  request(text: string): void {
    if (text === this.#input.current) return
    this.#beforeInput(text)
    const { options } = this.#ctx
    this.#input.propose(text, options.searchValue, options.onSearchValueChange, () =>
      this.#applyInput(text),
    )
  }

  /** Takes a controlled `searchValue` of new options; answers whether it changed (and emitted). */
  sync(prop: string | undefined): boolean {
    if (prop !== undefined && prop !== this.#input.current) this.#beforeInput(prop)
    const next = this.#input.sync(prop)
    if (next === undefined) return false
    this.#applyInput(next)
    return true
  }

  /** An IME composition opened or closed; closing searches for `text`. */
  setComposing(open: boolean, text?: string): void {
    this.#composing = open
    if (!open && text !== undefined && text !== this.#input.current) {
      this.request(text)
      return
    }
    if (!open && this.mode === 'search') this.#schedule()
    this.#ctx.emit()
  }

  /** Sends the current search again (after an error). */
  retry(): void {
    if (this.mode !== 'search') return
    this.#status = 'pending'
    this.rows = [statusRow('loading')]
    this.#run()
  }

  /** Searches again after `start()` or a filter change, unless results are there. */
  resume(force = false): void {
    if (this.mode === 'search' && (force || this.#status !== 'success')) this.#schedule()
  }

  /**
   * One search beside the search box (a pasted list's names, say): the same request, with every
   * filter and the phone guess, and its results taught to the tree; the box is left alone.
   */
  async find(text: string, signal?: AbortSignal): Promise<SearchRow[]> {
    const ctx = this.#ctx
    const { key, search_type } = searchKeyOf(text, ctx.options.search_type, ctx.options.phoneSearch)
    const nodes = await ctx.fetcher(searchRequest(ctx.filters, key, search_type), { signal })
    signal?.throwIfAborted()
    const rows = searchRowsOf(nodes, text, ctx.tree.index, ctx.selection)
    ctx.selection.learned()
    return rows
  }

  /** Stops the debounce timer and the request in flight; a late answer is ignored. */
  cancel(): void {
    clearTimeout(this.#timer)
    this.#controller?.abort()
    this.#sequence++
  }

  // The list is about to show the other mode: its offset in this one is read now, once.
  #beforeInput(text: string) {
    const nextMode: PickerMode = text.trim() ? 'search' : 'tree'
    if (nextMode !== this.mode) this.#ctx.navigation.saveScrollOffset()
  }

  #applyInput(text: string) {
    const wasSearching = this.mode === 'search'
    this.#input.set(text)
    this.#ctx.selection.dismissRefusal()
    if (this.mode === 'tree') {
      this.cancel()
      this.#query = ''
      this.#status = 'idle'
      this.#error = undefined
      this.#results = []
      this.rows = []
      this.#ctx.navigation.leftSearch()
    } else if (!this.#composing) {
      this.#schedule()
    } else if (!wasSearching) {
      this.#status = 'pending'
      this.rows = [statusRow('loading')]
    }
    this.#ctx.emit()
  }

  #schedule() {
    clearTimeout(this.#timer)
    if (this.#status !== 'loading') this.#status = 'pending'
    if (this.#results.length === 0) this.rows = [statusRow('loading')]
    this.#timer = setTimeout(() => this.#run(), this.#ctx.options.searchDebounceMs ?? 300)
  }

  #run() {
    const ctx = this.#ctx
    const text = this.#input.current.trim()
    if (!text || !ctx.started) return
    this.#controller?.abort()
    const controller = new AbortController()
    this.#controller = controller
    const sequence = ++this.#sequence
    this.#query = text
    this.#status = 'loading'
    ctx.emit()
    const { key, search_type } = searchKeyOf(text, ctx.options.search_type, ctx.options.phoneSearch)
    const request = searchRequest(ctx.filters, key, search_type)
    ctx.fetcher(request, { signal: controller.signal }).then(
      (nodes) => {
        if (sequence === this.#sequence) this.#receive(text, nodes)
      },
      (error: unknown) => {
        if (sequence !== this.#sequence || isAbortError(error)) return
        this.#status = 'error'
        this.#error = error
        this.rows = [statusRow('error', error)]
        ctx.emit()
      },
    )
  }

  #receive(text: string, nodes: readonly SelectNode[]) {
    const { tree, selection, navigation } = this.#ctx
    const results = searchRowsOf(nodes, text, tree.index, selection)
    selection.learned()
    this.#results = results
    this.rows = results.length > 0 ? results : [{ ...statusRow('empty'), query: text }]
    this.#status = 'success'
    this.#error = undefined
    navigation.newResults()
    this.#ctx.emit()
  }
}

function statusRow(status: RowStatus, error?: unknown): StatusRow {
  return createStatusRow(null, status, 1, error, SEARCH_STATUS_KEY)
}
