/**
 * Data for the core benchmarks: the mock's `district` dataset (about 100,000 people in 30+
 * schools), walked once through the mock's real handler, then replayed from memory so that the
 * timings measure the picker and not the mock.
 */
import {
  createPickerStore,
  isDepartmentNode,
  rowKeyOf,
  type PickerFilters,
  type PickerStore,
  type SelectFetcher,
  type TreeRow,
} from '@epaas-picker/headless/core'
import { createMockEpaas } from '@epaas-picker/mock-server'
import { createEpaasClient, type SelectNode } from '@epaas-picker/protocol'

/** Filters of every benchmark tree: the whole district, schools included, with member counts. */
export const filters: PickerFilters = {
  select_type: 0,
  is_include_sub_org: true,
  is_show_root: true,
  need_users_total: true,
}

/** Every answer of the walk, by the ID of the node expanded (`'0'` for the top level). */
export type Answers = Map<string, SelectNode[]>

/** Walks the whole district through the mock (each level once) and keeps the answers. */
export async function recordDistrict(): Promise<Answers> {
  const mock = createMockEpaas({ dataset: 'district' })
  const client = createEpaasClient({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    token: mock.issueUserToken(),
  })
  const answers: Answers = new Map()
  let frontier: (SelectNode | null)[] = [null]
  while (frontier.length > 0) {
    const next: SelectNode[] = []
    for (let i = 0; i < frontier.length; i += 64) {
      const batch = frontier.slice(i, i + 64)
      const lists = await Promise.all(
        batch.map((node) =>
          client.selectDepartments(
            node === null
              ? { ...filters, id: '0' }
              : {
                  ...filters,
                  id: node.id,
                  select_node_type: node.select_node_type,
                  corpid: node.corpid,
                },
          ),
        ),
      )
      lists.forEach(({ node_list }, j) => {
        answers.set(batch[j]?.id ?? '0', node_list)
        for (const child of node_list)
          if (isDepartmentNode(child) && child.is_parent) next.push(child)
      })
    }
    frontier = next
  }
  return answers
}

/** A fetcher answering from recorded answers (and `extra` answers by node ID), asynchronously. */
export function replay(answers: Answers, extra: Answers = new Map()): SelectFetcher {
  return (request) =>
    Promise.resolve(extra.get(String(request.id)) ?? answers.get(String(request.id)) ?? [])
}

/** Row keys of every department with children under `parentKey` in the recorded tree. */
export function departmentKeys(
  answers: Answers,
  parentKey: string | null = null,
  parentId = '0',
  out: string[] = [],
): string[] {
  for (const node of answers.get(parentId) ?? []) {
    if (!isDepartmentNode(node) || !node.is_parent) continue
    const key = rowKeyOf(parentKey, node)
    out.push(key)
    departmentKeys(answers, key, node.id, out)
  }
  return out
}

/** Resolves once no row of the flattened tree is waiting for its children. */
export async function settled(store: PickerStore): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 5))
    const waiting = store
      .getSnapshot()
      .treeRows.some((row: TreeRow) => row.kind === 'status' && row.status === 'loading')
    if (!waiting) return
  }
}

/** A started store over the replayed district with `expanded` rows expanded, fully loaded. */
export async function loadedStore(
  fetcher: SelectFetcher,
  expanded: readonly string[],
): Promise<PickerStore> {
  const store = createPickerStore({ ...filters, transport: fetcher, defaultExpanded: expanded })
  store.start()
  await settled(store)
  return store
}

/** `count` people under a made-up class, shaped like the mock's nodes (for the 5,000-children case). */
export function syntheticClass(
  answers: Answers,
  count: number,
): { node: SelectNode; children: SelectNode[] } {
  const all = [...answers.values()].flat()
  const template = all.find((n) => isDepartmentNode(n) && n.is_parent && n.department_type === 1)
  const people = all.filter((n) => !isDepartmentNode(n))
  if (!template || people.length === 0) throw new Error('the district has no class to copy')
  const id = '999000001'
  const node: SelectNode = { ...template, id, name: '基准测试班', parent_id: '0', id_path: [id] }
  const children = Array.from({ length: count }, (_, i): SelectNode => {
    const person = people[i % people.length] as SelectNode
    return {
      ...person,
      id: String(70_000_000 + i),
      name: `${person.name}${i}`,
      parent_id: id,
      id_path: [id],
      path: node.name,
    }
  })
  return { node, children }
}
