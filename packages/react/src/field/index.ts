/**
 * @epaas-picker/react/field: the picker as a form field (`AddressBookPickerField`), apart from
 * the main entry so that an app without it ships none of it. Import its styles once, after the
 * picker's: `import '@epaas-picker/react/field.css'`.
 *
 * @example
 * import { AddressBookPickerField } from '@epaas-picker/react/field'
 * import '@epaas-picker/react/styles.css'
 * import '@epaas-picker/react/field.css'
 *
 * @packageDocumentation
 */
export { AddressBookPickerField } from './AddressBookPickerField.js'
export type {
  AddressBookPickerFieldHandle,
  AddressBookPickerFieldProps,
} from './AddressBookPickerField.js'
export { fieldEnUS, fieldZhCN } from './fieldMessages.js'
export type { FieldMessages } from './fieldMessages.js'
