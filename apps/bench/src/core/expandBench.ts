/**
 * Budget: expanding a node with 5,000 children into a 100,000-row flattened tree, under 5 ms.
 */
import type { NodeRow, PickerStore, SelectFetcher } from '@epaas-picker/headless/core'
import { Bench } from 'tinybench'
import { departmentKeys, loadedStore, replay, syntheticClass, type Answers } from './fixtures.js'
import { rowOf, type ResultRow } from './report.js'

const CHILDREN = 5_000

function loaded(store: PickerStore, key: string): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = store.subscribe(() => {
      if (store.getSnapshot().getLoadState(key).status !== 'success') return
      unsubscribe()
      resolve()
    })
  })
}

/** Runs the expand benchmark; answers its rows and a description of the tree. */
export async function expandBench(answers: Answers): Promise<{ rows: ResultRow[]; note: string }> {
  const { node, children } = syntheticClass(answers, CHILDREN)
  // The 5,000-children class sits last at the top, so finding its row scans the whole list.
  const extra: Answers = new Map([['0', [...(answers.get('0') ?? []), node]]])
  // The class's answer waits for `release`, so a measurement can start before it arrives.
  let release: () => void = () => undefined
  const base = replay(answers, extra)
  const fetcher: SelectFetcher = (request, options) =>
    String(request.id) === node.id
      ? new Promise((resolve) => (release = () => resolve(children)))
      : base(request, options)
  const store = await loadedStore(fetcher, departmentKeys(answers))
  const key = `d${node.id}`
  const row = store.getSnapshot().getRow(key) as NodeRow
  store.expand(key)
  const first = loaded(store, key)
  release()
  await first
  const expandedRows = store.getSnapshot().treeRows.length
  store.collapse(key)
  const before = store.getSnapshot().treeRows.length

  const bench = new Bench({ name: 'expand', time: 2000, warmupTime: 300 })
  bench
    .add(
      `expand a loaded node with ${CHILDREN.toLocaleString('en')} children (splice)`,
      () => store.expand(key),
      { beforeEach: () => store.collapse(key) },
    )
    .add(
      `first expand: loading row, answer of ${CHILDREN.toLocaleString('en')} nodes, rows built and spliced`,
      async () => {
        const done = loaded(store, key)
        store.expand(key)
        release()
        await done
      },
      {
        beforeEach: () => {
          store.collapse(key)
          // Forget the loaded level; the next expand sends the request again.
          store.reload(key)
        },
      },
    )
    .add(`collapse it`, () => store.collapse(key), { beforeEach: () => store.expand(key) })
  await bench.run()
  const [expand, load, collapse] = bench.tasks as [
    (typeof bench.tasks)[0],
    (typeof bench.tasks)[0],
    (typeof bench.tasks)[0],
  ]
  return {
    rows: [rowOf(expand, 5), rowOf(load, 5), rowOf(collapse)],
    note: `Flattened tree of ${before.toLocaleString('en')} rows (the whole district expanded); expanding "${row.node.name}", last at the top level, makes it ${expandedRows.toLocaleString('en')}. The first-expand case is what a click costs when the answer is already there: the loading row spliced in, then the ${CHILDREN.toLocaleString('en')} rows built and spliced over it, plus one promise turn.`,
  }
}
