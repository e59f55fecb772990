/**
 * Class name hooks: every part of the picker carries a fixed `epp-` class plus whatever the app
 * adds for that part through `classNames`.
 */

/** The parts of the picker that carry a class name hook. */
export type PickerPart =
  | 'root'
  | 'search'
  | 'searchInput'
  | 'tree'
  | 'row'
  | 'statusRow'
  | 'checkbox'
  | 'expander'
  | 'name'
  | 'badge'
  | 'meta'
  | 'highlight'
  | 'retry'
  | 'selectedPanel'
  | 'chip'
  | 'footer'
  | 'refusal'
  | 'breadcrumb'
  | 'drillList'
  | 'drillRow'
  | 'mobileBar'
  | 'sheet'
  | 'dialog'
  | 'recent'
  | 'paste'
  | 'field'

/** Extra class names by part, e.g. `{ row: 'my-row', chip: 'my-chip' }`. */
export type PickerClassNames = Partial<Record<PickerPart, string>>

/** The fixed class of a part: `epp-` and the part's name in kebab case (`selectedPanel` -> `epp-selected-panel`). */
const fixedClass = (part: PickerPart) =>
  `epp-${part.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`

/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string {
  let out = ''
  for (const name of names) if (name) out = out ? `${out} ${name}` : name
  return out
}

/**
 * The class of a part: its fixed `epp-` class, the app's hook for it, and any extra classes.
 *
 * @example
 * partClass('row', { row: 'my-row' }, 'epp-row--checked') // 'epp-row my-row epp-row--checked'
 */
export function partClass(
  part: PickerPart,
  classNames: PickerClassNames | undefined,
  ...extra: (string | false | null | undefined)[]
): string {
  return cx(fixedClass(part), classNames?.[part], ...extra)
}
