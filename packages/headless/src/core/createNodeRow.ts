import type { SelectNode } from '@epaas-picker/protocol'
import type { NodeRow } from './types.js'

/**
 * Rows are the one object the picker keeps per loaded node, so they are instances of a class
 * whose constant `kind` lives on the prototype: one field less on 100,000 rows.
 */
class TreeNodeRow {
  declare readonly kind: 'node'
  constructor(
    readonly key: string,
    readonly parentKey: string | null,
    readonly node: SelectNode,
    readonly entityKey: string,
    readonly level: number,
    public posinset: number,
    public setsize: number,
  ) {}
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
  return new TreeNodeRow(key, parentKey, node, entityKey, level, 0, 0) as NodeRow & {
    posinset: number
    setsize: number
  }
}
