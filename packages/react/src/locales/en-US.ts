/**
 * @epaas-picker/react/locales/en-US: the picker's texts in English, apart from the main entry so
 * that an app in Chinese does not ship them.
 *
 * @example
 * import { enUS } from '@epaas-picker/react/locales/en-US'
 * <AddressBookPicker locale={enUS} />
 *
 * @packageDocumentation
 */
import { describeRefusal, parentRelationLabel } from '@epaas-picker/headless'
import { fieldEnUS } from '../field/fieldMessages.js'
import { pasteEnUS } from '../paste/pasteMessages.js'
import { rolesIn, summaryIn, type PickerMessages } from '../messages.js'

const enUnits = ['department', 'student', 'teacher', 'parent']
const enPeople = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`

/** The built-in English texts. Names, paths and relations stay as the server sends them. */
export const enUS: PickerMessages = {
  lang: 'en-US',
  searchLabel: 'Search people or departments',
  searchPlaceholder: 'Search by name or department',
  searchPlaceholderWithPhone: 'Search by name, department or phone',
  treeLabel: 'Address book',
  loading: 'Loading…',
  loadError: 'Could not load',
  retry: 'Retry',
  empty: 'No members',
  noResults: (query) => `Nothing matches “${query}”`,
  roles: rolesIn('en-US'),
  parentRelation: (children) => parentRelationLabel(children, 'en-US'),
  memberCount: enPeople,
  pathSeparator: ' · ',
  selectedTitle: 'Selected',
  nothingSelected: 'Nothing selected yet',
  summary: summaryIn(
    (n, kind) => `${n} ${enUnits[kind]}${n === 1 ? '' : 's'}`,
    (n) => `${n} excluded`,
    ', ',
  ),
  excludedTitle: 'Except',
  removeItem: (label) => `Remove ${label}`,
  removeExclusion: (label) => `Include ${label} again`,
  clearAll: 'Clear all',
  confirm: 'Confirm',
  cancel: 'Cancel',
  countText: (count) => {
    switch (count.kind) {
      case 'none':
        return 'Nothing selected yet'
      case 'exact':
        return enPeople(count.total)
      case 'counting':
        return 'Counting…'
      case 'failed':
        return 'Could not count'
      case 'estimate':
        return `About ${enPeople(count.people)}`
      case 'items':
        return `${count.items} ${count.items === 1 ? 'item' : 'items'}`
    }
  },
  countRetry: 'Count again',
  refusal: (refusal) => describeRefusal(refusal, 'en-US'),
  dismiss: 'Dismiss',
  disabledHint: (checked) =>
    checked
      ? 'Selected with its department; cannot be unselected on its own'
      : 'Cannot be selected',
  lockedHint: 'Required: cannot be removed',
  paste: pasteEnUS,
  recent: { title: 'Recent', clear: 'Clear' },
  field: fieldEnUS,
  breadcrumbLabel: 'Current location',
  breadcrumbRoot: 'Address book',
  openLevel: 'Open',
  showSelected: (countText) => `Selected: ${countText}`,
  close: 'Close',
  dialogTitle: 'Choose people',
}
