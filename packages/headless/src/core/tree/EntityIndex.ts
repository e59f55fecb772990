import { NodeDepartmentType, type ParentOf, type SelectNode } from '@epaas-picker/protocol'
import { isDepartmentNode } from '../keys.js'
import { parentOf } from '../labels.js'

/**
 * The paths of one person: a lone path is stored bare (a list of IDs) to keep the common case
 * small, several as a list of paths, told apart by their first entry (a string or a list).
 */
type Paths = readonly string[] | (readonly string[])[]

const isPathList = (paths: Paths): paths is (readonly string[])[] => typeof paths[0] === 'object'

/**
 * What the loaded tree (and search results) taught about entities: every path a person is listed
 * under, every child a parent was seen with, and school names by corpid. Append-only.
 */
export class EntityIndex {
  private readonly paths = new Map<string, Paths>()
  private readonly children = new Map<string, ParentOf[]>()
  private readonly schools = new Map<string, string>()

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
    let learned = false
    const path = node.id_path
    const known = this.paths.get(entityKey)
    if (known === undefined) {
      this.paths.set(entityKey, path)
    } else if (isPathList(known)) {
      if (!known.some((p) => samePath(p, path))) {
        known.push(path)
        learned = true
      }
    } else if (!samePath(known, path)) {
      this.paths.set(entityKey, [known, path])
      learned = true
    }
    // Only parents carry a child; skip building the list for everyone else.
    const [child] = node.child_id ? parentOf(node) : []
    if (child) {
      const list = this.children.get(entityKey)
      if (!list) this.children.set(entityKey, [child])
      else if (!list.some((c) => c.child_id === child.child_id)) {
        list.push(child)
        learned = true
      }
    }
    return learned
  }

  /** Every path a person was seen under (empty when never seen). */
  pathsOf(entityKey: string): readonly (readonly string[])[] {
    const known = this.paths.get(entityKey)
    if (known === undefined) return []
    return isPathList(known) ? known : [known]
  }

  /** Every child a parent was seen with. */
  childrenOf(entityKey: string): readonly ParentOf[] | undefined {
    return this.children.get(entityKey)
  }

  /** The school name of an organisation, once one of its school nodes was seen. */
  schoolOf(corpid: string): string | undefined {
    return this.schools.get(corpid)
  }
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
