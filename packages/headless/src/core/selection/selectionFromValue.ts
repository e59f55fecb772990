/**
 * A selection and its value, both ways: the value is what the picker hands the server (and
 * takes back, saved or controlled); the selection is the value plus the indexes that answer
 * checked states.
 */
import { emptyPickerValue, entityKey, type PickerValue } from '@epaas-picker/protocol'
import { add, freeze, newDraft, remove } from './draft.js'
import {
  departmentPath,
  entryOf,
  withPath,
  type SelectionItem,
  type SelectionState,
} from './selection.js'

/**
 * Builds a state from a saved or controlled value. `knownPaths` may add paths the tree has seen
 * for a person beyond the one stored in the value.
 */
export function selectionFromValue(
  value: PickerValue,
  knownPaths?: (key: string) => readonly (readonly string[])[] | undefined,
): SelectionState {
  const draft = newDraft()
  const put = (item: SelectionItem, included: boolean) => {
    const key = entityKey(item)
    remove(draft, key)
    const paths =
      item.type === 'department'
        ? [departmentPath(item.id, item.id_path)]
        : withPath(knownPaths?.(key) ?? [], item.id_path)
    add(draft, key, entryOf(item, included, paths))
  }
  for (const item of value.departments) put(item, true)
  for (const item of value.users) put(item, true)
  for (const item of value.excluded) put(item as SelectionItem, false)
  return freeze(draft)
}

/** The serialisable value of a state: included departments, included people, exclusions. */
export function selectionToValue(state: SelectionState): PickerValue {
  const value = emptyPickerValue()
  for (const { item, included } of state.entries.values()) {
    if (!included) value.excluded.push(item)
    else if (item.type === 'department') value.departments.push(item)
    else value.users.push(item)
  }
  return value
}
