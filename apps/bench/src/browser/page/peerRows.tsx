/**
 * What the two peer pages share: row keys (a row is a position, so the key is the path of node
 * identities), the row's text, and the tree built from a full walk. Written the way an app using
 * antd or react-arborist would write it; nothing here comes from our packages.
 */
import { roleLabels, type SelectNode } from '@epaas-picker/protocol'
import type { Answers, NodePath } from './benchData.js'

/** The key of `node`'s row under the row `parentKey` (`null` on the top level). */
export function peerKey(parentKey: string | null, node: SelectNode): string {
  const segment =
    node.role_id === 0 ? `d${node.id}` : `u${node.id}.${node.role_id}.${node.child_id}`
  return parentKey === null ? segment : `${parentKey}/${segment}`
}

/** The key of the row at `path`. */
export function peerKeyOfPath(path: NodePath): string {
  let key: string | null = null
  for (const node of path) key = peerKey(key, node)
  if (key === null) throw new Error('empty path')
  return key
}

/** The key of a search result's row. */
export function searchKey(node: SelectNode): string {
  return `search:${node.corpid}:${peerKey(null, node)}`
}

/** Keys of the rows above `key`, outermost first (`a`, `a/b` for `a/b/c`). */
export function ancestorKeys(key: string): string[] {
  const out: string[] = []
  for (let i = key.indexOf('/'); i !== -1; i = key.indexOf('/', i + 1)) out.push(key.slice(0, i))
  return out
}

/** A tree node built from a walk, in the shape both peers take (children on the node). */
export interface WalkedNode<N> {
  node: N
  children?: WalkedNode<N>[]
}

/**
 * Builds every level of the walk into nested nodes with `make(parentKey, node, children)`, and
 * collects the keys of the rows that have children.
 */
export function buildFromWalk<T>(
  answers: Answers,
  make: (parentKey: string | null, node: SelectNode, children: T[] | undefined) => T,
): { roots: T[]; parentKeys: string[] } {
  const parentKeys: string[] = []
  const level = (parentKey: string | null, parentId: string): T[] =>
    (answers.get(parentId) ?? []).map((node) => {
      if (!node.is_parent) return make(parentKey, node, undefined)
      const key = peerKey(parentKey, node)
      parentKeys.push(key)
      return make(parentKey, node, level(key, node.id))
    })
  return { roots: level(null, '0'), parentKeys }
}

const roleText: Record<number, string> = Object.fromEntries(
  Object.entries(roleLabels).map(([role, label]) => [role, label['zh-CN']]),
)

/** The text of a row: name, role badge, the child of a parent, member count, search path. */
export function NodeLabel({ node, showPath = false }: { node: SelectNode; showPath?: boolean }) {
  const person = node.role_id !== 0
  return (
    <span className="bench-label">
      <span className="bench-name">{node.name}</span>
      {person ? <span className="bench-role">{roleText[node.role_id]}</span> : null}
      {node.role_id === 13 && node.child_name ? (
        <span className="bench-child">
          {node.child_name}的{node.child_relation}
        </span>
      ) : null}
      {!person && node.users_total > 0 ? (
        <span className="bench-count">{node.users_total}人</span>
      ) : null}
      {showPath ? <span className="bench-path">{node.path}</span> : null}
    </span>
  )
}

/** Styles of {@link NodeLabel}, the same on both peer pages. */
export const labelCss = `
.bench-label { display: inline-flex; gap: 6px; align-items: center; white-space: nowrap; vertical-align: top; }
.bench-role { font-size: 12px; line-height: 18px; padding: 0 4px; border-radius: 3px; background: #eef2ff; color: #3730a3; }
.bench-child, .bench-count, .bench-path { font-size: 12px; color: #6b7280; }
`
