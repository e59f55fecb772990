/**
 * The value (controlled or not) and the selection rule behind it: ticks, unticks, chip
 * removals, clear, refusals (disabled, departments only, the maximum).
 */
import { emptyPickerValue, type PickerValue, type SelectedUser } from '@epaas-picker/protocol'
import { Controlled } from '../Controlled.js'
import { itemFromNode } from '../labels.js'
import type { ToggleResult } from '../PickerStore.js'
import type { Refusal } from '../refusal.js'
import { isSelectableNode } from '../rowRules.js'
import type { StoreContext } from '../StoreContext.js'
import type { PathLearner } from '../tree/rowsOfNodes.js'
import type { NodeRow, TreeRow } from '../types.js'
import {
  addKnownPath,
  checkedState,
  refreshCrossPath,
  removeDecision,
  setChecked,
  type SelectionState,
  type SelectionTarget,
} from './selection.js'
import { ItemRules } from './ItemRules.js'
import type { ItemTarget } from './itemTarget.js'
import { tickEach, type TickAllResult } from './tickEach.js'
import { selectionFromValue, selectionToValue } from './selectionFromValue.js'

export class SelectionModel implements PathLearner {
  /** The selection rule of the value in force. */
  state: SelectionState
  /** The last refused tick, until the next accepted change. */
  refusal: Refusal | null = null

  readonly #ctx: StoreContext
  readonly #value: Controlled<PickerValue>
  // The rule of each value the store made or was given, so that a value handed back (controlled)
  // finds its rule again instead of rebuilding it.
  readonly #states = new WeakMap<PickerValue, SelectionState>()
  // People who gained a path in the answer being read, looked at again once it is read.
  #learned = new Set<string>()
  // The first value lacked locked items: the owner hears of them on start, not during render.
  #lockedAdded = false
  #rules: ItemRules | undefined

  constructor(ctx: StoreContext) {
    this.#ctx = ctx
    const { value, defaultValue } = ctx.options
    this.#value = new Controlled(value, defaultValue ?? emptyPickerValue())
    const given = this.value
    this.#value.set(this.rules.withLocked(given))
    this.#lockedAdded = this.value !== given
    this.state = selectionFromValue(this.value)
    this.#states.set(this.value, this.state)
  }

  /** The value in force (locked items included). */
  get value(): PickerValue {
    return this.#value.current
  }

  /** The app's disabled and locked items, made again when the options give new lists. */
  get rules(): ItemRules {
    const { disabledItems, lockedItems } = this.#ctx.options
    this.#rules = ItemRules.of(this.#rules, disabledItems, lockedItems)
    return this.#rules
  }

  /** Why a row cannot be ticked now, or `null` (the maximum is checked on toggle). */
  canToggle(row: TreeRow | ItemTarget | undefined): Refusal | null {
    if (!row || ('kind' in row && row.kind !== 'node')) {
      return { code: 'disabled', entityKey: '', name: '' }
    }
    const { node, entityKey } = row as SelectionTarget
    if (node.disabled) return { code: 'disabled', entityKey, name: node.name }
    const reason = this.rules.disabledReason(node)
    if (reason !== undefined) {
      return { code: 'disabled', entityKey, name: node.name, ...(reason ? { reason } : {}) }
    }
    return isSelectableNode(node, this.#ctx.filters.select_type)
      ? null
      : { code: 'not-selectable', entityKey, name: node.name }
  }

  /** Ticks (`true`), unticks (`false`) or flips a row's entity (or a value item's). */
  toggle(row: TreeRow | ItemTarget | undefined, checked?: boolean): ToggleResult {
    const step = this.#step(this.state, row, checked)
    if ('refusal' in step) return this.refuse(step.refusal)
    this.#propose(step.next)
    return { ok: true }
  }

  /**
   * Ticks every target as one change (one `onValueChange`): a pasted list, say. Each refused
   * target (disabled, departments only, the maximum reached) is answered with its refusal; the
   * others are ticked.
   */
  tickAll(targets: readonly (NodeRow | ItemTarget)[]): TickAllResult {
    const { next, ...result } = tickEach(this.state, targets, (state, target) =>
      this.#step(state, target, true),
    )
    if (next !== this.state) this.#propose(next)
    return result
  }

  /** What a tick or untick of `row` would make of `state`, or why it is refused. */
  #step(
    state: SelectionState,
    row: TreeRow | ItemTarget | undefined,
    checked: boolean | undefined,
  ): { next: SelectionState } | { refusal: Refusal } {
    const refusal = this.canToggle(row)
    if (refusal) return { refusal }
    const target = row as NodeRow | ItemTarget
    const { node, entityKey } = target
    const single = this.#ctx.options.selectionMode === 'single'
    const shown = single ? state.entries.get(entityKey)?.included === true : undefined
    const wanted = checked ?? (shown ?? checkedState(state, target) === true) === false
    if (!wanted && this.rules.lockedFor(node, entityKey)) {
      return { refusal: { code: 'locked', entityKey, name: node.name } }
    }
    const next = single ? this.#pick(target, wanted) : this.#tick(state, target, wanted)
    const max = this.#ctx.options.maxCount
    if (wanted && next.count > (max ?? Infinity) && next.count > state.count) {
      const counts = { maximum: max as number, count: state.count, requested: next.count }
      return { refusal: { code: 'maximum', entityKey, name: node.name, ...counts } }
    }
    return { next }
  }

  /** Drops one decided entity (a chip's remove button); a locked one is refused. */
  remove(entityKey: string): void {
    const entry = this.state.entries.get(entityKey)
    if (entry && this.rules.isLocked(entityKey)) {
      this.refuse({ code: 'locked', entityKey, name: entry.item.name })
      return
    }
    const next = removeDecision(this.state, entityKey)
    if (next !== this.state) this.#propose(next)
  }

  /** Unticks everything but the locked items. */
  clear(): void {
    const cleared = this.rules.withLocked(emptyPickerValue())
    if (this.state.entries.size > this.rules.locked.length) {
      this.#propose(selectionFromValue(cleared))
    }
  }

  /**
   * Asks for a new value (locked items added): applied when uncontrolled, proposed through
   * `onValueChange` either way.
   */
  request(asked: PickerValue): void {
    const { options } = this.#ctx
    const next = this.rules.withLocked(asked)
    this.#value.propose(next, options.value, options.onValueChange, () => {
      this.#apply(next)
      this.#ctx.emit()
    })
  }

  /**
   * Takes a controlled `value` of new options; answers whether it changed. A value without the
   * locked items is shown with them, and the value with them is proposed to the owner.
   */
  sync(prop: PickerValue | undefined): boolean {
    const given = this.#value.sync(prop)
    if (!given) return false
    const next = this.rules.withLocked(given)
    this.#apply(next)
    if (next !== given) this.#ctx.options.onValueChange?.(next)
    return true
  }

  /** On start: tells the owner of a first value that lacked the locked items. */
  started(): void {
    if (!this.#lockedAdded) return
    this.#lockedAdded = false
    this.#ctx.options.onValueChange?.(this.value)
  }

  /**
   * New `lockedItems` (or `disabledItems`) in the options: a value missing a newly locked item
   * gets it, and the owner hears of it. Answers whether the value changed.
   */
  syncLocked(): boolean {
    const next = this.rules.withLocked(this.value)
    if (next === this.value) return false
    this.#apply(next)
    this.#ctx.options.onValueChange?.(next)
    return true
  }

  /**
   * Forgets the last refusal (the next accepted action, or Escape): answers whether there was
   * one. The caller emits.
   */
  dismissRefusal(): boolean {
    if (this.refusal === null) return false
    this.refusal = null
    return true
  }

  /** Records a refusal and tells `onRefuse`. */
  refuse(refusal: Refusal): ToggleResult {
    this.refusal = refusal
    this.#ctx.emit()
    this.#ctx.options.onRefuse?.(refusal)
    return { ok: false, refusal }
  }

  learnPath(entityKey: string, path: readonly string[], learned: boolean): void {
    if (learned) this.#learned.add(entityKey)
    if (!this.state.entries.has(entityKey)) return
    // A change of paths only: the value stays the same object, so nothing is proposed.
    this.#replaceState(addKnownPath(this.state, entityKey, path))
  }

  /** After an answer was read: the people who gained a path are looked at again. */
  learned(): void {
    if (this.#learned.size === 0) return
    const learned = this.#learned
    this.#learned = new Set()
    this.#replaceState(refreshCrossPath(this.state, this.state, this.#ctx.tree.index, learned))
  }

  /** The tree started over (a filter changed): everything known of people is new. */
  reindex(): void {
    this.#learned = new Set()
    this.#replaceState(refreshCrossPath(this.state, undefined, this.#ctx.tree.index))
  }

  #replaceState(next: SelectionState) {
    if (next === this.state) return
    this.state = next
    this.#states.set(this.value, next)
  }

  #itemOf(node: NodeRow['node'], entityKey: string) {
    const { index } = this.#ctx.tree
    return itemFromNode(node, {
      school: index.schoolOf(node.corpid),
      children: index.childrenOf(entityKey),
    })
  }

  /**
   * A tick or untick in multiple choice: the selection rule. Locked items it drops come back
   * when the value is proposed (`withLocked`).
   */
  #tick(state: SelectionState, target: NodeRow | ItemTarget, wanted: boolean): SelectionState {
    const { index } = this.#ctx.tree
    const { entityKey } = target
    return setChecked(state, target, wanted, {
      item: 'item' in target ? target.item : this.#itemOf(target.node, entityKey),
      paths: index.pathsOf(entityKey),
      people: index,
      personItem: (key) => {
        const seen = index.nodeOf(key)
        return seen && (this.#itemOf(seen, key) as SelectedUser)
      },
    })
  }

  /** A pick in single choice: it replaces the previous one (locked items stay). */
  #pick(target: NodeRow | ItemTarget, wanted: boolean): SelectionState {
    if (!wanted) return removeDecision(this.state, target.entityKey)
    const item = 'item' in target ? target.item : this.#itemOf(target.node, target.entityKey)
    const value = emptyPickerValue()
    if (item.type === 'department') value.departments.push(item)
    else value.users.push(item)
    return selectionFromValue(this.rules.withLocked(value))
  }

  #propose(changed: SelectionState) {
    const next = refreshCrossPath(changed, this.state, this.#ctx.tree.index)
    const value = selectionToValue(next)
    this.#states.set(value, next)
    this.refusal = null
    this.request(value)
  }

  #apply(next: PickerValue) {
    if (next === this.value) return
    this.refusal = null
    const { index } = this.#ctx.tree
    // A value the store made has its rule; another (controlled, or set) is read afresh.
    this.state =
      this.#states.get(next) ??
      refreshCrossPath(
        selectionFromValue(next, (key) => index.pathsOf(key)),
        undefined,
        index,
      )
    this.#value.set(next)
    this.#states.set(next, this.state)
  }
}
