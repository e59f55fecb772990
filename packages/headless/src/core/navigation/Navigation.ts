/**
 * Where the user is: the row holding the tab stop and the scroll offset of each mode, the tree
 * view pattern's keys (with type-ahead), and the mobile layout's drill-down path.
 */
import { isExpandableRow } from '../rowRules.js'
import { SEARCH_STATUS_KEY } from '../search/SearchModel.js'
import type { PickerMode, StoreContext } from '../StoreContext.js'
import { isPrintable, Typeahead, treeKeyAction, type TreeKeyAction } from './treeKeyboard.js'

/** A row `reveal` reached: the view scrolls to it, and focuses it when `focus` is set. */
export interface Revealed {
  readonly key: string
  readonly focus: boolean
  /** Counts reveals, so that revealing the same row again is a new one. */
  readonly sequence: number
}

/** Focus, scroll and drill-down. */
export class Navigation {
  /** Row keys drilled into (mobile layout), top first. */
  drillPath: readonly string[] = []
  /** The last row `reveal` reached, for the view to scroll to (and focus, when asked). */
  lastRevealed: Revealed | null = null

  readonly #ctx: StoreContext
  readonly #focused: Record<PickerMode, string | null> = { tree: null, search: null }
  readonly #scrollOffsets: Record<PickerMode, number> = { tree: 0, search: 0 }
  readonly #typeahead = new Typeahead()
  #readScrollOffset: (() => number) | null = null

  constructor(ctx: StoreContext) {
    this.#ctx = ctx
  }

  /** The row key holding the tab stop in a mode, as last set. */
  focusedIn(mode: PickerMode): string | null {
    return this.#focused[mode]
  }

  /** The scroll offset (px) saved for a mode. */
  scrollOffsetIn(mode: PickerMode): number {
    return this.#scrollOffsets[mode]
  }

  /** Moves the tab stop (roving focus) to a row of the current mode. */
  setFocused(key: string | null): void {
    const mode = this.#ctx.search.mode
    if (this.#focused[mode] === key) return
    this.#focused[mode] = key
    this.#ctx.emit()
  }

  /** Remembers the list's scroll offset (px) for the current mode; does not notify. */
  setScrollOffset(offset: number): void {
    this.#scrollOffsets[this.#ctx.search.mode] = offset
  }

  /**
   * How to read the list's scroll offset. It is read only when the mode is about to change (the
   * search box gains or loses text), before the list shows the other mode: never in a scroll
   * handler, where reading `scrollTop` after the list re-rendered would force a layout per frame.
   * Answers the function that forgets it.
   */
  trackScrollOffset(read: () => number): () => void {
    this.#readScrollOffset = read
    return () => {
      if (this.#readScrollOffset === read) this.#readScrollOffset = null
    }
  }

  /** Saves the current mode's offset from the tracked list (see `trackScrollOffset`). */
  saveScrollOffset(): void {
    if (this.#readScrollOffset) this.setScrollOffset(this.#readScrollOffset())
  }

  /** A row was collapsed: a tab stop inside it moves to it. */
  collapsed(key: string): void {
    const focused = this.#focused.tree
    if (focused !== null && focused.startsWith(`${key}/`)) this.#focused.tree = key
  }

  /** The search box was emptied: the results' tab stop and offset are forgotten. */
  leftSearch(): void {
    this.#focused.search = null
    this.#scrollOffsets.search = 0
  }

  /** New results arrived: they start at the top. */
  newResults(): void {
    this.#focused.search = null
    this.#scrollOffsets.search = 0
  }

  /** The tree starts over (a filter changed): the drill-down goes back to the top. */
  reset(): void {
    this.drillPath = []
  }

  /** Applies a key of the tree view pattern; answers the action taken, or `null`. */
  handleKey(key: string): TreeKeyAction | null {
    const ctx = this.#ctx
    const current = ctx.snapshot()
    const tree = current.mode === 'tree'
    const expanded = ctx.expansion.expanded
    const word = isPrintable(key) && key !== '*'
    const action = treeKeyAction(
      {
        rows: current.rows,
        focusedKey: current.focusedKey,
        isExpanded: (k) => tree && expanded.has(k),
        isExpandable: (row) => tree && isExpandableRow(row),
      },
      key,
      word ? this.#typeahead.push(key, (ctx.options.now ?? Date.now)()) : undefined,
    )
    if (action) this.#apply(action)
    return action
  }

  /** `reveal` reached a row: it takes the tab stop, and the mobile list opens its level. */
  revealed(key: string, ancestors: readonly string[], focus: boolean): void {
    this.#focused.tree = key
    this.drillPath = ancestors
    this.lastRevealed = { key, focus, sequence: (this.lastRevealed?.sequence ?? 0) + 1 }
    this.#ctx.selection.dismissRefusal()
    this.#ctx.emit()
  }

  /** Mobile drill-down: shows a department's children as the current list. */
  drillInto(key: string): void {
    const { tree } = this.#ctx
    if (!tree.parents.has(key)) return
    this.drillPath = [...this.drillPath, key]
    this.#ctx.selection.dismissRefusal()
    tree.startLoads([key])
    this.#ctx.emit()
  }

  /** Mobile drill-down: goes back to a breadcrumb level (0: the top). */
  drillTo(depth: number): void {
    if (depth >= this.drillPath.length) return
    this.drillPath = this.drillPath.slice(0, Math.max(0, depth))
    this.#ctx.selection.dismissRefusal()
    this.#ctx.emit()
  }

  #apply(action: TreeKeyAction) {
    const { expansion, selection, search, tree } = this.#ctx
    switch (action.type) {
      case 'focus':
        this.setFocused(action.key)
        return
      case 'expand':
      case 'collapse':
        expansion.setOne(action.key, action.type === 'expand')
        return
      case 'expand-siblings':
        expansion.request(new Set([...expansion.expanded, ...action.keys]))
        return
      case 'toggle-checked':
        selection.toggle(this.#ctx.snapshot().getRow(action.key))
        return
      case 'retry':
        if (action.row.kind !== 'status') return
        if (action.row.key === SEARCH_STATUS_KEY) search.retry()
        else tree.retry(action.row.parentKey)
    }
  }
}
