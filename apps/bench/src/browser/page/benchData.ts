/**
 * The data every benchmark page starts from: the mock's handler running in the page (latency 0)
 * behind one protocol client, and the nodes the operations aim at. The three pickers load through
 * this same client, so they differ and nothing else does.
 */
import { generateDataset, createMockEpaas, LARGE_DEPARTMENT_NAME } from '@epaas-picker/mock-server'
import {
  createEpaasClient,
  type EpaasClient,
  type SelectDepartmentsRequest,
  type SelectNode,
} from '@epaas-picker/protocol'
import type { BenchParams } from './benchParams.js'

/** Filters of every request: the whole district, schools included, with member counts. */
export const benchFilters = {
  select_type: 0,
  is_include_sub_org: true,
  need_users_total: true,
} as const satisfies Partial<SelectDepartmentsRequest>

/** The request loading `node`'s children (the top level for `null`), as every picker sends it. */
export function childrenRequestOf(node: SelectNode | null): SelectDepartmentsRequest {
  if (node === null) return { ...benchFilters, id: '0' }
  return {
    ...benchFilters,
    id: node.id,
    select_node_type: node.select_node_type,
    ...(node.corpid ? { corpid: node.corpid } : {}),
  }
}

/** The search request for `key` (names, `search_type` 0), as every picker sends it. */
export function searchRequestOf(key: string): SelectDepartmentsRequest {
  return { ...benchFilters, id: '0', key, search_type: 0 }
}

/** Loads one node's children (or the top level) through the client. */
export async function loadChildren(
  client: EpaasClient,
  node: SelectNode | null,
): Promise<SelectNode[]> {
  return (await client.selectDepartments(childrenRequestOf(node))).node_list
}

/** A node reached from the top level: the nodes from the top level down to it, inclusive. */
export type NodePath = readonly SelectNode[]

/** Nodes the operations aim at, each as its path from the top level. */
export interface BenchTargets {
  /** First node of the top level (局内职工 in the district). */
  firstTop: NodePath
  /** The staff group holding 基准测试部. */
  staff: NodePath
  /** 基准测试部: `groups` × `people` people below it. */
  large: NodePath
  /** 基准测试1组, whose `people` children the expand operation shows. */
  group1: NodePath
  /** 基准测试2组. */
  group2: NodePath
  /** First child of each target above, by target name: what shows once it is expanded. */
  firstChild: Record<'staff' | 'large' | 'group1' | 'group2', NodePath>
  /** The first result of the search operation. */
  firstResult: SelectNode
}

/** Everything a page needs before its picker mounts. */
export interface BenchData {
  params: BenchParams
  client: EpaasClient
  targets: BenchTargets
  /** The top level, as the first request answers it. */
  top: SelectNode[]
  /** Children of the top level (`'0'`) and of each target, by node ID. */
  children: Answers
}

/**
 * Generates the dataset (the district plus 基准测试部), starts the mock in the page and finds the
 * target nodes through the client.
 */
export async function prepareBenchData(params: BenchParams): Promise<BenchData> {
  const dataset = generateDataset(params.dataset, params.seed, {
    largeDepartment: { groups: params.groups, people: params.people },
  })
  // No request log: it would grow with every request and blur the heap figures.
  const mock = createMockEpaas({ dataset, requestLogLimit: 0 })
  const client = createEpaasClient({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    token: mock.issueUserToken(),
  })
  const children: Answers = new Map()
  const childrenOf = async (node: SelectNode | null) => {
    const id = node?.id ?? '0'
    let list = children.get(id)
    if (!list) {
      list = await loadChildren(client, node)
      children.set(id, list)
    }
    return list
  }
  const childPath = async (path: NodePath, match: (node: SelectNode) => boolean) => {
    const parent = path.at(-1) ?? null
    const child = (await childrenOf(parent)).find(match)
    if (!child) throw new Error(`no matching child under ${parent?.name ?? 'the top level'}`)
    return [...path, child]
  }
  const top = await childrenOf(null)
  const largeDepartment = dataset.departments.find((d) => d.name === LARGE_DEPARTMENT_NAME)
  const staffId = String(largeDepartment?.parentId)
  const staff = await childPath([], (n) => n.id === staffId)
  const large = await childPath(staff, (n) => n.name === LARGE_DEPARTMENT_NAME)
  const group1 = await childPath(large, (n) => n.name === '基准测试1组')
  const group2 = await childPath(large, (n) => n.name === '基准测试2组')
  const firstChild = {
    staff: await childPath(staff, () => true),
    large: await childPath(large, () => true),
    group1: await childPath(group1, () => true),
    group2: await childPath(group2, () => true),
  }
  const results = (await client.selectDepartments(searchRequestOf(params.searchKey))).node_list
  const firstResult = results[0]
  if (!firstResult) throw new Error(`searching ${params.searchKey} finds nothing`)
  const firstTop = top[0]
  if (!firstTop) throw new Error('the top level is empty')
  return {
    params,
    client,
    top,
    children,
    targets: { firstTop: [firstTop], staff, large, group1, group2, firstChild, firstResult },
  }
}

/**
 * Index of the row at `path` among the visible rows, when exactly the nodes in `expanded` (by ID)
 * are expanded, every one of them with its children in `children`.
 */
export function visibleIndex(
  path: NodePath,
  expanded: ReadonlySet<string>,
  children: Answers,
): number {
  const size = (node: SelectNode): number =>
    expanded.has(node.id)
      ? (children.get(node.id) ?? []).reduce((sum, child) => sum + 1 + size(child), 0)
      : 0
  let index = 0
  let parentId = '0'
  path.forEach((node, depth) => {
    if (depth > 0) index += 1 // the parent's own row
    for (const sibling of children.get(parentId) ?? []) {
      if (sibling.id === node.id && sibling.role_id === node.role_id) break
      index += 1 + size(sibling)
    }
    parentId = node.id
  })
  return index
}

/** Every answer of a full walk, by the ID of the node expanded (`'0'` for the top level). */
export type Answers = Map<string, SelectNode[]>

/**
 * Loads every level of the tree through the client, a level at a time with every request of a
 * level in flight at once (what an app does before expanding everything).
 */
export async function walkTree(client: EpaasClient): Promise<Answers> {
  const answers: Answers = new Map()
  let frontier: (SelectNode | null)[] = [null]
  while (frontier.length > 0) {
    const lists = await Promise.all(frontier.map((node) => loadChildren(client, node)))
    const next: SelectNode[] = []
    lists.forEach((list, i) => {
      answers.set(frontier[i]?.id ?? '0', list)
      for (const child of list) if (child.is_parent) next.push(child)
    })
    frontier = next
  }
  return answers
}

/** Rows of the whole tree expanded: every node of every answer. */
export function countRows(answers: Answers): number {
  let rows = 0
  for (const list of answers.values()) rows += list.length
  return rows
}
