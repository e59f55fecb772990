/**
 * Row states as shared objects: there are few distinct states (a handful of flags), so each is
 * made once and handed out again, and two equal states are the same object. A view memoises a
 * row on it by identity, and a field added to `RowState` takes part without anyone listing it.
 */
import type { RowState } from './PickerSnapshot.js'

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
