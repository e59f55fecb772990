/**
 * Row states as shared objects: there are few distinct states (a handful of flags), so each is
 * made once and handed out again, and two equal states are the same object. A view memoises a
 * row on it by identity, and a field added to `RowState` takes part without anyone listing it.
 */
import type { CheckedState } from './types.js'

/** Everything a view needs to draw one row. */
export interface RowState {
  /** The checkbox. */
  readonly checked: CheckedState
  /** Whether the row can be expanded (a department with children, in the tree). */
  readonly expandable: boolean
  /** Whether it is expanded. */
  readonly expanded: boolean
  /** Its children are loading (`aria-busy`). */
  readonly loading: boolean
  /** The server disabled it. */
  readonly disabled: boolean
  /** Whether it has a checkbox at all (people have none with `select_type: 2`). */
  readonly selectable: boolean
  /**
   * The app's reason for disabling it (`disabledItems`), when it gave one; `disabled` is also
   * `true` then.
   */
  readonly disabledReason: string | undefined
  /** Locked (`lockedItems`), or in a locked department: ticked, and it cannot be unticked. */
  readonly locked: boolean
  /** Whether it holds the tab stop (roving focus). */
  readonly focused: boolean
}

const states = new Map<string, RowState>()

/** The shared object equal to `state` (`state` itself the first time). */
export function internRowState(state: RowState): RowState {
  // Every field's value, in the order the literal lists them (the same for every caller).
  const key = Object.values(state).join()
  const known = states.get(key)
  if (known) return known
  states.set(key, Object.freeze(state))
  return state
}
