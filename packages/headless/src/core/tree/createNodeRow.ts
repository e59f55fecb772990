import type { SelectNode } from '@epaas-picker/protocol'
import { statusRowKey } from '../keys.js'
import type { LoadState, NodeRow, RowStatus, StatusRow } from '../types.js'

/**
 * Rows are the one object the picker keeps per loaded node, so they are instances of a class
 * whose constant `kind` lives on the prototype: one field less on 100,000 rows. Fields are
 * declared and set in the constructor (no class-field definitions to ship).
 */
class TreeNodeRow {
  declare readonly kind: 'node'
  declare readonly key: string
  declare readonly parentKey: string | null
  declare readonly node: SelectNode
  declare readonly entityKey: string
  declare readonly level: number
  declare posinset: number
  declare setsize: number

  constructor(
    key: string,
    parentKey: string | null,
    node: SelectNode,
    entityKey: string,
    level: number,
  ) {
    this.key = key
    this.parentKey = parentKey
    this.node = node
    this.entityKey = entityKey
    this.level = level
    this.posinset = 0
    this.setsize = 0
  }
}
Object.defineProperty(TreeNodeRow.prototype, 'kind', { value: 'node', enumerable: true })

/** Makes a tree row. `posinset` / `setsize` are set once the whole sibling list is known. */
export function createNodeRow(
  key: string,
  parentKey: string | null,
  node: SelectNode,
  entityKey: string,
  level: number,
): NodeRow & { posinset: number; setsize: number } {
  return new TreeNodeRow(key, parentKey, node, entityKey, level) as NodeRow & {
    posinset: number
    setsize: number
  }
}

/**
 * Makes the status row standing for the children of `parentKey` (`null`: the top level, or the
 * search results with their own `key`). `error` is kept for `status: 'error'` only.
 */
export function createStatusRow(
  parentKey: string | null,
  status: RowStatus,
  level: number,
  error?: unknown,
  key = statusRowKey(parentKey),
): StatusRow {
  return {
    kind: 'status',
    key,
    parentKey,
    status,
    level,
    posinset: 1,
    setsize: 1,
    ...(status === 'error' ? { error } : {}),
  }
}

/**
 * The status row standing for a level that has no rows to show: `loading` (idle or loading),
 * `error` (with the load's error) or `empty` (loaded, no children).
 */
export function statusRowOf(parentKey: string | null, load: LoadState, level: number): StatusRow {
  return createStatusRow(
    parentKey,
    load.status === 'success' ? 'empty' : load.status === 'error' ? 'error' : 'loading',
    level,
    load.status === 'error' ? load.error : undefined,
  )
}
