/**
 * Shapes shared by the core modules: rows of the flattened tree, load states and checked states.
 */
import type { SelectNode } from '@epaas-picker/protocol'

/** A checkbox state: ticked, not ticked, or partly ticked below. */
export type CheckedState = boolean | 'indeterminate'

/**
 * One node of `/campus/department/select` placed in the tree.
 *
 * Rows are not entities: the same teacher under two classes is two rows (two `key`s) with one
 * `entityKey`. Rows are immutable; the same object stays in the flattened list until its parent
 * is collapsed or reloaded, so a virtual list can key and memoise by it.
 */
export interface NodeRow {
  readonly kind: 'node'
  /** Position: the parent row's key, `/`, then the node's identity under that parent. */
  readonly key: string
  /** Key of the parent row; `null` for top-level rows and search results. */
  readonly parentKey: string | null
  /** The node as the server sent it (normalised by the protocol client). */
  readonly node: SelectNode
  /** Who the row shows (`entityKey()` of `@epaas-picker/protocol`). */
  readonly entityKey: string
  /** Depth, 1 for top-level rows (`aria-level`). */
  readonly level: number
  /** 1-based position among its siblings (`aria-posinset`). */
  readonly posinset: number
  /** Number of siblings including itself (`aria-setsize`). */
  readonly setsize: number
}

/** Why a status row is shown where children (or search results) would be. */
export type RowStatus = 'loading' | 'error' | 'empty'

/**
 * A placeholder row under an expanded node (or at the top level): children loading, their load
 * failed (with a retry, {@link PickerStore.retry} with this row's `parentKey`), or there are none.
 */
export interface StatusRow {
  readonly kind: 'status'
  /** The parent's key (or `''` at the top) followed by `#status`. */
  readonly key: string
  /** The row whose children this stands for; `null` at the top level or in search results. */
  readonly parentKey: string | null
  readonly status: RowStatus
  /** The error of a failed load (`status: 'error'`). */
  readonly error?: unknown
  /** For the search results' status row: the text searched (`empty`: what found nothing). */
  readonly query?: string
  readonly level: number
  readonly posinset: 1
  readonly setsize: 1
}

/** An entry of the flattened list a virtual list renders. */
export type TreeRow = NodeRow | StatusRow

/** A search result: a row plus what the view needs to show where it is and what matched. */
export interface SearchRow extends NodeRow {
  /** `[start, end)` ranges of the search text in `node.name`, case-insensitive; may be empty. */
  readonly matches: readonly (readonly [number, number])[]
  /** Name of the school (organisation) of the result, when known. */
  readonly school: string | undefined
}

/** Load state of one node's children (or of the top level, or of a search). */
export type LoadState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'success' }
  | { readonly status: 'error'; readonly error: unknown }

/** The load state of a level nothing was asked for yet (one object, compared by identity). */
export const IDLE: LoadState = { status: 'idle' }
