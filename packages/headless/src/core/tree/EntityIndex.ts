import { NodeDepartmentType, Role, type ParentOf, type SelectNode } from '@epaas-picker/protocol'
import { isDepartmentNode } from '../keys.js'
import type { KnownPeople } from '../selection/crossPath.js'

/**
 * The nodes one person was seen as: a lone node is stored bare to keep the common case small,
 * several as a list.
 */
type Sightings = SelectNode | SelectNode[]

/**
 * What the loaded tree (and search results) taught about entities: every path a person is listed
 * under, every child a parent was seen with, and school names by corpid. Append-only. People seen
 * under several paths are indexed by every department on their paths, for the selection.
 */
export class EntityIndex implements KnownPeople {
  private readonly sightings = new Map<string, Sightings>()
  private readonly children = new Map<string, ParentOf[]>()
  private readonly schools = new Map<string, string>()
  private readonly several = new Map<string, Set<string>>()
  private readonly severalKeys = new Set<string>()

  /**
   * Records a node seen under `entityKey`. Returns `true` when it taught something new about a
   * person (a new path or a new child), which may change a decided entity's counters or labels.
   */
  add(entityKey: string, node: SelectNode): boolean {
    if (isDepartmentNode(node)) {
      if (node.department_type === NodeDepartmentType.School && node.name) {
        this.schools.set(node.corpid, node.name)
      }
      return false
    }
    const learned = this.addPath(entityKey, node)
    // Only parents carry a child; skip building the list for everyone else.
    return (node.child_id ? this.addChild(entityKey, node) : false) || learned
  }

  /** Every path a person was seen under (empty when never seen). */
  pathsOf(entityKey: string): readonly (readonly string[])[] {
    const known = this.sightings.get(entityKey)
    if (known === undefined) return []
    return Array.isArray(known) ? known.map((node) => node.id_path) : [known.id_path]
  }

  /** The first node a person was seen as (for their labels). */
  nodeOf(entityKey: string): SelectNode | undefined {
    const known = this.sightings.get(entityKey)
    return Array.isArray(known) ? known[0] : known
  }

  severalPathsUnder(id: string): Iterable<string> | undefined {
    return this.several.get(id)
  }

  severalPaths(): Iterable<string> {
    return this.severalKeys
  }

  /** Every child a parent was seen with. */
  childrenOf(entityKey: string): readonly ParentOf[] | undefined {
    return this.children.get(entityKey)
  }

  /** The school name of an organisation, once one of its school nodes was seen. */
  schoolOf(corpid: string): string | undefined {
    return this.schools.get(corpid)
  }

  private addPath(entityKey: string, node: SelectNode): boolean {
    const known = this.sightings.get(entityKey)
    if (known === undefined) {
      this.sightings.set(entityKey, node)
      return false
    }
    const list = Array.isArray(known) ? known : [known]
    if (list.some((seen) => samePath(seen.id_path, node.id_path))) return false
    if (list.length === 1) {
      this.sightings.set(entityKey, [known as SelectNode, node])
      this.indexUnder(entityKey, (known as SelectNode).id_path)
      this.severalKeys.add(entityKey)
    } else list.push(node)
    this.indexUnder(entityKey, node.id_path)
    return true
  }

  private addChild(entityKey: string, node: SelectNode): boolean {
    if (node.role_id !== Role.Parent || !node.child_id) return false
    const list = this.children.get(entityKey)
    if (list?.some((c) => c.child_id === node.child_id)) return false
    const child: ParentOf = {
      child_id: node.child_id,
      child_name: node.child_name,
      child_relation: node.child_relation,
    }
    if (!list) {
      this.children.set(entityKey, [child])
      return false
    }
    list.push(child)
    return true
  }

  private indexUnder(entityKey: string, path: readonly string[]) {
    for (const id of path) {
      const people = this.several.get(id)
      if (people) people.add(entityKey)
      else this.several.set(id, new Set([entityKey]))
    }
  }
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
