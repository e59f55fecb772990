/**
 * What the harness needs from a benchmark page's picker: how to mount it, how to find a row of a
 * node in the DOM (to click it and to see it painted), and how to scroll it with its own API.
 * Each page implements it for its picker the way that picker's documentation recommends.
 */
import type { Answers, BenchData, NodePath } from './benchData.js'

/** Checked state of a row as its checkbox shows it. */
export type CheckedState = boolean | 'mixed'

/** One picker, seen from the harness. */
export interface PickerAdapter {
  /** `ours`, `antd` or `arborist`. */
  readonly name: string
  /** Height of a tree row in px (the same for every picker of one run). */
  readonly rowHeight: number
  /** Size of the picker's box; default `PICKER_WIDTH` x `PICKER_HEIGHT` (a phone's is its own). */
  readonly box?: { width: number; height: number }
  /** Mounts the picker into `container`. Called from the mount button's click handler. */
  mount(container: HTMLElement, data: BenchData): void
  /** The row element showing the node at `path`, when it is in the DOM. */
  row(path: NodePath): Element | null
  /** The element a user clicks to expand or collapse the row. */
  expander(path: NodePath): Element | null
  /** The element a user clicks to tick the row. */
  checkbox(path: NodePath): Element | null
  /** What the row's checkbox shows. */
  checked(path: NodePath): CheckedState
  /** The search box. */
  searchBox(): HTMLInputElement | null
  /** Whether the search results are shown, with `first` among them. */
  searchShown(first: BenchData['targets']['firstResult']): boolean
  /** The element that scrolls the rows (its `scrollHeight` is the height of every row). */
  scroller(): HTMLElement | null
  /** Scrolls to `offset` px from the top, through the picker's own API. */
  scrollToOffset(offset: number): void
  /**
   * Scrolls the row at `path` to the top of the view, through the picker's own API. `index` is
   * the row's position among the visible rows, for pickers whose API scrolls by offset.
   */
  scrollToRow(path: NodePath, index: number): void
  /** Hands over every level of the tree, loaded beforehand, for `expandAll`. */
  preloadAll(answers: Answers): void
  /** Expands every node. Called from the expand-all button's click handler. */
  expandAll(): void
  /** Collapses every node. Called from the collapse-all button's click handler. */
  collapseAll(): void
}
