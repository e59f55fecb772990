/**
 * The picker store: lazy tree, flattened visible rows, selection rule, search, focus and
 * drill-down, behind `subscribe` / `getSnapshot` with immutable snapshots.
 */
import {
  emptyPickerValue,
  isAbortError,
  SearchType,
  SelectType,
  type PickerValue,
  type SelectDepartmentsRequest,
  type SelectNode,
} from '@epaas-picker/protocol'
import { EntityIndex } from './EntityIndex.js'
import {
  childrenRequest,
  pickFilters,
  sameFilters,
  searchRequest,
  type PickerFilters,
} from './filters.js'
import { createNodeRow, createStatusRow, statusRowOf } from './createNodeRow.js'
import { entityKeyOfNode, isDepartmentNode, parentKeyOf, rowKeyOf, rowSegment } from './keys.js'
import { itemFromNode, matchRanges } from './labels.js'
import { IDLE, PickerSnapshot } from './PickerSnapshot.js'
import type { Refusal } from './refusal.js'
import {
  addKnownPath,
  checkedState,
  emptySelection,
  removeDecision,
  selectionFromValue,
  selectionToValue,
  setChecked,
  type SelectionState,
} from './selection.js'
import { toSelectFetcher, type PickerTransport, type SelectFetcher } from './transport.js'
import { isPrintable, Typeahead, treeKeyAction, type TreeKeyAction } from './treeKeyboard.js'
import type { LoadState, NodeRow, RowStatus, SearchRow, StatusRow, TreeRow } from './types.js'

/** Loads one node's children (or the top level, `node: null`). */
export type ChildrenLoader = (context: {
  /** The request body, filters included. */
  request: SelectDepartmentsRequest
  /** The node being expanded; `null` for the top level. */
  node: SelectNode | null
  signal: AbortSignal
}) => Promise<SelectNode[]>

/** Options of {@link createPickerStore}. Every filter of the seed may be given too. */
export interface PickerStoreOptions extends PickerFilters {
  /**
   * How requests are sent: a `@epaas-picker/protocol` client or a fetcher function.
   * Default: `createEpaasClient({ baseUrl: '/api/epaas' })`, the proxy mount.
   */
  transport?: PickerTransport
  /**
   * Replaces the transport for children loads (the React layer routes them through a
   * QueryClient to share and cache them). Searches still use `transport`.
   */
  loadChildren?: ChildrenLoader
  /**
   * Most people that may be selected (counted with `users_total` for departments, 1 when
   * unknown). A tick that would go past it is refused with a reason. Default: no maximum.
   */
  maxCount?: number
  /** Milliseconds of quiet typing before a search is sent. Default 300. */
  searchDebounceMs?: number
  /** How `key` is matched: `0` name (default) or `3` phone or name. */
  search_type?: SearchType
  /** Controlled value. When set, changes are proposed through `onValueChange` only. */
  value?: PickerValue
  /** Initial value when uncontrolled. */
  defaultValue?: PickerValue
  /** Called with the new value after every tick, untick, removal or clear. */
  onValueChange?: (value: PickerValue) => void
  /** Controlled expanded row keys. */
  expanded?: readonly string[]
  /** Initially expanded row keys when uncontrolled (rows not loaded yet expand when they load). */
  defaultExpanded?: readonly string[]
  /** Called with every expanded row key after an expand or collapse. */
  onExpandedChange?: (expanded: string[]) => void
  /** Controlled text of the search box. */
  searchValue?: string
  /** Initial search text when uncontrolled. */
  defaultSearchValue?: string
  /** Called with the search box's text on every change. */
  onSearchValueChange?: (searchValue: string) => void
  /** Called when a tick is refused (disabled, not selectable, maximum). */
  onRefuse?: (refusal: Refusal) => void
  /** Clock for type-ahead, in ms. Default `Date.now`. */
  now?: () => number
}

/** The answer of {@link PickerStore.toggle}. */
export type ToggleResult = { ok: true } | { ok: false; refusal: Refusal }

/** What the store does, besides being read. */
export interface PickerStore {
  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** The current immutable snapshot (same object until something changes). */
  getSnapshot(): PickerSnapshot
  /** Starts loading the top level. Call once on the client (not during SSR). Idempotent. */
  start(): void
  /**
   * Aborts requests and timers. Subscribers stay; a later `start()` resumes (React StrictMode
   * mounts, unmounts and mounts again).
   */
  destroy(): void
  /**
   * Replaces the options (pass all of them, as `usePicker` does on every render): callbacks,
   * controlled values, transport, filters. A filter change reloads the tree, keeping the selection.
   */
  setOptions(options: PickerStoreOptions): void

  /** Expands a row, loading its children if needed. */
  expand(key: string): void
  /** Collapses a row. Focus inside it moves to it. */
  collapse(key: string): void
  /** Expands a collapsed row, collapses an expanded one. */
  toggleExpanded(key: string): void
  /** Replaces the expanded set (controlled `expanded` goes through here). */
  setExpanded(keys: readonly string[]): void
  /** Loads a failed node again (`null`: the top level). */
  retry(parentKey: string | null): void
  /** Retries whatever an error row stands for (a node's children or the search). */
  retryRow(row: StatusRow): void
  /**
   * Loads a node's children again (`null`: the top level), e.g. after the address book changed.
   * Through `usePicker`, invalidate the level's query first (`pickerKeys`) to bypass its cache.
   */
  reload(parentKey: string | null): void

  /** Ticks (`true`), unticks (`false`) or flips (no argument) a row's entity. */
  toggle(row: NodeRow | string, checked?: boolean): ToggleResult
  /** Why a row cannot be ticked now, or `null` (the maximum is checked on toggle). */
  canToggle(row: TreeRow): Refusal | null
  /** Drops one decided entity (a chip's remove button). */
  removeEntity(entityKey: string): void
  /** Unticks everything. */
  clearSelection(): void
  /** Replaces the value (controlled `value` goes through here). */
  setValue(value: PickerValue): void

  /** Sets the search text (debounced search follows). */
  setSearchValue(text: string): void
  /** Marks an IME composition open or closed; closing searches for `text`. */
  setComposing(composing: boolean, text?: string): void
  /** Sends the current search again (after an error). */
  retrySearch(): void

  /** Moves the tab stop (roving focus) to a row. */
  setFocusedKey(key: string | null): void
  /** Applies a key of the tree view pattern; answers the action taken, or `null`. */
  handleKey(key: string): TreeKeyAction | null
  /** Remembers the list's scroll offset (px) for the current mode; does not notify. */
  setScrollOffset(offset: number): void

  /** Mobile drill-down: shows a department's children as the current list. */
  drillInto(key: string): void
  /** Mobile drill-down: goes back to a breadcrumb level (0: the top). */
  drillTo(depth: number): void
}

const ROOT = ''
const SEARCH_STATUS_KEY = '?#status'

/**
 * Creates a picker store: the framework-free brain of the picker.
 *
 * @example
 * const store = createPickerStore({
 *   transport: createEpaasClient({ baseUrl: '/api/epaas' }),
 *   select_type: 0,
 *   select_role_list: [11, 12],
 * })
 * store.subscribe(() => render(store.getSnapshot().rows))
 * store.start()
 */
/** A children answer (or failure) waiting to be applied with the others of its turn. */
type Answer = { parentKey: string | null; generation: number } & (
  { nodes: readonly SelectNode[] } | { error: unknown }
)

export function createPickerStore(initial: PickerStoreOptions = {}): PickerStore {
  let options = initial
  let filters = pickFilters(initial)
  let fetcher: SelectFetcher = toSelectFetcher(initial.transport)
  let started = false
  let generation = 0
  let loadsController = new AbortController()
  const listeners = new Set<() => void>()
  const now = () => (options.now ?? Date.now)()

  // Tree. `parents` (rows that can be expanded, by key) and `childRows` only grow (until a filter
  // change resets them); other rows are found through their parent's children. `loads`,
  // `expanded` and `rows` are replaced on change, so a snapshot holding them never changes.
  let parents = new Map<string, NodeRow>()
  let childRows = new Map<string, readonly NodeRow[]>()
  let loads: ReadonlyMap<string, LoadState> = new Map()
  // Whether a snapshot holds `loads`: until the next emit, changes go into one private copy.
  let loadsShared = true
  // Answers that arrived in this turn, applied together in a microtask (one emit for them all).
  let answers: Answer[] = []
  let expanded: ReadonlySet<string> = new Set(initial.expanded ?? initial.defaultExpanded ?? [])
  let expandedProp = initial.expanded
  let rows: readonly TreeRow[] = []
  let spliceHint = 0
  let index = new EntityIndex()

  // Selection.
  let value = initial.value ?? initial.defaultValue ?? emptyPickerValue()
  let selection = selectionFromValue(value)
  const valueStates = new WeakMap([[value, selection]])
  let valueProp = initial.value
  let refusal: Refusal | null = null

  // Search.
  let searchInput = initial.searchValue ?? initial.defaultSearchValue ?? ''
  let composing = false
  let searchQuery = ''
  let searchStatus: 'idle' | 'pending' | 'loading' | 'success' | 'error' = 'idle'
  let searchError: unknown
  let searchResults: readonly SearchRow[] = []
  let searchRows: readonly (SearchRow | StatusRow)[] = []
  let searchTimer: ReturnType<typeof setTimeout> | undefined
  let searchController: AbortController | undefined
  let searchSeq = 0

  // Focus, scroll, drill-down.
  const focused = { tree: null as string | null, search: null as string | null }
  const scrollOffsets = { tree: 0, search: 0 }
  const typeahead = new Typeahead()
  let drillPath: readonly string[] = []

  spliceUnder(null, [])
  let snapshot = makeSnapshot()

  function mode(): 'tree' | 'search' {
    return searchInput.trim() ? 'search' : 'tree'
  }

  function makeSnapshot(): PickerSnapshot {
    const currentMode = mode()
    return new PickerSnapshot({
      mode: currentMode,
      treeRows: rows,
      searchRows,
      loads,
      expanded,
      selection,
      value,
      refusal,
      search: {
        input: searchInput,
        query: searchQuery,
        composing,
        status: searchStatus,
        error: searchError,
        results: searchResults,
      },
      focusedKey: focused[currentMode],
      scrollOffset: scrollOffsets[currentMode],
      drillPath,
      findRow: treeRow,
      childRows,
      selectType: filters.select_type ?? SelectType.Any,
      maxCount: options.maxCount,
    })
  }

  function emit() {
    snapshot = makeSnapshot()
    // The snapshot holds `loads` now: the next change copies it first.
    loadsShared = true
    for (const listener of [...listeners]) listener()
  }

  // -------------------------------------------------------------------------------------------
  // Flattening

  function isExpandable(row: NodeRow): boolean {
    return row.node.is_parent && isDepartmentNode(row.node)
  }

  /** A loaded tree row by key: expandable rows by map, others among their parent's children. */
  function treeRow(key: string): NodeRow | undefined {
    const parent = parents.get(key)
    if (parent) return parent
    const siblings = childRows.get(parentKeyOf(key) ?? ROOT)
    return siblings?.find((row) => row.key === key)
  }

  /** Load state of a row's children (`null`: the top level). */
  function loadOf(key: string | null): LoadState {
    return loads.get(key ?? ROOT) ?? IDLE
  }

  /** The visible rows under a parent (its children, their expanded subtrees, or a status row). */
  function buildUnder(parentKey: string | null, level: number, toLoad: (string | null)[]) {
    const out: TreeRow[] = []
    appendUnder(out, parentKey, level, toLoad)
    return out
  }

  function appendUnder(
    out: TreeRow[],
    parentKey: string | null,
    level: number,
    toLoad: (string | null)[],
  ) {
    const load = loadOf(parentKey)
    const kids = (load.status === 'success' && childRows.get(parentKey ?? ROOT)) || []
    if (kids.length === 0) {
      out.push(statusRowOf(parentKey, load, level))
      if (load.status === 'idle') toLoad.push(parentKey)
    }
    for (const kid of kids) {
      out.push(kid)
      if (expanded.has(kid.key) && isExpandable(kid)) appendUnder(out, kid.key, level + 1, toLoad)
    }
  }

  /**
   * Replaces what sits under a visible parent in the flattened list with its freshly built
   * subtree (or nothing, to collapse): one copy of the row pointers, no walk of the tree.
   * Answers whether the parent was visible.
   */
  function spliceUnder(parentKey: string | null, toLoad: (string | null)[], collapse = false) {
    if (parentKey === null) {
      rows = buildUnder(null, 1, toLoad)
      return true
    }
    const parent = parents.get(parentKey)
    if (!parent) return false
    // The row spliced last is usually the one acted on next (expand, then its answer arrives).
    const at = rows[spliceHint] === parent ? spliceHint : rows.indexOf(parent)
    if (at < 0) return false
    let end = at + 1
    while (end < rows.length && (rows[end] as TreeRow).level > parent.level) end++
    const replacement =
      collapse || !expanded.has(parentKey) ? [] : buildUnder(parentKey, parent.level + 1, toLoad)
    rows =
      replacement.length < 50_000
        ? rows.toSpliced(at + 1, end - at - 1, ...replacement)
        : rows.slice(0, at + 1).concat(replacement, rows.slice(end))
    spliceHint = at
    return true
  }

  // -------------------------------------------------------------------------------------------
  // Loading

  function setLoad(key: string, state: LoadState) {
    const next = loadsShared ? new Map(loads) : (loads as Map<string, LoadState>)
    next.set(key, state)
    loads = next
    loadsShared = false
  }

  function startLoads(keys: readonly (string | null)[]) {
    for (const key of keys) startLoad(key)
  }

  /**
   * Loads a level that is idle (`null`: the top level), once started. Keys of rows not loaded
   * yet, and levels loading, loaded or failed, are skipped, so callers may pass any key.
   */
  function startLoad(parentKey: string | null) {
    const node = parentKey === null ? null : parents.get(parentKey)?.node
    if (!started || node === undefined || loadOf(parentKey).status !== 'idle') return
    setLoad(parentKey ?? ROOT, { status: 'loading' })
    const ofGeneration = generation
    const request = childrenRequest(filters, node)
    const signal = loadsController.signal
    const answer = options.loadChildren
      ? options.loadChildren({ request, node, signal })
      : fetcher(request, { signal })
    answer.then(
      (nodes) => queueAnswer({ parentKey, generation: ofGeneration, nodes }),
      (error: unknown) => queueAnswer({ parentKey, generation: ofGeneration, error }),
    )
  }

  // Many levels answer in the same turn when their data is already there (an app expanding every
  // department with a warm query cache): each applied alone would copy the visible rows and emit.
  function queueAnswer(answer: Answer) {
    if (answers.push(answer) === 1) queueMicrotask(applyAnswers)
  }

  function applyAnswers() {
    const batch = answers.filter((answer) => answer.generation === generation)
    answers = []
    if (batch.length === 0) return
    const toLoad: (string | null)[] = []
    for (const answer of batch) {
      if ('nodes' in answer) receiveChildren(answer.parentKey, answer.nodes)
      else setLoad(answer.parentKey ?? ROOT, { status: 'error', error: answer.error })
    }
    // Several answers: one walk of the visible tree instead of one copy of the rows per answer.
    spliceUnder(batch.length === 1 ? (batch[0] as Answer).parentKey : null, toLoad)
    startLoads(toLoad)
    emit()
  }

  /**
   * Rows for the nodes of a level or of a search answer (`parentKey` `undefined`), numbered, each
   * key once (a node listed twice would break keys); records what they teach about entities.
   */
  function rowsOf(nodes: readonly SelectNode[], parentKey?: string | null, text = '') {
    const out: ReturnType<typeof createNodeRow>[] = []
    const seen = new Set<string>()
    const search = parentKey === undefined
    const level = ((parentKey && parents.get(parentKey)?.level) || 0) + 1
    let next = selection
    for (const node of nodes) {
      const key = search ? `?${rowSegment(node)}@${node.parent_id}` : rowKeyOf(parentKey, node)
      if (seen.size === seen.add(key).size) continue
      const entityKey = entityKeyOfNode(node)
      index.add(entityKey, node)
      if (next.entries.has(entityKey)) next = addKnownPath(next, entityKey, node.id_path)
      const row = createNodeRow(key, search ? null : parentKey, node, entityKey, level)
      out.push(
        search
          ? Object.assign(row, {
              matches: matchRanges(node.name, text),
              school: index.schoolOf(node.corpid),
            })
          : row,
      )
    }
    out.forEach((row, i) => {
      row.posinset = i + 1
      row.setsize = out.length
    })
    // A change of paths only: the value stays the same object, so nothing is proposed.
    if (next !== selection) {
      selection = next
      valueStates.set(value, next)
    }
    return out
  }

  /** Records a level's children (the caller rebuilds the visible rows and emits). */
  function receiveChildren(parentKey: string | null, nodes: readonly SelectNode[]) {
    const kids = rowsOf(nodes, parentKey)
    for (const kid of kids) if (isExpandable(kid)) parents.set(kid.key, kid)
    childRows.set(parentKey ?? ROOT, kids)
    setLoad(parentKey ?? ROOT, { status: 'success' })
  }

  /** Aborts the loads in flight; answers still on their way are ignored. */
  function abortLoads() {
    generation++
    loadsController.abort()
    loadsController = new AbortController()
  }

  function resetTree() {
    abortLoads()
    parents = new Map()
    childRows = new Map()
    loads = new Map()
    index = new EntityIndex()
    drillPath = []
    const toLoad: (string | null)[] = []
    spliceUnder(null, toLoad)
    startLoads(toLoad)
  }

  // -------------------------------------------------------------------------------------------
  // Expansion

  function expandedChanged(next: Set<string>, changed?: readonly string[]) {
    if (options.expanded !== undefined) {
      options.onExpandedChange?.([...next])
      return
    }
    applyExpanded(next, changed)
    emit()
    options.onExpandedChange?.([...next])
  }

  /**
   * Applies a new expanded set. `changed` lists the keys that differ when the caller knows them
   * (one expand or collapse), sparing a comparison of both whole sets.
   */
  function applyExpanded(next: ReadonlySet<string>, changed?: readonly string[]) {
    const previous = expanded
    expanded = next
    const toLoad: (string | null)[] = []
    const removed = changed ? changed.filter((key) => !next.has(key)) : previous
    const added = changed ? changed.filter((key) => next.has(key)) : next
    for (const key of removed) {
      if (!next.has(key)) {
        spliceUnder(key, toLoad, true)
        const focusedTree = focused.tree
        if (focusedTree !== null && focusedTree.startsWith(`${key}/`)) focused.tree = key
      }
    }
    // A row expanded out of sight loads anyway (startLoad skips keys of rows not loaded yet).
    for (const key of added) {
      if (!previous.has(key) && !spliceUnder(key, toLoad)) toLoad.push(key)
    }
    startLoads(toLoad)
  }

  // -------------------------------------------------------------------------------------------
  // Selection

  function proposeSelection(next: SelectionState) {
    const nextValue = selectionToValue(next)
    // `setValue` finds the state again instead of rebuilding it from the value.
    valueStates.set(nextValue, next)
    refusal = null
    store.setValue(nextValue)
  }

  function canToggle(row: TreeRow | undefined): Refusal | null {
    if (row?.kind !== 'node') return { code: 'disabled', entityKey: '' }
    const { node, entityKey } = row
    if (node.disabled) return { code: 'disabled', entityKey }
    return filters.select_type === SelectType.DepartmentsOnly && !isDepartmentNode(node)
      ? { code: 'not-selectable', entityKey }
      : null
  }

  function refuse(reason: Refusal): ToggleResult {
    refusal = reason
    emit()
    options.onRefuse?.(reason)
    return { ok: false, refusal: reason }
  }

  // -------------------------------------------------------------------------------------------
  // Search

  function applySearchInput(text: string) {
    const wasSearching = mode() === 'search'
    searchInput = text
    if (mode() === 'tree') {
      cancelSearch()
      searchQuery = ''
      searchStatus = 'idle'
      searchError = undefined
      searchResults = []
      searchRows = []
      focused.search = null
      scrollOffsets.search = 0
    } else if (!composing) {
      scheduleSearch()
    } else if (!wasSearching) {
      searchStatus = 'pending'
      searchRows = [searchStatusRow('loading')]
    }
    emit()
  }

  /** Stops the debounce timer and the request in flight; a late answer is ignored. */
  function cancelSearch() {
    clearTimeout(searchTimer)
    searchController?.abort()
    searchSeq++
  }

  function scheduleSearch() {
    clearTimeout(searchTimer)
    if (searchStatus !== 'loading') searchStatus = 'pending'
    if (searchResults.length === 0) searchRows = [searchStatusRow('loading')]
    const delay = options.searchDebounceMs ?? 300
    searchTimer = setTimeout(runSearch, delay)
  }

  function searchStatusRow(status: RowStatus, error?: unknown): StatusRow {
    return createStatusRow(null, status, 1, error, SEARCH_STATUS_KEY)
  }

  function runSearch() {
    const text = searchInput.trim()
    if (!text || !started) return
    searchController?.abort()
    const controller = new AbortController()
    searchController = controller
    const seq = ++searchSeq
    searchQuery = text
    searchStatus = 'loading'
    emit()
    const request = searchRequest(filters, text, options.search_type ?? SearchType.Name)
    fetcher(request, { signal: controller.signal }).then(
      (nodes) => {
        // A late answer to an older query never replaces a newer one.
        if (seq !== searchSeq) return
        receiveSearch(text, nodes)
      },
      (error: unknown) => {
        if (seq !== searchSeq || isAbortError(error)) return
        searchStatus = 'error'
        searchError = error
        searchRows = [searchStatusRow('error', error)]
        emit()
      },
    )
  }

  function receiveSearch(text: string, nodes: readonly SelectNode[]) {
    const results = rowsOf(nodes, undefined, text) as SearchRow[]
    searchResults = results
    searchRows = results.length > 0 ? results : [searchStatusRow('empty')]
    searchStatus = 'success'
    searchError = undefined
    scrollOffsets.search = 0
    focused.search = null
    emit()
  }

  // -------------------------------------------------------------------------------------------
  // The store

  function applyAction(action: TreeKeyAction) {
    switch (action.type) {
      case 'focus':
        store.setFocusedKey(action.key)
        return
      case 'expand':
      case 'collapse':
        expandOne(action.key, action.type === 'expand')
        return
      case 'expand-siblings':
        expandedChanged(new Set([...expanded, ...action.keys]))
        return
      case 'toggle-checked':
        store.toggle(action.key)
        return
      case 'retry':
        if (action.row.kind === 'status') store.retryRow(action.row)
    }
  }

  /** Expands (`open`) or collapses one row, if it is not so already. */
  function expandOne(key: string, open: boolean) {
    if (expanded.has(key) === open) return
    const next = new Set(expanded)
    if (open) next.add(key)
    else next.delete(key)
    expandedChanged(next, [key])
  }

  /** Loads a level again (`null`: the top level), showing its loading row meanwhile. */
  function loadAgain(parentKey: string | null) {
    setLoad(parentKey ?? ROOT, IDLE)
    const toLoad: (string | null)[] = []
    spliceUnder(parentKey, toLoad)
    // Also when out of sight (startLoad skips a level already loading).
    toLoad.push(parentKey)
    startLoads(toLoad)
    emit()
  }

  const store: PickerStore = {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => snapshot,

    start() {
      if (started) return
      started = true
      // After a stop (StrictMode unmounts and mounts again), loads cut short are started again.
      const toLoad: (string | null)[] = []
      spliceUnder(null, toLoad)
      startLoads([...toLoad, ...drillPath])
      if (mode() === 'search' && searchStatus !== 'success') scheduleSearch()
      emit()
    },

    destroy() {
      if (!started) return
      started = false
      abortLoads()
      // Loads cut short go back to idle so that a later start() sends them again.
      const next = new Map(loads)
      for (const [key, state] of loads) if (state.status === 'loading') next.delete(key)
      loads = next
      cancelSearch()
    },

    setOptions(next) {
      const previous = options
      options = next
      if (next.transport !== previous.transport) fetcher = toSelectFetcher(next.transport)
      let changed = false
      const nextFilters = pickFilters(next)
      if (!sameFilters(filters, nextFilters)) {
        filters = nextFilters
        resetTree()
        if (mode() === 'search' && started) scheduleSearch()
        changed = true
      }
      if (next.value !== undefined && next.value !== valueProp) {
        valueProp = next.value
        if (next.value !== value) {
          applyValue(next.value)
          changed = true
        }
      }
      if (next.expanded !== undefined && next.expanded !== expandedProp) {
        expandedProp = next.expanded
        const keys = new Set(next.expanded)
        if (keys.size !== expanded.size || [...keys].some((key) => !expanded.has(key))) {
          applyExpanded(keys)
          changed = true
        }
      }
      if (next.searchValue !== undefined && next.searchValue !== searchInput) {
        applySearchInput(next.searchValue)
        return
      }
      if (changed || next.maxCount !== previous.maxCount) emit()
    },

    expand: (key) => expandOne(key, true),
    collapse: (key) => expandOne(key, false),
    toggleExpanded: (key) => expandOne(key, !expanded.has(key)),
    setExpanded(keys) {
      expandedChanged(new Set(keys))
    },
    retry(parentKey) {
      if (loadOf(parentKey).status === 'error') loadAgain(parentKey)
    },
    reload(parentKey) {
      if (loadOf(parentKey).status !== 'loading') loadAgain(parentKey)
    },
    retryRow(row) {
      if (row.key === SEARCH_STATUS_KEY) store.retrySearch()
      else store.retry(row.parentKey)
    },

    toggle(target, checked) {
      const found = typeof target === 'string' ? snapshot.getRow(target) : target
      const refused = canToggle(found)
      if (refused) return refuse(refused)
      const row = found as NodeRow
      const { node, entityKey } = row
      const wanted = checked ?? checkedState(selection, row) !== true
      const next = setChecked(selection, row, wanted, {
        item: itemFromNode(node, {
          school: index.schoolOf(node.corpid),
          children: index.childrenOf(entityKey),
        }),
        paths: index.pathsOf(entityKey),
      })
      const max = options.maxCount
      if (wanted && next.count > (max ?? Infinity) && next.count > selection.count) {
        return refuse({
          code: 'maximum',
          entityKey,
          maximum: max as number,
          count: selection.count,
          requested: next.count,
        })
      }
      proposeSelection(next)
      return { ok: true }
    },
    canToggle,
    removeEntity(entityKey) {
      const next = removeDecision(selection, entityKey)
      if (next !== selection) proposeSelection(next)
    },
    clearSelection() {
      if (selection.entries.size > 0) proposeSelection(emptySelection())
    },
    setValue(next) {
      if (options.value !== undefined) {
        options.onValueChange?.(next)
        return
      }
      applyValue(next)
      emit()
      options.onValueChange?.(next)
    },

    setSearchValue(text) {
      if (text === searchInput) return
      if (options.searchValue !== undefined) {
        options.onSearchValueChange?.(text)
        return
      }
      applySearchInput(text)
      options.onSearchValueChange?.(text)
    },
    setComposing(open, text) {
      composing = open
      if (!open && text !== undefined && text !== searchInput) {
        store.setSearchValue(text)
        return
      }
      if (!open && mode() === 'search') scheduleSearch()
      emit()
    },
    retrySearch() {
      if (mode() !== 'search') return
      searchStatus = 'pending'
      searchRows = [searchStatusRow('loading')]
      runSearch()
    },

    setFocusedKey(key) {
      const currentMode = mode()
      if (focused[currentMode] === key) return
      focused[currentMode] = key
      emit()
    },
    handleKey(key) {
      const current = snapshot
      const word = isPrintable(key) && key !== '*'
      const action = treeKeyAction(
        {
          rows: current.rows,
          focusedKey: current.focusedKey,
          isExpanded: (k) => current.mode === 'tree' && expanded.has(k),
          isExpandable: (row) => current.mode === 'tree' && isExpandable(row),
        },
        key,
        word ? typeahead.push(key, now()) : undefined,
      )
      if (action) applyAction(action)
      return action
    },
    setScrollOffset(offset) {
      scrollOffsets[mode()] = offset
    },

    drillInto(key) {
      if (!parents.has(key)) return
      drillPath = [...drillPath, key]
      startLoad(key)
      emit()
    },
    drillTo(depth) {
      if (depth >= drillPath.length) return
      drillPath = drillPath.slice(0, Math.max(0, depth))
      emit()
    },
  }

  function applyValue(next: PickerValue) {
    if (next === value) return
    selection = valueStates.get(next) ?? selectionFromValue(next, (key) => index.pathsOf(key))
    value = next
    valueStates.set(next, selection)
  }

  return store
}
