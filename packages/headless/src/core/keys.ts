/**
 * Row keys (where a node is shown) and entity keys (who it is).
 *
 * Department IDs are used bare (not qualified with `corpid`) in row keys and in the tri-state
 * counters: `id_path` lists bare IDs that cross organisation boundaries in a district tree (a
 * school's nodes sit under the bureau's), so the corpid of each entry is unknown, and upstream
 * department IDs are large numbers unique across organisations. Entity keys, which end up in the
 * value and on the server, keep the corpid (`entityKey` of the protocol package).
 */
import {
  IdType,
  entityKey,
  type EntityRef,
  type Role,
  type SelectNode,
} from '@epaas-picker/protocol'

/** Whether a node is a department (as opposed to a person). */
export function isDepartmentNode(node: SelectNode): boolean {
  return node.id_type === IdType.Department
}

/** The entity a node shows: a department (corpid, id) or a person (corpid, userid, role). */
export function entityRefOfNode(node: SelectNode): EntityRef {
  return isDepartmentNode(node)
    ? { type: 'department', corpid: node.corpid, id: node.id }
    : { type: 'user', corpid: node.corpid, userid: node.id, role_id: node.role_id as Role }
}

// Keys are built with `join`, which makes one flat string; a template literal makes a chain of
// V8 cons strings, about 30 bytes more per key, and keys exist once per loaded node.

/** `entityKey()` of the entity a node shows; equal for every row showing the same entity. */
export function entityKeyOfNode(node: SelectNode): string {
  return isDepartmentNode(node)
    ? ['d:', node.corpid, ':', node.id].join('')
    : ['u:', node.corpid, ':', node.id, ':', node.role_id].join('')
}

/**
 * The identity of a node among its siblings: `d<id>` for a department, `u<id>.<role>` for a
 * person, plus `.<child_id>` for a parent, who is listed once per child (possibly twice in the
 * same class).
 */
export function rowSegment(node: SelectNode): string {
  return rowKeyOf(null, node)
}

/** A row's key: its parent's key and its own segment. Top-level rows have no parent. */
export function rowKeyOf(parentKey: string | null, node: SelectNode): string {
  const prefix = parentKey === null ? '' : `${parentKey}/`
  if (isDepartmentNode(node)) return [prefix, 'd', node.id].join('')
  return node.child_id
    ? [prefix, 'u', node.id, '.', node.role_id, '.', node.child_id].join('')
    : [prefix, 'u', node.id, '.', node.role_id].join('')
}

/** The key of the row's parent, read from the key itself (`null` for a top-level row). */
export function parentKeyOf(key: string): string | null {
  const cut = key.lastIndexOf('/')
  return cut < 0 ? null : key.slice(0, cut)
}

/**
 * The key under which the top level's children and load state are kept. Everywhere else the
 * top level is `null` (a top-level row's `parentKey`, `retry(null)`): {@link levelKey} turns one
 * into the other.
 */
export const ROOT_KEY = ''

/** The key of a level's children and load state: the parent row's key, or the top level's. */
export function levelKey(parentKey: string | null): string {
  return parentKey ?? ROOT_KEY
}

/** Key of the status row standing for the children of `parentKey` (`null`: the top level). */
export function statusRowKey(parentKey: string | null): string {
  return `${levelKey(parentKey)}#status`
}

// Re-exported so core users need one import for both kinds of key.
export { entityKey }
