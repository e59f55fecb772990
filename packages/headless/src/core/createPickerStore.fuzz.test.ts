/**
 * The store fuzzed: random sequences of expand, collapse, tick, untick, search and clear against
 * the mock's real handler, some of them fired before the previous one settled. After every step:
 *
 * - every visible row's checkbox equals what the selection rule says, computed here by brute
 *   force from the value and every path the mock has shown for each person (no counters, no
 *   caches: the rule as the README states it);
 * - no entity is both included and excluded, none is listed twice;
 * - the value round-trips through JSON and `selectionFromValue` / `selectionToValue`, and the
 *   rebuilt selection gives every row the same checkbox;
 * - a tick shows every row of that entity ticked, an untick every row unticked; a refused tick
 *   and every action that is not a tick leave the value as it was;
 * - the flattened list is well formed (levels, positions, children right under their parent).
 */
import { createMockEpaas } from '@epaas-picker/mock-server'
import {
  createEpaasClient,
  entityKey,
  type PickerValue,
  type SelectNode,
} from '@epaas-picker/protocol'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { createPickerStore, type PickerStore } from './createPickerStore.js'
import { entityKeyOfNode, isDepartmentNode } from './keys.js'
import type { PickerSnapshot } from './PickerSnapshot.js'
import { checkedState, selectionFromValue, selectionToValue } from './selection/selection.js'
import type { CheckedState, NodeRow, TreeRow } from './types.js'

/** Action sequences tried; `EPAAS_FUZZ_RUNS` (inputs per proxy route) scales it too. */
const RUNS = Math.max(20, Math.round(Number(process.env.EPAAS_FUZZ_RUNS ?? 10_000) / 50))
const SEED = process.env.EPAAS_FUZZ_SEED ? Number(process.env.EPAAS_FUZZ_SEED) : undefined

const mock = createMockEpaas({ dataset: 'small' })
const names = mock.data.users.slice(0, 300).map((u) => u.name)
const phones = mock.data.users.slice(0, 50).map((u) => u.phone)
const departmentNames = mock.data.departments.map((d) => d.name)

type Action =
  | { type: 'expand' | 'collapse' | 'tick' | 'untick' | 'flip'; pick: number; wait: boolean }
  | { type: 'search'; text: string; wait: boolean }
  | { type: 'clear-search' | 'clear-selection'; wait: boolean }
  | { type: 'remove-chip'; pick: number; wait: boolean }
  | { type: 'set-value-from-json'; wait: boolean }

const searchText = fc.oneof(
  fc
    .constantFrom(...names)
    .chain((n) => fc.nat({ max: n.length - 1 }).map((i) => n.slice(i, i + 1))),
  fc.constantFrom(...names),
  fc.constantFrom(...departmentNames),
  fc.constantFrom(...phones),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
)
const wait = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false))
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('expand'), pick: fc.nat(), wait }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('collapse'), pick: fc.nat(), wait }) },
  {
    weight: 8,
    arbitrary: fc.record({ type: fc.constantFrom('tick', 'untick', 'flip'), pick: fc.nat(), wait }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('search'), text: searchText, wait }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constantFrom('clear-search', 'clear-selection'), wait }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('remove-chip'), pick: fc.nat(), wait }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('set-value-from-json'), wait }) },
)

/** Every path the mock answered for each person (answers the store was still waiting for). */
type KnownPaths = Map<string, Set<string>>

/** A store on the mock whose every answer is noted, plus a way to wait until it is quiet. */
function harness() {
  const client = createEpaasClient({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    token: mock.issueUserToken(),
  })
  const known: KnownPaths = new Map()
  let inflight = 0
  const store = createPickerStore({
    transport: async (request, { signal }) => {
      inflight += 1
      try {
        const { node_list } = await client.selectDepartments(request, signal ? { signal } : {})
        // An answer the store has given up on (aborted) is never read by it: not known.
        if (!signal?.aborted) {
          for (const node of node_list) {
            if (isDepartmentNode(node)) continue
            const key = entityKeyOfNode(node)
            const set = known.get(key) ?? new Set<string>()
            set.add(node.id_path.join('/'))
            known.set(key, set)
          }
        }
        return node_list
      } finally {
        inflight -= 1
      }
    },
    select_type: 0,
    select_role_list: [11, 12, 13],
    is_show_root: true,
    need_users_total: true,
    searchDebounceMs: 0,
  })
  store.start()

  async function settle() {
    // The debounce timer, then the request, then its answer: quiet twice in a row.
    for (let quiet = 0; quiet < 2;) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      quiet = inflight === 0 ? quiet + 1 : 0
    }
  }
  return { store, known, settle }
}

// ---------------------------------------------------------------------------------------------
// The rule, by brute force

interface Decision {
  included: boolean
  isDepartment: boolean
  id: string
  /** Department IDs above the entity, on every path it is known under. */
  ancestors: Set<string>
}

function decisionsOf(value: PickerValue, known: KnownPaths): Map<string, Decision> {
  const out = new Map<string, Decision>()
  const put = (
    item: PickerValue['departments'][number] | PickerValue['users'][number],
    included: boolean,
  ) => {
    const key = entityKey(item)
    if (item.type === 'department') {
      const ancestors = new Set(item.id_path.filter((id) => id !== item.id))
      out.set(key, { included, isDepartment: true, id: item.id, ancestors })
    } else {
      const paths = [item.id_path, ...[...(known.get(key) ?? [])].map((p) => p.split('/'))]
      const ancestors = new Set(paths.flat().filter(Boolean))
      out.set(key, { included, isDepartment: false, id: item.userid, ancestors })
    }
  }
  for (const item of value.departments) put(item, true)
  for (const item of value.users) put(item, true)
  for (const item of value.excluded) put(item as PickerValue['users'][number], false)
  return out
}

/** A row's checkbox under the rule of the README, from the decisions alone. */
function ruleSays(decisions: Map<string, Decision>, node: SelectNode): CheckedState {
  const departmentDecision = new Map<string, boolean>()
  for (const d of decisions.values()) if (d.isDepartment) departmentDecision.set(d.id, d.included)
  const nearest = (path: readonly string[]) => {
    for (let i = path.length - 1; i >= 0; i--) {
      const decided = departmentDecision.get(path[i] as string)
      if (decided !== undefined) return decided
    }
    return false
  }
  const own = decisions.get(entityKeyOfNode(node))
  if (!isDepartmentNode(node)) return own ? own.included : nearest(node.id_path)
  const base = own ? own.included : nearest(node.id_path.filter((id) => id !== node.id))
  const disagreeingBelow = [...decisions.values()].some(
    (d) => d.included !== base && d.ancestors.has(node.id),
  )
  return disagreeingBelow ? 'indeterminate' : base
}

// ---------------------------------------------------------------------------------------------
// Checks

const nodeRows = (rows: readonly TreeRow[]) => rows.filter((r): r is NodeRow => r.kind === 'node')
const visibleRows = (s: PickerSnapshot) => [...nodeRows(s.treeRows), ...s.search.results]

function checkInvariants(store: PickerStore, known: KnownPaths) {
  const snapshot = store.getSnapshot()
  const { value } = snapshot

  // No entity twice, none both included and excluded.
  const included = [...value.departments, ...value.users].map(entityKey)
  const excluded = value.excluded.map(entityKey)
  expect(new Set(included).size).toBe(included.length)
  expect(new Set(excluded).size).toBe(excluded.length)
  expect(included.filter((key) => excluded.includes(key))).toEqual([])

  // Every visible row says what the rule says.
  const decisions = decisionsOf(value, known)
  for (const row of visibleRows(snapshot)) {
    const expected = ruleSays(decisions, row.node)
    const actual = snapshot.getChecked(row)
    if (actual !== expected) {
      throw new Error(
        `${row.key} (${row.node.name}) shows ${String(actual)}, the rule says ${String(expected)}`,
      )
    }
  }

  // The value round-trips, and the rebuilt selection gives every row the same checkbox.
  const json = JSON.parse(JSON.stringify(value)) as PickerValue
  expect(json).toEqual(value)
  const rebuilt = selectionFromValue(json, (key) =>
    [...(known.get(key) ?? [])].map((p) => p.split('/')),
  )
  expect(selectionToValue(rebuilt)).toEqual(value)
  for (const row of visibleRows(snapshot)) {
    expect(checkedState(rebuilt, row)).toBe(snapshot.getChecked(row))
  }

  // The flattened tree is well formed.
  const rows = snapshot.treeRows
  rows.forEach((row, i) => {
    const previous = rows[i - 1]
    expect(row.level).toBeLessThanOrEqual((previous?.level ?? 0) + 1)
    expect(row.posinset).toBeGreaterThanOrEqual(1)
    expect(row.posinset).toBeLessThanOrEqual(row.setsize)
    if (row.parentKey !== null) {
      const parentIndex = rows.findIndex((r) => r.key === row.parentKey)
      expect(parentIndex).toBeGreaterThanOrEqual(0)
      expect(parentIndex).toBeLessThan(i)
      expect(snapshot.expandedKeys.has(row.parentKey)).toBe(true)
    }
  })
}

const pick = <T>(items: readonly T[], index: number) =>
  items.length === 0 ? undefined : items[index % items.length]

/** Applies one action; answers what to check once it settled. */
function apply(store: PickerStore, step: Action): ((store: PickerStore) => void) | undefined {
  const snapshot = store.getSnapshot()
  const rows = nodeRows(snapshot.rows)
  const before = snapshot.value
  const unchanged = (s: PickerStore) => expect(s.getSnapshot().value).toEqual(before)
  switch (step.type) {
    case 'expand': {
      const row = pick(
        rows.filter((r) => r.node.is_parent && !snapshot.expandedKeys.has(r.key)),
        step.pick,
      )
      if (snapshot.mode === 'tree' && row) store.expand(row.key)
      return unchanged
    }
    case 'collapse': {
      const row = pick(
        rows.filter((r) => snapshot.expandedKeys.has(r.key)),
        step.pick,
      )
      if (!row) return unchanged
      store.collapse(row.key)
      return (s) => {
        unchanged(s)
        expect(s.getSnapshot().treeRows.some((r) => r.key.startsWith(`${row.key}/`))).toBe(false)
      }
    }
    case 'tick':
    case 'untick':
    case 'flip': {
      const row = pick(rows, step.pick)
      if (!row) return unchanged
      const wanted = step.type === 'flip' ? snapshot.getChecked(row) !== true : step.type === 'tick'
      const result = store.toggle(row, step.type === 'flip' ? undefined : wanted)
      if (!result.ok) return unchanged
      // Right away, before anything loads: every row showing the entity follows the tick.
      const now = store.getSnapshot()
      for (const other of visibleRows(now)) {
        if (other.entityKey === row.entityKey) expect(now.getChecked(other)).toBe(wanted)
      }
      return undefined
    }
    case 'search':
      store.setSearchValue(step.text)
      return unchanged
    case 'clear-search':
      store.setSearchValue('')
      return unchanged
    case 'clear-selection':
      store.clearSelection()
      return (s) =>
        expect(s.getSnapshot().value).toEqual({ departments: [], users: [], excluded: [] })
    case 'remove-chip': {
      const keys = [...before.departments, ...before.users, ...before.excluded].map(entityKey)
      const key = pick(keys, step.pick)
      if (key) store.removeEntity(key)
      return (s) => {
        const after = s.getSnapshot().value
        expect([...after.departments, ...after.users, ...after.excluded].map(entityKey)).toEqual(
          keys.filter((k) => k !== key),
        )
      }
    }
    case 'set-value-from-json':
      // A saved value coming back (through a server): same rule, same checkboxes.
      store.setValue(JSON.parse(JSON.stringify(before)) as PickerValue)
      return unchanged
  }
}

const tallies = { sequences: 0, actions: 0, ticks: 0, rowsChecked: 0 }
afterAll(() => {
  console.info(
    `store fuzz: ${tallies.sequences} sequences, ${tallies.actions} actions (${tallies.ticks} ticks), ${tallies.rowsChecked} row states checked against the rule`,
  )
})

describe('the store under random actions', () => {
  it(`keeps its invariants over ${RUNS} random sequences of up to 40 actions`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 5, maxLength: 40, size: 'max' }),
        async (actions) => {
          const { store, known, settle } = harness()
          try {
            await settle()
            tallies.sequences += 1
            for (const step of actions) {
              tallies.actions += 1
              if (step.type === 'tick' || step.type === 'untick' || step.type === 'flip') {
                tallies.ticks += 1
              }
              const after = apply(store, step)
              // Without a wait, the next action comes while this one's requests are in flight.
              if (!step.wait) continue
              await settle()
              after?.(store)
              checkInvariants(store, known)
              tallies.rowsChecked += visibleRows(store.getSnapshot()).length
            }
            await settle()
            checkInvariants(store, known)
          } finally {
            store.destroy()
          }
        },
      ),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    )
    expect(tallies.sequences).toBeGreaterThanOrEqual(RUNS)
  }, 120_000)
})
