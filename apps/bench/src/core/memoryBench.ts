/**
 * Budget: under 400 bytes per loaded node beyond the response JSON itself. Needs `--expose-gc`.
 */
import type { SelectNode } from '@epaas-picker/protocol'
import { departmentKeys, loadedStore, replay, type Answers } from './fixtures.js'

const gc = (globalThis as { gc?: () => void }).gc

function heapAfterGc(): number {
  if (!gc) throw new Error('run node with --expose-gc')
  for (let i = 0; i < 4; i++) gc()
  return process.memoryUsage().heapUsed
}

/** Heap taken by a deep copy of the answers (dropped again before returning). */
function copyCost(answers: Answers): number {
  const before = heapAfterGc()
  const copy: Map<string, SelectNode[]> = structuredClone(answers)
  const after = heapAfterGc()
  return copy.size > 0 ? after - before : 0
}

/** Measures the heap the store adds on top of the answers it was given. */
export async function memoryBench(answers: Answers) {
  const nodes = [...answers.values()].reduce((n, list) => n + list.length, 0)

  // What the answers themselves cost, for scale: a deep copy of them.
  const jsonBytes = copyCost(answers)

  const fetcher = replay(answers)
  const expanded = departmentKeys(answers)
  const baseline = heapAfterGc()
  const store = await loadedStore(fetcher, expanded)
  const loaded = heapAfterGc()
  const rows = store.getSnapshot().treeRows.length
  const perNode = (loaded - baseline) / nodes
  return {
    nodes,
    rows,
    jsonPerNode: jsonBytes / nodes,
    perNode,
    // Keep the store reachable until measured.
    keep: store.getSnapshot().value,
  }
}
