/**
 * The public face of the picker store: its options and what it does. `createPickerStore` wires
 * the units that implement it.
 */
import type {
  PickerValue,
  SearchType,
  SelectDepartmentsRequest,
  SelectNode,
} from '@epaas-picker/protocol'
import type { PickerFilters } from './filters.js'
import type { DisabledItem } from './selection/ItemRules.js'
import type { SelectionItem } from './selection/selection.js'
import type { PickerSnapshot } from './PickerSnapshot.js'
import type { Refusal } from './refusal.js'
import type { PickerTransport } from './transport.js'
import type { RevealResult, RevealTarget } from './navigation/reveal.js'
import type { TreeKeyAction } from './navigation/treeKeyboard.js'
import type { TickAllResult } from './selection/tickEach.js'
import type { NodeRow, SearchRow, StatusRow, TreeRow } from './types.js'

/** Loads one node's children (or the top level, `node: null`). */
export type ChildrenLoader = (context: {
  /** The request body, filters included. */
  request: SelectDepartmentsRequest
  /** The node being expanded; `null` for the top level. */
  node: SelectNode | null
  /** The filters the request repeats (the store's, as `pickFilters` gives them). */
  filters: PickerFilters
  /** Aborted when the store gives up on the load (`destroy`, a filter change). */
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
  /**
   * `multiple` (default): tick any number of departments and people. `single`: one pick, which
   * replaces the previous one (in the tree, results and the mobile list); rows show only their
   * own pick, not their department's. `select_type` still says what may be picked.
   */
  selectionMode?: SelectionMode
  /**
   * Items the app disables on top of the server's `disabled` nodes: people by `userid` (and
   * `role_id`), departments by `id` (either narrowed by `corpid`), with an optional `reason` shown
   * on the row and in the refusal.
   */
  disabledItems?: readonly DisabledItem[]
  /**
   * Items always selected: shown ticked, never unticked or removed (a tick inside a locked
   * department neither), kept by "clear all", counted for `maxCount`, and shown with their names
   * before anything loads (they carry their labels, like a value's items). They win over a
   * controlled `value` that leaves them out: the store adds them and proposes that value.
   */
  lockedItems?: readonly SelectionItem[]
  /**
   * Where the tree starts: revealed once the store starts (its ancestors opened, its row
   * scrolled to and holding the tab stop, without taking the page's focus). A teacher's class,
   * say. See {@link PickerStore.reveal}.
   */
  defaultRevealed?: RevealTarget
  /** Milliseconds of quiet typing before a search is sent. Default 300. */
  searchDebounceMs?: number
  /**
   * How `key` is matched, for every search: `0` name, `3` phone or name. Default: a text that is
   * a mobile number (`138 0000 0077`, `+8613800000077`) is sent as a phone search (`3`, the
   * number alone), anything else as a name (`0`); see `phoneSearch`.
   */
  search_type?: SearchType
  /** Sends mobile numbers as phone searches when `search_type` is not given. Default `true`. */
  phoneSearch?: boolean
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

/** How many may be picked: any number (`multiple`), or one (`single`). */
export type SelectionMode = 'multiple' | 'single'

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
  /**
   * Ticks rows (or value items) as one change: one `onValueChange`. Answers the entity keys
   * ticked and a refusal for each of the others (disabled, departments only, the maximum).
   *
   * @example
   * const { ticked, refused } = store.tickAll(matchedRows)
   */
  tickAll(targets: readonly (NodeRow | SelectionItem)[]): TickAllResult
  /** Ticks, unticks or flips a value item (a recent pick, say) as a row of it would. */
  toggleItem(item: SelectionItem, checked?: boolean): ToggleResult
  /**
   * Searches beside the search box, with every filter and the phone guess (a pasted list's
   * names): answers the result rows, whose paths the tree learns. The box is left alone.
   */
  find(text: string, options?: { signal?: AbortSignal }): Promise<SearchRow[]>
  /**
   * Hides the last refusal (Escape does this in `usePicker`'s tree and search box). Any accepted
   * action (a tick, an expand, typing, drilling) hides it too.
   */
  dismissRefusal(): void

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
  /**
   * Tells the store how to read the list's scroll offset (px). The store reads it only when the
   * mode is about to change, to bring each mode back where it was; a view need not report its
   * offset while scrolling. Answers the function that stops it.
   *
   * @example
   * useLayoutEffect(() => store.trackScrollOffset(() => listElement.scrollTop), [store])
   */
  trackScrollOffset(read: () => number): () => void

  /** Mobile drill-down: shows a department's children as the current list. */
  drillInto(key: string): void
  /** Mobile drill-down: goes back to a breadcrumb level (0: the top). */
  drillTo(depth: number): void
  /**
   * Opens the tree down to an item (a value item, or a department's `id_path`), level by level
   * through the normal lazy loads, then gives it the tab stop, scrolls to it and focuses it
   * (`snapshot.revealed`), and opens its level in the mobile list. Resolves with the row's key,
   * or `{ found: false }` (with a `not-found` refusal) when the path no longer leads to it.
   *
   * @example
   * await store.reveal({ type: 'department', id_path: ['3029000', '3029001', '3029019'] })
   */
  reveal(target: RevealTarget): Promise<RevealResult>
}
