/**
 * What the picker shows is who will receive. Random sequences of expand, collapse, tick and untick
 * (tree rows, search results, the mobile drill-down list), chip removal, clear and controlled value
 * changes, on the mock's `small` data and its `district` (both with branch schools), some fired
 * before the previous one settled. After every settled step, with the value the picker holds:
 *
 * - every loaded person row (tree, results, mobile list) shows ticked exactly when the proxy's
 *   real `resolve` of that value reaches the person, for each person the tree has seen in every
 *   department listing them (the tree cannot know a path it never loaded); all rows of one
 *   person show the same state, seen or not;
 * - a department row shown ticked has every such person loaded below it reached, shown unticked
 *   none of them;
 * - a tick shows every row of its entity as asked at once; no entity is listed twice or both
 *   included and excluded; the flattened tree is well formed.
 */
import { type NodeRow, type PickerSnapshot, type TreeRow } from '@epaas-picker/headless/core'
import { generateDataset, type Dataset, type MockEpaasOptions } from '@epaas-picker/mock-server'
import { entityKey, type PickerValue } from '@epaas-picker/protocol'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { fullyKnown, listingDepartments } from './harness/positions.js'
import { pickerOnMock } from './harness/pickerOnMock.js'

const SCALE = Number(process.env.EPAAS_FUZZ_RUNS ?? 10_000) / 10_000
const SEED = process.env.EPAAS_FUZZ_SEED ? Number(process.env.EPAAS_FUZZ_SEED) : undefined

type Pick = { pick: number; wait: boolean }
type Toggle = 'tick' | 'untick' | 'flip'
type Action =
  | ({ type: 'expand' | 'expand-deep' | 'expand-siblings' | 'collapse' } & Pick)
  | ({ type: Toggle; departments: boolean } & Pick)
  | ({ type: 'drill' | 'drill-tick' | 'remove-chip' | 'drop-from-value' | 'tick-inside' } & Pick)
  | { type: 'search'; text: string; wait: boolean }
  | { type: 'clear-search' | 'clear-selection' | 'drill-up' | 'value-from-json'; wait: boolean }

function actions(data: Dataset): fc.Arbitrary<Action> {
  const names = data.departments.flatMap((d) => d.members.slice(0, 2)).slice(0, 400)
  const people = names.map((m) => data.userById.get(m.userid)!).filter(Boolean)
  const text = fc.oneof(
    fc.constantFrom(...people.map((u) => u.name)),
    fc.constantFrom(...people.map((u) => u.name.slice(0, 1))),
    fc.constantFrom(...data.departments.slice(0, 200).map((d) => d.name)),
  )
  const wait = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false))
  const picked = <T extends Action['type']>(...types: T[]) =>
    fc.record({ type: fc.constantFrom(...types), pick: fc.nat(), wait })
  return fc.oneof(
    { weight: 3, arbitrary: picked('expand') },
    // Deep rows and whole levels: people listed in several classes become known everywhere.
    { weight: 4, arbitrary: picked('expand-deep') },
    { weight: 3, arbitrary: picked('expand-siblings') },
    { weight: 1, arbitrary: picked('collapse') },
    {
      weight: 9,
      arbitrary: fc.record({
        type: fc.constantFrom<Toggle>('tick', 'untick', 'flip'),
        departments: fc.boolean(),
        pick: fc.nat(),
        wait,
      }),
    },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('search' as const), text, wait }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('clear-search' as const), wait }) },
    { weight: 2, arbitrary: picked('drill', 'drill-tick') },
    // "The school except 三年级, but 三年级一班": a tick below an unticked department.
    { weight: 2, arbitrary: picked('tick-inside') },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('drill-up' as const), wait }) },
    { weight: 1, arbitrary: picked('remove-chip', 'drop-from-value') },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constantFrom('clear-selection' as const, 'value-from-json' as const),
        wait,
      }),
    },
  )
}

const nodeRows = (rows: readonly TreeRow[]) => rows.filter((r): r is NodeRow => r.kind === 'node')
const shownRows = (s: PickerSnapshot) => [
  ...nodeRows(s.treeRows),
  ...s.search.results,
  ...nodeRows(s.drill.rows),
]
const pickOf = <T>(items: readonly T[], index: number) =>
  items.length === 0 ? undefined : items[index % items.length]
const isPerson = (row: NodeRow) => row.node.id_type === 1

const tallies = { sequences: 0, steps: 0, ticks: 0, people: 0, skipped: 0, departments: 0 }
afterAll(() => {
  console.info(
    `picker vs resolve: ${tallies.sequences} sequences, ${tallies.steps} steps (${tallies.ticks} ticks); ` +
      `${tallies.people} person rows and ${tallies.departments} department rows checked against resolve, ` +
      `${tallies.skipped} person rows of people not yet seen everywhere checked for agreement only`,
  )
})

type Harness = ReturnType<typeof pickerOnMock>

/** Applies one action; answers a check to run once it settled. */
function apply(h: Harness, step: Action): (() => void) | undefined {
  const { store } = h
  const snapshot = store.getSnapshot()
  const rows = nodeRows(snapshot.rows)
  const before = snapshot.value
  const unchanged = () => expect(store.getSnapshot().value).toEqual(before)
  const toggle = (row: NodeRow | undefined, wanted: boolean | undefined) => {
    if (!row) return unchanged
    const asked = wanted ?? store.getSnapshot().getChecked(row) !== true
    tallies.ticks += 1
    if (!store.toggle(row, wanted).ok) return unchanged
    // Right away, before anything loads: every row showing the entity follows the tick.
    const now = store.getSnapshot()
    for (const other of shownRows(now)) {
      if (other.entityKey !== row.entityKey) continue
      if (isPerson(other) || asked) expect(now.getChecked(other)).toBe(asked)
      else expect(now.getChecked(other)).not.toBe(true)
    }
    return undefined
  }
  switch (step.type) {
    case 'expand':
    case 'expand-deep':
    case 'expand-siblings': {
      if (snapshot.mode !== 'tree') return unchanged
      const closed = rows.filter((r) => r.node.is_parent && !snapshot.expandedKeys.has(r.key))
      const deepest = Math.max(0, ...closed.map((r) => r.level))
      const row = pickOf(
        step.type === 'expand-deep' ? closed.filter((r) => r.level === deepest) : closed,
        step.pick,
      )
      if (!row) return unchanged
      if (step.type !== 'expand-siblings') store.expand(row.key)
      else {
        const siblings = closed.filter((r) => r.parentKey === row.parentKey).map((r) => r.key)
        store.setExpanded([...snapshot.expandedKeys, ...siblings])
      }
      return unchanged
    }
    case 'collapse': {
      const row = pickOf(
        rows.filter((r) => snapshot.expandedKeys.has(r.key)),
        step.pick,
      )
      if (row) store.collapse(row.key)
      return unchanged
    }
    case 'tick':
    case 'untick':
    case 'flip':
      return toggle(
        pickOf(rows, step.pick),
        step.type === 'flip' ? undefined : step.type === 'tick',
      )
    case 'tick-inside': {
      // A department below an excluded one; without one, exclude an open department first.
      const excluded = new Set(before.excluded.map(entityKey))
      const departments = rows.filter((r) => !isPerson(r))
      const open = departments.filter((r) => excluded.has(r.entityKey))
      const inside = departments.filter((r) => open.some((o) => r.key.startsWith(`${o.key}/`)))
      if (inside.length > 0) return toggle(pickOf(inside, step.pick), true)
      const ticked = departments.filter(
        (r) =>
          snapshot.getChecked(r) === true &&
          r.parentKey !== null &&
          snapshot.expandedKeys.has(r.key),
      )
      return toggle(pickOf(ticked, step.pick), false)
    }
    case 'drill': {
      const row = pickOf(
        nodeRows(snapshot.drill.rows).filter((r) => r.node.is_parent),
        step.pick,
      )
      if (row) store.drillInto(row.key)
      return unchanged
    }
    case 'drill-tick':
      return toggle(pickOf(nodeRows(snapshot.drill.rows), step.pick), undefined)
    case 'drill-up':
      store.drillTo(snapshot.drill.path.length - 1)
      return unchanged
    case 'search':
      store.setSearchValue(step.text)
      return unchanged
    case 'clear-search':
      store.setSearchValue('')
      return unchanged
    case 'clear-selection':
      store.clearSelection()
      return () =>
        expect(store.getSnapshot().value).toEqual({ departments: [], users: [], excluded: [] })
    case 'remove-chip': {
      const keys = [...before.departments, ...before.users, ...before.excluded].map(entityKey)
      const key = pickOf(keys, step.pick)
      if (key) store.removeEntity(key)
      return () => {
        const after = store.getSnapshot().value
        const left = [...after.departments, ...after.users, ...after.excluded].map(entityKey)
        expect(left).toEqual(keys.filter((k) => k !== key))
      }
    }
    case 'drop-from-value': {
      // The parent drops an item of its own (a form resetting one field, say).
      const items = [...before.departments, ...before.users]
      const item = pickOf(items, step.pick)
      if (!item) return unchanged
      const key = entityKey(item)
      h.setValue({
        departments: before.departments.filter((d) => entityKey(d) !== key),
        users: before.users.filter((u) => entityKey(u) !== key),
        excluded: before.excluded,
      })
      return undefined
    }
    case 'value-from-json':
      // A saved value coming back (through a server): same rule, same rows.
      h.setValue(JSON.parse(JSON.stringify(before)) as PickerValue)
      return unchanged
  }
}

/** After a settled step: rows against the real resolve of the value. */
async function check(h: Harness, listing: Map<string, Set<string>>) {
  const snapshot = h.store.getSnapshot()
  const { value } = snapshot
  const included = [...value.departments, ...value.users].map(entityKey)
  const excluded = value.excluded.map(entityKey)
  expect(new Set(included).size).toBe(included.length)
  expect(new Set(excluded).size).toBe(excluded.length)
  expect(included.filter((key) => excluded.includes(key))).toEqual([])

  const recipients = await h.recipientsOf(value)
  const stateOf = new Map<string, boolean | 'indeterminate'>()
  for (const row of shownRows(snapshot)) {
    const shown = snapshot.getChecked(row)
    if (!isPerson(row)) continue
    const seen = stateOf.get(row.entityKey)
    if (seen !== undefined && seen !== shown) {
      throw new Error(
        `${row.node.name} (${row.entityKey}) shows ${String(shown)} and ${String(seen)}`,
      )
    }
    stateOf.set(row.entityKey, shown)
    if (!fullyKnown(listing, h.answered, row.entityKey)) {
      tallies.skipped += 1
      continue
    }
    tallies.people += 1
    const receives = recipients.has(row.entityKey)
    if (shown !== receives) {
      throw new Error(
        `${row.key} (${row.node.name}) shows ${String(shown)}; resolve ${receives ? 'reaches' : 'does not reach'} ${row.entityKey}`,
      )
    }
  }
  // Departments against the people loaded below them whom the tree knows everywhere.
  for (const row of shownRows(snapshot)) {
    if (isPerson(row)) continue
    const shown = snapshot.getChecked(row)
    if (shown === 'indeterminate') continue
    tallies.departments += 1
    for (const [key, nodes] of h.answered) {
      if (!nodes.some((node) => node.id_path.includes(row.node.id))) continue
      if (!fullyKnown(listing, h.answered, key)) continue
      if (recipients.has(key) !== shown) {
        throw new Error(
          `${row.key} (${row.node.name}) shows ${String(shown)}, but ${key} below it is ${recipients.has(key) ? '' : 'not '}reached`,
        )
      }
    }
  }
  wellFormed(snapshot)
}

function wellFormed(snapshot: PickerSnapshot) {
  const rows = snapshot.treeRows
  rows.forEach((row, i) => {
    expect(row.level).toBeLessThanOrEqual((rows[i - 1]?.level ?? 0) + 1)
    expect(row.posinset).toBeGreaterThanOrEqual(1)
    expect(row.posinset).toBeLessThanOrEqual(row.setsize)
    if (row.parentKey === null) return
    const parentIndex = rows.findIndex((r) => r.key === row.parentKey)
    expect(parentIndex).toBeGreaterThanOrEqual(0)
    expect(parentIndex).toBeLessThan(i)
  })
}

async function runSequences(
  name: string,
  mockOptions: MockEpaasOptions & { dataset: Dataset },
  runs: number,
  maxSteps: number,
  options: Parameters<typeof pickerOnMock>[1] = {},
) {
  const listing = listingDepartments(mockOptions.dataset)
  await fc.assert(
    fc.asyncProperty(
      fc.array(actions(mockOptions.dataset), { minLength: 5, maxLength: maxSteps, size: 'max' }),
      async (steps) => {
        const h = pickerOnMock(mockOptions, options)
        try {
          await h.settle()
          tallies.sequences += 1
          for (const step of steps) {
            tallies.steps += 1
            const after = apply(h, step)
            // Without a wait, the next action comes while this one's requests are in flight.
            if (!step.wait) continue
            await h.settle()
            after?.()
            await check(h, listing)
          }
          await h.settle()
          await check(h, listing)
        } finally {
          h.store.destroy()
        }
      },
    ),
    { numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }) },
  )
  void name
}

describe('what the picker shows is who resolve reaches', () => {
  const small = generateDataset('small', 1, { branchSchools: 2 })
  const district = generateDataset('district', 1, { branchSchools: 2 })

  it('on one school with branch schools', async () => {
    const runs = Math.max(10, Math.round(80 * SCALE))
    await runSequences('small', { dataset: small }, runs, 40, {
      is_show_root: true,
      is_include_sub_org: true,
    })
    expect(tallies.people).toBeGreaterThan(runs * 10)
  }, 240_000)

  it('on a district of 32 schools, one of them with branch schools', async () => {
    const runs = Math.max(4, Math.round(12 * SCALE))
    // Without the bureau's root row: ticking it would resolve 100,000 people at every step.
    await runSequences('district', { dataset: district }, runs, 20, { is_include_sub_org: true })
  }, 240_000)
})
