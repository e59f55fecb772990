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

/** Extra class names by part, e.g. `{ row: 'my-row', chip: 'my-chip' }`. */
export type PickerClassNames = Partial<Record<PickerPart, string>>

const fixed: Record<PickerPart, string> = {
  root: 'epp-root',
  search: 'epp-search',
  searchInput: 'epp-search-input',
  tree: 'epp-tree',
  row: 'epp-row',
  statusRow: 'epp-status-row',
  checkbox: 'epp-checkbox',
  expander: 'epp-expander',
  name: 'epp-name',
  badge: 'epp-badge',
  meta: 'epp-meta',
  highlight: 'epp-highlight',
  retry: 'epp-retry',
  selectedPanel: 'epp-selected',
  chip: 'epp-chip',
  footer: 'epp-footer',
  refusal: 'epp-refusal',
  breadcrumb: 'epp-breadcrumb',
  drillList: 'epp-drill',
  drillRow: 'epp-drill-row',
  mobileBar: 'epp-mobile-bar',
  sheet: 'epp-sheet',
  dialog: 'epp-dialog',
}

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
  return cx(fixed[part], classNames?.[part], ...extra)
}
