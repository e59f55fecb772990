/**
 * `createPickerStore`: the framework-free picker, wired from small units that share one context
 * (see `StoreContext`): the loaded tree (`TreeLoader`), the expanded rows and the flattened list
 * (`Expansion`), the value and its rule (`SelectionModel`), the search (`SearchModel`), focus and
 * drill-down (`Navigation`), and the snapshot they make together (`PickerSnapshot`).
 */
import { Role, SelectType } from '@epaas-picker/protocol'
import { pickFilters, sameFilters } from './filters.js'
import { Navigation } from './navigation/Navigation.js'
import { reveal } from './navigation/reveal.js'
import { PickerSnapshot } from './PickerSnapshot.js'
import type { PickerStore, PickerStoreOptions } from './PickerStore.js'
import { SearchModel, SEARCH_STATUS_KEY } from './search/SearchModel.js'
import { targetOfItem } from './selection/itemTarget.js'
import { SelectionModel } from './selection/SelectionModel.js'
import type { StoreContext } from './StoreContext.js'
import { Subscribable } from './Subscribable.js'
import { toSelectFetcher } from './transport.js'
import { Expansion } from './tree/Expansion.js'
import { TreeLoader } from './tree/TreeLoader.js'

export type {
  ChildrenLoader,
  PickerStore,
  PickerStoreOptions,
  ToggleResult,
} from './PickerStore.js'

/**
 * Creates a picker store: lazy tree, flattened visible rows, selection rule, search, focus and
 * drill-down, behind `subscribe` / `getSnapshot` with immutable snapshots (for
 * `useSyncExternalStore`, or any view). Nothing is requested before `start()`.
 *
 * @example
 * const store = createPickerStore({
 *   transport: createEpaasClient({ baseUrl: '/api/epaas' }),
 *   select_type: 0,
 *   select_role_list: [11, 12],
 *   onValueChange: (value) => save(value),
 * })
 * const unsubscribe = store.subscribe(() => render(store.getSnapshot().rows))
 * store.start()
 * // later: store.toggle(rowKey); store.setSearchValue('张'); store.destroy()
 */
export function createPickerStore(initial: PickerStoreOptions = {}): PickerStore {
  // Long only as a table is: every method is one line handing the call to the unit that owns it.
  const ctx = createContext(initial)
  const { tree, expansion, selection, search, navigation } = ctx
  let defaultRevealed = false

  const store: PickerStore = {
    subscribe: ctx.emitter.subscribe,
    getSnapshot: ctx.emitter.getSnapshot,

    start() {
      if (ctx.started) return
      ctx.started = true
      // After a stop (StrictMode unmounts and mounts again), loads cut short are started again.
      expansion.refresh(null)
      tree.startLoads(navigation.drillPath)
      search.resume()
      ctx.emit()
      selection.started()
      const revealed = ctx.options.defaultRevealed
      if (revealed && !defaultRevealed) {
        defaultRevealed = true
        void reveal(ctx, revealed, false)
      }
    },
    destroy() {
      if (!ctx.started) return
      ctx.started = false
      tree.stop()
      search.cancel()
    },
    setOptions: (next) => setOptions(ctx, next),

    expand: (key) => expansion.setOne(key, true),
    collapse: (key) => expansion.setOne(key, false),
    toggleExpanded: (key) => expansion.setOne(key, !expansion.expanded.has(key)),
    setExpanded: (keys) => expansion.request(new Set(keys)),
    retry: (parentKey) => tree.retry(parentKey),
    reload: (parentKey) => tree.reload(parentKey),
    retryRow(row) {
      if (row.key === SEARCH_STATUS_KEY) search.retry()
      else tree.retry(row.parentKey)
    },

    toggle: (target, checked) =>
      selection.toggle(
        typeof target === 'string' ? ctx.snapshot().getRow(target) : target,
        checked,
      ),
    canToggle: (row) => selection.canToggle(row),
    removeEntity: (entityKey) => selection.remove(entityKey),
    clearSelection: () => selection.clear(),
    setValue: (value) => selection.request(value),
    tickAll: (targets) =>
      selection.tickAll(targets.map((t) => ('kind' in t ? t : targetOfItem(t)))),
    toggleItem: (item, checked) => selection.toggle(targetOfItem(item), checked),
    find: (text, options) => search.find(text, options?.signal),
    dismissRefusal() {
      if (selection.dismissRefusal()) ctx.emit()
    },

    setSearchValue: (text) => search.request(text),
    setComposing: (open, text) => search.setComposing(open, text),
    retrySearch: () => search.retry(),

    setFocusedKey: (key) => navigation.setFocused(key),
    handleKey: (key) => navigation.handleKey(key),
    setScrollOffset: (offset) => navigation.setScrollOffset(offset),
    trackScrollOffset: (read) => navigation.trackScrollOffset(read),
    drillInto: (key) => navigation.drillInto(key),
    drillTo: (depth) => navigation.drillTo(depth),
    reveal: (target) => reveal(ctx, target, true),
  }
  return store
}

/** The context with its units, the first rows and the first snapshot. */
function createContext(initial: PickerStoreOptions): StoreContext & {
  emitter: Subscribable<PickerSnapshot>
} {
  const ctx = {
    options: initial,
    filters: pickFilters(initial),
    fetcher: toSelectFetcher(initial.transport),
    started: false,
  } as StoreContext & { emitter: Subscribable<PickerSnapshot> }
  ctx.tree = new TreeLoader(ctx)
  ctx.selection = new SelectionModel(ctx)
  ctx.search = new SearchModel(ctx)
  ctx.navigation = new Navigation(ctx)
  ctx.expansion = new Expansion(ctx)
  ctx.expansion.refresh(null)
  ctx.emitter = new Subscribable(() => makeSnapshot(ctx))
  ctx.emit = () => ctx.emitter.emit()
  ctx.snapshot = ctx.emitter.getSnapshot
  return ctx
}

/**
 * Takes new options (all of them, as `usePicker` passes on every render): callbacks, controlled
 * values, transport, filters. A filter change reloads the tree, keeping the selection.
 */
function setOptions(ctx: StoreContext, next: PickerStoreOptions) {
  const previous = ctx.options
  ctx.options = next
  if (next.transport !== previous.transport) ctx.fetcher = toSelectFetcher(next.transport)
  let changed = false
  const filters = pickFilters(next)
  if (!sameFilters(ctx.filters, filters)) {
    ctx.filters = filters
    ctx.tree.reset()
    ctx.selection.reindex()
    ctx.navigation.reset()
    ctx.expansion.refresh(null)
    if (ctx.started) ctx.search.resume(true)
    changed = true
  }
  if (ctx.selection.sync(next.value)) changed = true
  if (ctx.selection.syncLocked()) changed = true
  // What the snapshot reads straight from the options: rows' disabled states, the placeholder.
  if (next.disabledItems !== previous.disabledItems) changed = true
  if (next.search_type !== previous.search_type || next.phoneSearch !== previous.phoneSearch) {
    changed = true
  }
  if (ctx.expansion.sync(next.expanded)) changed = true
  // A new search text emits on its own.
  if (ctx.search.sync(next.searchValue)) return
  if (changed || next.maxCount !== previous.maxCount) ctx.emit()
}

function makeSnapshot(ctx: StoreContext): PickerSnapshot {
  const { tree, expansion, selection, search, navigation } = ctx
  const mode = search.mode
  return new PickerSnapshot({
    mode,
    treeRows: expansion.rows,
    searchRows: search.rows,
    loads: tree.shareLoads(),
    expanded: expansion.expanded,
    selection: selection.state,
    value: selection.value,
    refusal: selection.refusal,
    search: search.snapshot(),
    focusedKey: navigation.focusedIn(mode),
    scrollOffset: navigation.scrollOffsetIn(mode),
    drillPath: navigation.drillPath,
    findRow: (key) => tree.findRow(key),
    childRows: tree.childRows,
    selectType: ctx.filters.select_type ?? SelectType.Any,
    maxCount: ctx.options.maxCount,
    rolesHidden: rolesHidden(ctx.filters.select_role_list),
    rules: selection.rules,
    selectionMode: ctx.options.selectionMode ?? 'multiple',
    revealed: navigation.lastRevealed,
  })
}

/** Whether a role filter leaves out one of the three roles. */
function rolesHidden(roles: readonly Role[] | undefined): boolean {
  return (
    roles !== undefined &&
    ![Role.Student, Role.Teacher, Role.Parent].every((r) => roles.includes(r))
  )
}
