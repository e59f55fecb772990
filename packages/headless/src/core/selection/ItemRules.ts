/**
 * What an app decides about items, on top of the server: items it disables (with a reason the
 * picker shows and speaks) and items it locks (always selected: the head teacher of a class
 * notice). Built from the store's options.
 */
import {
  entityKey,
  type PickerValue,
  type Role,
  type SelectedDepartment,
  type SelectedUser,
  type SelectNode,
} from '@epaas-picker/protocol'
import { isDepartmentNode } from '../keys.js'
import type { SelectionItem } from './selection.js'

/**
 * An item the app disables: a person by `userid` (and `role_id`, else every role), or a
 * department by `id`; `corpid` narrows either to one organisation. `reason` is shown on the row
 * and in the refusal.
 */
export type DisabledItem =
  | { type: 'user'; userid: string; role_id?: Role; corpid?: string; reason?: string }
  | { type: 'department'; id: string; corpid?: string; reason?: string }

/** An app's disabled and locked items, for lookups by node. */
export class ItemRules {
  /** The locked items, with their labels, as the value holds them. */
  readonly locked: readonly SelectionItem[]
  readonly #disabled = new Map<string, DisabledItem[]>()
  readonly #lockedKeys: ReadonlySet<string>
  readonly #lockedDepartments: ReadonlySet<string>

  /** The lists the rules were made from (as given, possibly `undefined`). */
  readonly #given: readonly [unknown, unknown]

  /** Rules for these lists: `previous` itself when it was made from the same lists. */
  static of(
    previous: ItemRules | undefined,
    disabled: readonly DisabledItem[] | undefined,
    locked: readonly SelectionItem[] | undefined,
  ): ItemRules {
    if (previous && previous.#given[0] === disabled && previous.#given[1] === locked)
      return previous
    return new ItemRules(disabled, locked)
  }

  constructor(disabled: readonly DisabledItem[] = [], locked: readonly SelectionItem[] = []) {
    this.#given = [disabled, locked]
    for (const item of disabled) {
      const key = item.type === 'user' ? `u${item.userid}` : `d${item.id}`
      this.#disabled.set(key, [...(this.#disabled.get(key) ?? []), item])
    }
    this.locked = locked
    this.#lockedKeys = new Set(locked.map((item) => entityKey(item)))
    this.#lockedDepartments = new Set(
      locked.filter((item) => item.type === 'department').map((item) => item.id),
    )
  }

  /** No rules at all. */
  get empty(): boolean {
    return this.#disabled.size === 0 && this.locked.length === 0
  }

  /** The app's reason a node is disabled (`''` when it gave none), or `undefined`. */
  disabledReason(node: SelectNode): string | undefined {
    const department = isDepartmentNode(node)
    const found = this.#disabled
      .get(`${department ? 'd' : 'u'}${node.id}`)
      ?.find(
        (item) =>
          (item.corpid === undefined || item.corpid === node.corpid) &&
          (item.type === 'department' ||
            item.role_id === undefined ||
            item.role_id === node.role_id),
      )
    return found ? (found.reason ?? '') : undefined
  }

  /** Whether an entity is locked. */
  isLocked(key: string): boolean {
    return this.#lockedKeys.has(key)
  }

  /** Whether a node is locked, or lies in a locked department (it cannot be unticked). */
  lockedFor(node: SelectNode, key: string): boolean {
    if (this.#lockedKeys.has(key)) return true
    if (this.#lockedDepartments.size === 0) return false
    return node.id_path.some((id) => id !== node.id && this.#lockedDepartments.has(id))
  }

  /**
   * A value with every locked item in it (included, first), the same object when it already has
   * them: the locked items win over a value that leaves them out or excludes them.
   */
  withLocked(value: PickerValue): PickerValue {
    if (this.locked.length === 0) return value
    const included = new Set([...value.departments, ...value.users].map((item) => entityKey(item)))
    const missing = this.locked.filter((item) => !included.has(entityKey(item)))
    if (missing.length === 0) return value
    const lockedOut = (item: { type: string } & object) =>
      !this.#lockedKeys.has(entityKey(item as SelectionItem))
    return {
      departments: [...missing.filter(isDepartmentItem), ...value.departments],
      users: [
        ...missing.filter((item): item is SelectedUser => item.type === 'user'),
        ...value.users,
      ],
      excluded: value.excluded.filter(lockedOut),
    }
  }
}

const isDepartmentItem = (item: SelectionItem): item is SelectedDepartment =>
  item.type === 'department'
