/**
 * Budget: toggling a department with 10,000 loaded descendants, then computing the checked state
 * of every visible row, under 2 ms.
 */
import { isDepartmentNode, rowKeyOf, type NodeRow, type TreeRow } from '@epaas-picker/headless/core'
import type { SelectNode } from '@epaas-picker/protocol'
import { Bench } from 'tinybench'
import { departmentKeys, loadedStore, replay, type Answers } from './fixtures.js'
import { rowOf, type ResultRow } from './report.js'

interface Candidate {
  key: string
  node: SelectNode
  descendants: number
  ancestors: string[]
}

/** Every department with its number of descendant nodes, and the row keys above it. */
function candidates(answers: Answers): Candidate[] {
  const out: Candidate[] = []
  const walk = (parentKey: string | null, parentId: string, ancestors: string[]): number => {
    let total = 0
    for (const node of answers.get(parentId) ?? []) {
      total++
      if (!isDepartmentNode(node) || !node.is_parent) continue
      const key = rowKeyOf(parentKey, node)
      const descendants = walk(key, node.id, [...ancestors, key])
      total += descendants
      out.push({ key, node, descendants, ancestors })
    }
    return total
  }
  walk(null, '0', [])
  return out
}

/** Runs the toggle benchmark; answers its rows and a description of the tree. */
export async function toggleBench(answers: Answers): Promise<{ rows: ResultRow[]; note: string }> {
  const target = candidates(answers)
    .filter((c) => c.descendants >= 10_000)
    .sort((a, b) => a.descendants - b.descendants)[0]
  if (!target) throw new Error('no department with 10,000 descendants in the district')
  const expanded = [...target.ancestors, target.key, ...departmentKeys(answers, target.key, target.node.id)]
  const store = await loadedStore(replay(answers), expanded)
  const snapshot = store.getSnapshot()
  const row = snapshot.getRow(target.key) as NodeRow
  const visible = snapshot.treeRows.length

  // Some unrelated decisions, as a real selection would have.
  const others = snapshot.treeRows.filter(
    (r): r is NodeRow => r.kind === 'node' && !r.key.startsWith(target.key),
  )
  for (const other of others.slice(-20)) store.toggle(other)
  // A person inside the department, for the exclusion case.
  const inside = store
    .getSnapshot()
    .treeRows.find(
      (r): r is NodeRow => r.kind === 'node' && r.key.startsWith(`${target.key}/`) && !isDepartmentNode(r.node) && !r.node.disabled,
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
    .add('untick one person inside it (exclusion) + checked state of every visible row', () => {
      store.toggle(inside)
      computeAll()
    }, {
      beforeAll: () => {
        store.toggle(row, true)
      },
    })
    .add('checked state of every visible row alone (no toggle)', () => computeAll())
  await bench.run()
  if (sink < 0) console.info(sink)
  const [dept, person, read] = bench.tasks as [typeof bench.tasks[0], typeof bench.tasks[0], typeof bench.tasks[0]]
  return {
    rows: [rowOf(dept, 2), rowOf(person, 2), rowOf(read)],
    note: `Department "${target.node.name}" (${target.node.path || 'top'}) with ${target.descendants.toLocaleString('en')} loaded descendants, all expanded: ${visible.toLocaleString('en')} visible rows; 20 other decisions in the selection.`,
  }
}
