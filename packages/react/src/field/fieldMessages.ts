/**
 * The texts of `AddressBookPickerField`, kept with the field so that an app without it ships none
 * of them. Replace any through the field's `messages.field`; `enUS` carries the English.
 */

/** The texts of the form field. */
export interface FieldMessages {
  /** Shown in the empty box. */
  placeholder: string
  /** The browser's message when a `required` field is empty. */
  required: string
  /** Accessible name of the clear button (locked items stay). */
  clear: string
  /** The overflow chip's text, for `hidden` chips not shown. */
  more: (hidden: number) => string
  /** What the overflow chip reads out. */
  moreSpoken: (hidden: number) => string
  /** Accessible name of the list of chips. */
  chipsLabel: string
}

/** The built-in Chinese texts. */
export const fieldZhCN: FieldMessages = {
  placeholder: '请选择',
  required: '请至少选择一项',
  clear: '清空已选',
  more: (hidden) => `+${hidden}`,
  moreSpoken: (hidden) => `另有 ${hidden} 项`,
  chipsLabel: '已选',
}

/** The English texts. */
export const fieldEnUS: FieldMessages = {
  placeholder: 'Choose…',
  required: 'Choose at least one',
  clear: 'Clear the selection',
  more: (hidden) => `+${hidden}`,
  moreSpoken: (hidden) => `${hidden} more`,
  chipsLabel: 'Selected',
}
