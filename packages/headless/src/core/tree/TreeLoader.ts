/**
 * The loaded tree: one level of `/campus/department/select` at a time, each request echoing its
 * node's `id`, `select_node_type` and `corpid` with every filter; answers of one turn applied
 * together; loads aborted on a filter change or `destroy`, and a late answer of an older tree
 * ignored.
 */
import type { SelectNode } from '@epaas-picker/protocol'
import { levelKey } from '../keys.js'
import { childrenRequest } from '../filters.js'
import { isExpandableRow } from '../rowRules.js'
import type { StoreContext } from '../StoreContext.js'
import { IDLE, type LoadState, type NodeRow } from '../types.js'
import { EntityIndex } from './EntityIndex.js'
import { rowsOfLevel } from './rowsOfNodes.js'

/** A children answer (or failure) waiting to be applied with the others of its turn. */
type Answer = { parentKey: string | null; generation: number } & (
  { nodes: readonly SelectNode[] } | { error: unknown }
)

/** The loaded levels of the tree and their loading. */
export class TreeLoader {
  /** Rows that can be expanded, by key; only grows (until a filter change starts over). */
  parents = new Map<string, NodeRow>()
  /** Loaded children by {@link levelKey}; only grows (until a filter change starts over). */
  childRows = new Map<string, readonly NodeRow[]>()
  /** What the loaded levels and search results taught about entities. */
  index = new EntityIndex()

  readonly #ctx: StoreContext
  // Replaced on change once a snapshot holds it, so that a snapshot's map never changes; until
  // the next snapshot, changes go into one private copy.
  #loads: ReadonlyMap<string, LoadState> = new Map()
  #loadsShared = false
  #answers: Answer[] = []
  // Who waits for a level to be loaded (or to fail), by level key.
  #waiters = new Map<string, (() => void)[]>()
  #generation = 0
  #controller = new AbortController()

  constructor(ctx: StoreContext) {
    this.#ctx = ctx
  }

  /** The load states, for a snapshot: the map is not changed after this. */
  shareLoads(): ReadonlyMap<string, LoadState> {
    this.#loadsShared = true
    return this.#loads
  }

  /** Load state of a level (`null`: the top level). */
  loadOf(parentKey: string | null): LoadState {
    return this.#loads.get(levelKey(parentKey)) ?? IDLE
  }

  /** A loaded tree row by key: expandable rows by map, others among their parent's children. */
  findRow(key: string): NodeRow | undefined {
    const parent = this.parents.get(key)
    if (parent) return parent
    const cut = key.lastIndexOf('/')
    const siblings = this.childRows.get(cut < 0 ? levelKey(null) : key.slice(0, cut))
    return siblings?.find((row) => row.key === key)
  }

  /**
   * Loads the levels that are idle (`null`: the top level), once started. Keys of rows not loaded
   * yet, and levels loading, loaded or failed, are skipped, so callers may pass any key.
   */
  startLoads(parentKeys: readonly (string | null)[]): void {
    for (const parentKey of parentKeys) this.#startLoad(parentKey)
  }

  /** Loads a failed level again (`null`: the top level). */
  retry(parentKey: string | null): void {
    if (this.loadOf(parentKey).status === 'error') this.#loadAgain(parentKey)
  }

  /** Loads a level again unless it is loading (the address book changed, say). */
  reload(parentKey: string | null): void {
    if (this.loadOf(parentKey).status !== 'loading') this.#loadAgain(parentKey)
  }

  #loadAgain(parentKey: string | null) {
    this.#setLoad(parentKey, IDLE)
    // Its status row shows loading meanwhile.
    this.#ctx.expansion.refresh(parentKey)
    // Also when out of sight (a level already loading is skipped).
    this.startLoads([parentKey])
    this.#ctx.emit()
  }

  /**
   * Resolves once a level is loaded or failed (now, if it is). It waits for a load someone
   * starts; `reveal` expands the row first.
   */
  whenSettled(parentKey: string | null): Promise<void> {
    const status = this.loadOf(parentKey).status
    if (status === 'success' || status === 'error') return Promise.resolve()
    return new Promise((resolve) => {
      const key = levelKey(parentKey)
      this.#waiters.set(key, [...(this.#waiters.get(key) ?? []), resolve])
    })
  }

  /** Aborts the loads in flight; answers still on their way are ignored. */
  abort(): void {
    this.#generation++
    this.#controller.abort()
    this.#controller = new AbortController()
  }

  /** Forgets every loaded level (a filter changed); the caller rebuilds the rows. */
  reset(): void {
    this.abort()
    this.parents = new Map()
    this.childRows = new Map()
    this.#loads = new Map()
    this.#loadsShared = false
    this.index = new EntityIndex()
  }

  /** Aborts the loads in flight and puts their levels back to idle, for a later `start()`. */
  stop(): void {
    this.abort()
    const next = new Map(this.#loads)
    for (const [key, state] of this.#loads) if (state.status === 'loading') next.delete(key)
    this.#loads = next
    this.#loadsShared = false
  }

  #setLoad(parentKey: string | null, state: LoadState) {
    const next = this.#loadsShared ? new Map(this.#loads) : (this.#loads as Map<string, LoadState>)
    next.set(levelKey(parentKey), state)
    this.#loads = next
    this.#loadsShared = false
  }

  #startLoad(parentKey: string | null) {
    const ctx = this.#ctx
    const node = parentKey === null ? null : this.parents.get(parentKey)?.node
    if (!ctx.started || node === undefined || this.loadOf(parentKey).status !== 'idle') return
    this.#setLoad(parentKey, { status: 'loading' })
    const generation = this.#generation
    const request = childrenRequest(ctx.filters, node)
    const signal = this.#controller.signal
    const answer = ctx.options.loadChildren
      ? ctx.options.loadChildren({ request, node, filters: ctx.filters, signal })
      : ctx.fetcher(request, { signal })
    answer.then(
      (nodes) => this.#queue({ parentKey, generation, nodes }),
      (error: unknown) => this.#queue({ parentKey, generation, error }),
    )
  }

  // Many levels answer in the same turn when their data is already there (an app expanding every
  // node, or levels cached by a QueryClient): they are applied together in a microtask, so that
  // the visible rows are rebuilt and subscribers notified once for them all, not once per level.
  #queue(answer: Answer) {
    if (answer.generation !== this.#generation) return
    this.#answers.push(answer)
    if (this.#answers.length === 1) queueMicrotask(() => this.#applyAnswers())
  }

  #applyAnswers() {
    const batch = this.#answers.filter((answer) => answer.generation === this.#generation)
    this.#answers = []
    if (batch.length === 0) return
    for (const answer of batch) {
      if ('nodes' in answer) this.#receive(answer.parentKey, answer.nodes)
      else this.#setLoad(answer.parentKey, { status: 'error', error: answer.error })
    }
    this.#ctx.selection.learned()
    // Several answers: one walk of the visible tree instead of one copy of the rows per answer.
    const only = batch.length === 1 ? (batch[0] as Answer).parentKey : null
    this.#ctx.expansion.refresh(only)
    this.#ctx.emit()
    for (const answer of batch) this.#wake(answer.parentKey)
  }

  #wake(parentKey: string | null) {
    const key = levelKey(parentKey)
    const waiting = this.#waiters.get(key)
    if (!waiting) return
    this.#waiters.delete(key)
    for (const resolve of waiting) resolve()
  }

  /** Records a level's children (the caller rebuilds the visible rows and emits). */
  #receive(parentKey: string | null, nodes: readonly SelectNode[]) {
    const level = ((parentKey && this.parents.get(parentKey)?.level) || 0) + 1
    const kids = rowsOfLevel(nodes, parentKey, level, this.index, this.#ctx.selection)
    for (const kid of kids) if (isExpandableRow(kid)) this.parents.set(kid.key, kid)
    this.childRows.set(levelKey(parentKey), kids)
    this.#setLoad(parentKey, { status: 'success' })
  }
}
