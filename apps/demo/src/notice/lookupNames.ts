/**
 * Names for recipients. ePaaS's member list (`/department/user/get`, which `resolve` uses) has no
 * names, only IDs; names live in the address-book tree (`/campus/department/select`). So the page
 * finds them where the picker would: in the levels it already loaded, then by walking down the
 * selected departments, a bounded number of requests at most.
 */
import type { ParentOf, PickerValue, Role, SelectNode } from '@epaas-picker/protocol'

/** A person as `resolve` names them. */
export interface PersonRef {
  corpid: string
  userid: string
  role_id: Role
}

/** What is known of a person: the name, and the children for a parent. */
export interface PersonName {
  name: string
  children: ParentOf[]
}

/** The key of a person: `<corpid>:<userid>:<role>`. */
export const personKey = (person: PersonRef) =>
  `${person.corpid}:${person.userid}:${person.role_id}`

/** Options of {@link lookupNames}. */
export interface LookupNamesOptions {
  /** The people to name. */
  people: readonly PersonRef[]
  /** The selection they came from: its people carry names, its departments are walked. */
  value: PickerValue
  /** The children of a department (from the picker's cache when it loaded them). */
  fetchChildren: (department: {
    id: string
    corpid: string
    select_node_type: string | number | undefined
  }) => Promise<readonly SelectNode[]>
  /** Most departments to open. Default 40. */
  maxRequests?: number
  /** Departments opened at once. Default 4. */
  concurrency?: number
  signal?: AbortSignal
}

/**
 * Finds the names of `people`: from the value's own people first, then breadth-first through the
 * value's departments (skipping excluded ones) until every name is found or `maxRequests`
 * departments were opened. People not found are absent from the answer.
 *
 * @example
 * const names = await lookupNames({ people: unmapped, value, fetchChildren })
 * names.get(personKey(unmapped[0]))?.name
 */
export async function lookupNames(options: LookupNamesOptions): Promise<Map<string, PersonName>> {
  const { people, value, fetchChildren, maxRequests = 40, concurrency = 4, signal } = options
  const wanted = new Set(people.map(personKey))
  const found = new Map<string, PersonName>()
  const remember = (key: string, name: string, child?: ParentOf) => {
    if (!wanted.has(key)) return
    const entry = found.get(key) ?? { name, children: [] }
    if (child && !entry.children.some((c) => c.child_id === child.child_id)) {
      entry.children.push(child)
    }
    found.set(key, entry)
  }
  for (const user of value.users) {
    const key = personKey(user)
    remember(key, user.name)
    for (const child of user.children ?? []) remember(key, user.name, child)
  }

  const excluded = new Set(
    value.excluded.flatMap((item) => (item.type === 'department' ? [item.id] : [])),
  )
  let queue = value.departments
    .filter((department) => !excluded.has(department.id))
    .map(({ id, corpid, select_node_type }) => ({ id, corpid, select_node_type }))
  const seen = new Set(queue.map((department) => department.id))
  let requests = 0
  // Parents are listed once per child: keep walking until every child of theirs is named too
  // would cost the whole subtree, so a parent counts as found with the first child seen.
  const done = () => [...wanted].every((key) => found.has(key))

  while (queue.length > 0 && !done() && requests < maxRequests) {
    signal?.throwIfAborted()
    const batch = queue.slice(0, Math.min(concurrency, maxRequests - requests))
    queue = queue.slice(batch.length)
    requests += batch.length
    const levels = await Promise.all(batch.map((department) => fetchChildren(department)))
    for (const nodes of levels) {
      for (const node of nodes) {
        if (node.id_type === 1 && node.role_id !== 0) {
          const child =
            node.role_id === 13 && node.child_id
              ? {
                  child_id: node.child_id,
                  child_name: node.child_name,
                  child_relation: node.child_relation,
                }
              : undefined
          remember(`${node.corpid}:${node.id}:${node.role_id}`, node.name, child)
        } else if (node.is_parent && !seen.has(node.id) && !excluded.has(node.id)) {
          seen.add(node.id)
          queue.push({ id: node.id, corpid: node.corpid, select_node_type: node.select_node_type })
        }
      }
    }
  }
  return found
}
