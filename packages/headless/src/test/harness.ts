/**
 * Test harness: a picker store wired to the mock server's real handler (no network), plus
 * helpers to wait for a state and to walk down the tree.
 */
import { createMockEpaas, type MockEpaasOptions } from '@epaas-picker/mock-server'
import { createEpaasClient, type EpaasClient } from '@epaas-picker/protocol'
import {
  createPickerStore,
  type PickerStore,
  type PickerStoreOptions,
} from '../core/createPickerStore.js'
import type { PickerSnapshot } from '../core/PickerSnapshot.js'
import type { NodeRow } from '../core/types.js'

/** Resolves with the first snapshot for which `predicate` holds (checked now and on change). */
export function until(
  store: PickerStore,
  predicate: (snapshot: PickerSnapshot) => boolean,
  timeoutMs = 5000,
): Promise<PickerSnapshot> {
  return new Promise((resolve, reject) => {
    if (predicate(store.getSnapshot())) return resolve(store.getSnapshot())
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error('condition not reached in time'))
    }, timeoutMs)
    const unsubscribe = store.subscribe(() => {
      if (!predicate(store.getSnapshot())) return
      clearTimeout(timer)
      unsubscribe()
      resolve(store.getSnapshot())
    })
  })
}

/** The visible tree row showing node `id` (under `parentKey` when given). */
export function rowOf(snapshot: PickerSnapshot, id: string | number, parentKey?: string) {
  return snapshot.treeRows.find(
    (row): row is NodeRow =>
      row.kind === 'node' &&
      row.node.id === String(id) &&
      (parentKey === undefined || row.parentKey === parentKey),
  )
}

/** A mock, a client on it, and a started store. */
export function mockHarness(
  options: PickerStoreOptions = {},
  mockOptions: MockEpaasOptions = { dataset: 'small' },
) {
  const mock = createMockEpaas(mockOptions)
  const client: EpaasClient = createEpaasClient({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    token: mock.issueUserToken(),
  })
  const store = createPickerStore({ transport: client, ...options })
  store.start()

  /** Expands the rows of `ids` one after the other (each must be visible once its parent is). */
  async function expandPath(ids: readonly (string | number)[]): Promise<NodeRow[]> {
    const rows: NodeRow[] = []
    await until(store, (s) => s.rootStatus.status === 'success')
    for (const id of ids) {
      const row = rowOf(store.getSnapshot(), id, rows.at(-1)?.key)
      if (!row) throw new Error(`node ${id} is not visible`)
      rows.push(row)
      store.expand(row.key)
      const done = await until(store, (s) => {
        const status = s.getLoadState(row.key).status
        return status === 'success' || status === 'error'
      })
      if (done.getLoadState(row.key).status === 'error') throw new Error(`loading ${id} failed`)
    }
    return rows
  }

  return { mock, client, store, expandPath }
}
