/** What the field does to a value without a picker mounted: emptiness, removal, chips' order. */
import type { SelectionItem } from '@epaas-picker/headless'
import { entityKey, type PickerValue } from '@epaas-picker/protocol'

/** Whether a value picks nobody (exclusions alone pick nobody). */
export function isEmptyValue(value: PickerValue): boolean {
  return value.departments.length + value.users.length === 0
}

/**
 * The value without one decided entity (a chip's remove button), as the picker's own removal:
 * an included item is dropped, an exclusion is lifted. The same object when it is not there.
 */
export function withoutEntity(value: PickerValue, key: string): PickerValue {
  const next: PickerValue = {
    departments: value.departments.filter((item) => entityKey(item) !== key),
    users: value.users.filter((item) => entityKey(item) !== key),
    excluded: value.excluded.filter((item) => entityKey(item) !== key),
  }
  const removed =
    value.departments.length +
    value.users.length +
    value.excluded.length -
    (next.departments.length + next.users.length + next.excluded.length)
  return removed === 0 ? value : next
}

/** One chip of the field: an item, and whether it is an exclusion. */
export interface FieldChipItem {
  item: SelectionItem
  excluded: boolean
}

/** The items chips are shown for, in order: departments, people, then exclusions. */
export function chipItems(value: PickerValue): FieldChipItem[] {
  return [
    ...[...value.departments, ...value.users].map((item) => ({ item, excluded: false })),
    ...(value.excluded as SelectionItem[]).map((item) => ({ item, excluded: true })),
  ]
}
