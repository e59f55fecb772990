/**
 * Budget: toggling a department with 10,000 loaded descendants, then computing the checked state
 * of every visible row, under 2 ms.
 */
import { isDepartmentNode, rowKeyOf, type NodeRow, type TreeRow } from '@epaas-picker/headless/core'
import type { SelectNode } from '@epaas-picker/protocol'
import { Bench } from 'tinybench'
import { departmentKeys, loadedStore, replay, type Answers } from './fixtures.js'
import { rowOf, type ResultRow } from './report.js'

/** Number of nodes below `id` in the recorded tree. */
function subtreeSize(answers: Answers, id: string): number {
  let total = 0
  for (const node of answers.get(id) ?? []) {
    total++
    if (isDepartmentNode(node) && node.is_parent) total += subtreeSize(answers, node.id)
  }
  return total
}

/**
 * The bureau with its schools loaded and expanded one after the other until 10,000 nodes are
 * loaded below it (no single department of the district has that many).
 */
function bureauWith10k(answers: Answers) {
  const root = answers.get('0')?.[0] as SelectNode
  const rootKey = rowKeyOf(null, root)
  const expanded = [rootKey]
  let descendants = answers.get(root.id)?.length ?? 0
  for (const child of answers.get(root.id) ?? []) {
    if (descendants >= 10_000) break
    if (!isDepartmentNode(child) || !child.is_parent) continue
    const key = rowKeyOf(rootKey, child)
    expanded.push(key, ...departmentKeys(answers, key, child.id))
    descendants += subtreeSize(answers, child.id)
  }
  return { root, rootKey, expanded, descendants }
}

/** Runs the toggle benchmark; answers its rows and a description of the tree. */
export async function toggleBench(answers: Answers): Promise<{ rows: ResultRow[]; note: string }> {
  const target = bureauWith10k(answers)
  const expanded = target.expanded
  const store = await loadedStore(replay(answers), expanded)
  const snapshot = store.getSnapshot()
  const row = snapshot.getRow(target.rootKey) as NodeRow
  const visible = snapshot.treeRows.length

  // Some unrelated decisions, as a real selection would have.
  const others = snapshot.treeRows.filter((r): r is NodeRow => r.kind === 'node' && r.level === 2)
  for (const other of others.slice(-20)) store.toggle(other)
  store.toggle(row, false)
  // A person inside the department, for the exclusion case.
  const inside = store
    .getSnapshot()
    .treeRows.find(
      (r): r is NodeRow =>
        r.kind === 'node' && r.level > 2 && !isDepartmentNode(r.node) && !r.node.disabled,
    ) as NodeRow

  let sink = 0
  const computeAll = () => {
    const s = store.getSnapshot()
    for (const r of s.treeRows as TreeRow[]) if (s.getChecked(r) === true) sink++
  }

  const bench = new Bench({ name: 'toggle', time: 2000, warmupTime: 300 })
  bench
    .add('tick or untick the department + checked state of every visible row', () => {
      store.toggle(row)
      computeAll()
    })
    .add(
      'untick one person inside it (exclusion) + checked state of every visible row',
      () => {
        store.toggle(inside)
        computeAll()
      },
      {
        beforeAll: () => {
          store.toggle(row, true)
        },
      },
    )
    .add('checked state of every visible row alone (no toggle)', () => computeAll())
  await bench.run()
  if (sink < 0) console.info(sink)
  const [dept, person, read] = bench.tasks as [
    (typeof bench.tasks)[0],
    (typeof bench.tasks)[0],
    (typeof bench.tasks)[0],
  ]
  return {
    rows: [rowOf(dept, 2), rowOf(person, 2), rowOf(read)],
    note: `Department "${target.root.name}" (the bureau) with ${target.descendants.toLocaleString('en')} loaded descendants (its groups and schools, the first schools loaded and expanded in full): ${visible.toLocaleString('en')} visible rows. 20 other decisions in the selection (its last top-level groups and schools ticked).`,
  }
}
