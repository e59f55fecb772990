/**
 * The expanded rows (controlled or not) and the flattened visible tree they give. An expand
 * splices the row's subtree in after it and loads what is missing; a collapse splices it out.
 */
import { Controlled } from '../Controlled.js'
import type { StoreContext } from '../StoreContext.js'
import type { TreeRow } from '../types.js'
import { replaceSubtree, rowsUnder, type LoadedLevels } from './flatRows.js'

const sameKeys = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every((key) => b.has(key))

/** Expanded row keys and the visible rows. */
export class Expansion {
  /** The flattened visible tree; replaced (never changed) on every change. */
  rows: readonly TreeRow[] = []

  readonly #ctx: StoreContext
  readonly #expanded: Controlled<ReadonlySet<string>>
  // The row spliced last is usually the one acted on next (expand, then its answer arrives).
  #spliceHint = 0

  constructor(ctx: StoreContext) {
    this.#ctx = ctx
    const { expanded, defaultExpanded } = ctx.options
    this.#expanded = new Controlled<ReadonlySet<string>>(
      expanded && new Set(expanded),
      new Set(defaultExpanded ?? []),
      sameKeys,
    )
    this.#lastProp = expanded
  }

  // The prop as given (an array), to tell a new prop from the same one again.
  #lastProp: readonly string[] | undefined

  /** Expanded row keys (including rows not loaded yet). */
  get expanded(): ReadonlySet<string> {
    return this.#expanded.current
  }

  /** Expands (`open`) or collapses one row, if it is not so already. */
  setOne(key: string, open: boolean): void {
    if (this.expanded.has(key) === open) return
    const next = new Set(this.expanded)
    if (open) next.add(key)
    else next.delete(key)
    this.request(next, [key])
  }

  /**
   * Asks for a new expanded set (a user's expand, collapse, `*`, `setExpanded`): applied when
   * uncontrolled, proposed through `onExpandedChange` either way. `changed` lists the keys that
   * differ when known, sparing a comparison of both sets.
   */
  request(next: Set<string>, changed?: readonly string[]): void {
    const { options } = this.#ctx
    const keys = options.expanded && new Set(options.expanded)
    this.#expanded.propose(
      next,
      keys,
      () => options.onExpandedChange?.([...next]),
      () => {
        this.#apply(next, changed)
        this.#ctx.emit()
      },
    )
  }

  /** Takes a controlled `expanded` of new options; answers whether the rows changed. */
  sync(prop: readonly string[] | undefined): boolean {
    if (prop === undefined || prop === this.#lastProp) return false
    this.#lastProp = prop
    const next = this.#expanded.sync(new Set(prop))
    if (!next) return false
    this.#apply(next)
    return true
  }

  /**
   * Rebuilds the rows under a parent whose children changed (`null`: the whole tree) and starts
   * the loads they call for. Answers whether the parent is visible.
   */
  refresh(parentKey: string | null, collapse = false): boolean {
    const toLoad: (string | null)[] = []
    const visible = this.#splice(parentKey, toLoad, collapse)
    this.#ctx.tree.startLoads(toLoad)
    return visible
  }

  #apply(next: ReadonlySet<string>, changed?: readonly string[]) {
    const previous = this.expanded
    this.#expanded.set(next)
    // An accepted action: the last refusal is no longer news.
    this.#ctx.selection.dismissRefusal()
    const toLoad: (string | null)[] = []
    const removed = changed ? changed.filter((key) => !next.has(key)) : previous
    const added = changed ? changed.filter((key) => next.has(key)) : next
    for (const key of removed) {
      if (next.has(key)) continue
      this.#splice(key, toLoad, true)
      this.#ctx.navigation.collapsed(key)
    }
    // A row expanded out of sight loads anyway (a load skips keys of rows not loaded yet).
    for (const key of added) {
      if (!previous.has(key) && !this.#splice(key, toLoad)) toLoad.push(key)
    }
    this.#ctx.tree.startLoads(toLoad)
  }

  #levels(): LoadedLevels {
    const { tree } = this.#ctx
    return { loadOf: (key) => tree.loadOf(key), childRows: tree.childRows, expanded: this.expanded }
  }

  /**
   * Replaces what sits under a visible parent with its freshly built subtree (or nothing, to
   * collapse): one copy of the row pointers, no walk of the tree.
   */
  #splice(parentKey: string | null, toLoad: (string | null)[], collapse = false): boolean {
    if (parentKey === null) {
      this.rows = rowsUnder(this.#levels(), null, 1, toLoad)
      return true
    }
    const parent = this.#ctx.tree.parents.get(parentKey)
    if (!parent) return false
    const rows = this.rows
    const at = rows[this.#spliceHint] === parent ? this.#spliceHint : rows.indexOf(parent)
    if (at < 0) return false
    const open = !collapse && this.expanded.has(parentKey)
    const replacement = open ? rowsUnder(this.#levels(), parentKey, parent.level + 1, toLoad) : []
    this.rows = replaceSubtree(rows, at, replacement)
    this.#spliceHint = at
    return true
  }
}
