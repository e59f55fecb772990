import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { department, person } from '../../test/nodes.js'
import { entityKeyOfNode, isDepartmentNode } from '../keys.js'
import { itemFromNode } from '../labels.js'
import { entityKey, type SelectedUser, type SelectNode } from '@epaas-picker/protocol'
import {
  addKnownPath,
  refreshCrossPath,
  type KnownPeople,
  checkedState,
  emptySelection,
  removeDecision,
  setChecked,
  type SelectionState,
} from './selection.js'
import { selectionFromValue, selectionToValue } from './selectionFromValue.js'

const target = (node: SelectNode) => ({ node, entityKey: entityKeyOfNode(node) })
const tick = (state: SelectionState, node: SelectNode, checked = true, paths?: string[][]) =>
  setChecked(state, target(node), checked, {
    item: itemFromNode(node),
    ...(paths ? { paths } : {}),
  })
const state = (s: SelectionState, node: SelectNode) => checkedState(s, target(node))

// school > grade1 > (class1, class2); grade2 > class3
const school = department('1')
const grade1 = department('10', school)
const class1 = department('101', grade1, { users_total: 3 })
const class2 = department('102', grade1)
const grade2 = department('20', school)
const class3 = department('201', grade2)
const s1 = person('9001', class1)
const s2 = person('9002', class1)
const teacherIn1 = person('7001', class1, { role_id: 12 })
const teacherIn3 = person('7001', class3, { role_id: 12 })

describe('selection rule', () => {
  it('ticking a department ticks what is below it, loaded or not, and marks ancestors mixed', () => {
    const s = tick(emptySelection(), class1)
    expect(state(s, class1)).toBe(true)
    expect(state(s, s1)).toBe(true)
    expect(state(s, grade1)).toBe('indeterminate')
    expect(state(s, school)).toBe('indeterminate')
    expect(state(s, class2)).toBe(false)
    expect(state(s, grade2)).toBe(false)
    expect(selectionToValue(s).departments.map((d) => d.id)).toEqual(['101'])
  })

  it('unticking a person inside a ticked class adds one exclusion', () => {
    const s = tick(tick(emptySelection(), class1), s1, false)
    const value = selectionToValue(s)
    expect(value.departments.map((d) => d.id)).toEqual(['101'])
    expect(value.excluded.map((e) => (e.type === 'user' ? e.userid : e.id))).toEqual(['9001'])
    expect(state(s, s1)).toBe(false)
    expect(state(s, s2)).toBe(true)
    expect(state(s, class1)).toBe('indeterminate')
    expect(state(s, grade1)).toBe('indeterminate')
  })

  it('ticking the class again drops the exclusions below it', () => {
    let s = tick(tick(emptySelection(), class1), s1, false)
    s = tick(s, class1)
    expect(selectionToValue(s)).toMatchObject({ excluded: [], users: [] })
    expect(state(s, class1)).toBe(true)
  })

  it('ticking a person covered by a ticked department adds nothing', () => {
    const s = tick(tick(emptySelection(), grade1), s1)
    expect(selectionToValue(s).users).toEqual([])
  })

  it('unticking a department under a ticked one excludes it', () => {
    const s = tick(tick(emptySelection(), school), grade1, false)
    const value = selectionToValue(s)
    expect(value.departments.map((d) => d.id)).toEqual(['1'])
    expect(value.excluded.map((e) => (e.type === 'department' ? e.id : ''))).toEqual(['10'])
    expect(state(s, class1)).toBe(false)
    expect(state(s, class3)).toBe(true)
    expect(state(s, school)).toBe('indeterminate')
  })

  it('a person known under two paths is ticked and unticked on both rows', () => {
    const paths = [teacherIn1.id_path, teacherIn3.id_path]
    let s = tick(emptySelection(), teacherIn1, true, paths)
    expect(state(s, teacherIn1)).toBe(true)
    expect(state(s, teacherIn3)).toBe(true)
    expect(state(s, grade2)).toBe('indeterminate')
    expect(selectionToValue(s).users).toHaveLength(1)
    s = tick(s, teacherIn3, false, paths)
    expect(state(s, teacherIn1)).toBe(false)
    expect(selectionToValue(s)).toMatchObject({ users: [], excluded: [] })
  })

  it('a second path learned later widens the ancestors that show mixed', () => {
    let s = tick(emptySelection(), teacherIn1)
    expect(state(s, grade2)).toBe(false)
    const before = s
    s = addKnownPath(s, entityKeyOfNode(teacherIn3), teacherIn3.id_path)
    expect(state(s, grade2)).toBe('indeterminate')
    expect(state(before, grade2)).toBe(false)
    expect(addKnownPath(s, entityKeyOfNode(teacherIn3), teacherIn3.id_path)).toBe(s)
  })

  it('round-trips through the value, and counts people with users_total', () => {
    let s = tick(tick(emptySelection(), class1), s1, false)
    s = tick(s, teacherIn3)
    expect(s.count).toBe(3 - 1 + 1)
    const again = selectionFromValue(selectionToValue(s))
    for (const node of [school, grade1, class1, class2, grade2, class3, s1, s2, teacherIn3]) {
      expect(state(again, node)).toEqual(state(s, node))
    }
    expect(again.count).toBe(s.count)
    expect(state(removeDecision(s, entityKeyOfNode(class1)), s2)).toBe(false)
  })

  it('never mutates an earlier state', () => {
    const a = tick(emptySelection(), class1)
    const b = tick(a, s1, false)
    expect(state(a, class1)).toBe(true)
    expect(state(b, class1)).toBe('indeterminate')
    expect(a.entries.size).toBe(1)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties over random trees and random toggles.

interface Tree {
  departments: SelectNode[]
  rows: SelectNode[]
  /** Person rows under each department ID (every department gets at least one). */
  leavesUnder: Map<string, SelectNode[]>
  /** What the tree knows of people, as the store's entity index would. */
  people: KnownPeople
  pathsOf: (node: SelectNode) => string[][]
}

function buildTree(shape: number[][], shared: number[]): Tree {
  const root = department('1')
  const departments = [root]
  const rows: SelectNode[] = [root]
  let next = 2
  const classes: SelectNode[] = []
  for (const grade of shape) {
    const g = department(String(next++), root)
    departments.push(g)
    rows.push(g)
    for (const size of grade) {
      const c = department(String(next++), g)
      departments.push(c)
      rows.push(c)
      classes.push(c)
      for (let i = 0; i < size + 1; i++) rows.push(person(String(1000 + next++), c))
    }
  }
  // Shared people: the same userid listed in two classes.
  shared.forEach((pick, i) => {
    if (classes.length < 2) return
    const a = classes[pick % classes.length] as SelectNode
    const b = classes[(pick + 1 + i) % classes.length] as SelectNode
    if (a === b) return
    rows.push(person(`50${i}`, a), person(`50${i}`, b))
  })
  const leavesUnder = new Map<string, SelectNode[]>()
  const byKey = new Map<string, SelectNode[]>()
  for (const row of rows) {
    if (isDepartmentNode(row)) continue
    for (const id of row.id_path) leavesUnder.set(id, [...(leavesUnder.get(id) ?? []), row])
    const key = entityKeyOfNode(row)
    byKey.set(key, [...(byKey.get(key) ?? []), row])
  }
  const several = [...byKey].filter(([, seen]) => seen.length > 1).map(([key]) => key)
  const people: KnownPeople = {
    pathsOf: (key) => (byKey.get(key) ?? []).map((row) => row.id_path),
    severalPaths: () => several,
    severalPathsUnder: (id) =>
      several.filter((key) => (byKey.get(key) ?? []).some((row) => row.id_path.includes(id))),
  }
  const pathsOf = (node: SelectNode) =>
    (byKey.get(entityKeyOfNode(node)) ?? []).map((r) => r.id_path)
  return { departments, rows, leavesUnder, people, pathsOf }
}

/**
 * Who receives, from the value alone, as sets of people: members of selected departments and
 * selected people, less excluded people, less members of excluded departments who are neither
 * selected themselves nor members of a selected department inside the excluded one.
 */
function recipientsOf(tree: Tree, s: SelectionState): Set<string> {
  const value = selectionToValue(s)
  const members = (id: string) => (tree.leavesUnder.get(id) ?? []).map(entityKeyOfNode)
  const listed = new Set(value.users.map((u) => entityKey(u)))
  const out = new Set<string>(listed)
  for (const d of value.departments) for (const key of members(d.id)) out.add(key)
  for (const e of value.excluded) {
    if (e.type === 'user') {
      out.delete(entityKey(e))
      continue
    }
    const inside = new Set(
      value.departments
        .filter((d) => d.id_path.includes(e.id) && d.id !== e.id)
        .flatMap((d) => members(d.id)),
    )
    for (const key of members(e.id)) if (!listed.has(key) && !inside.has(key)) out.delete(key)
  }
  return out
}

const treeArb = fc.record({
  shape: fc.array(fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  }),
  shared: fc.array(fc.nat(20), { maxLength: 4 }),
  toggles: fc.array(fc.tuple(fc.nat(200), fc.boolean(), fc.boolean()), { maxLength: 25 }),
})

/** A toggle as the store makes it: with every known path, the people, and the refresh. */
function toggle(tree: Tree, s: SelectionState, node: SelectNode, checked: boolean) {
  const next = setChecked(s, target(node), checked, {
    item: itemFromNode(node),
    paths: tree.pathsOf(node),
    people: tree.people,
    personItem: (key) => {
      const row = tree.rows.find((r) => entityKeyOfNode(r) === key)
      return row && (itemFromNode(row) as SelectedUser)
    },
  })
  return refreshCrossPath(next, s, tree.people)
}

describe('selection properties', () => {
  it('every row shows whether its person receives, and a tick or untick shows as asked', () => {
    let steps = 0
    fc.assert(
      fc.property(treeArb, ({ shape, shared, toggles }) => {
        const tree = buildTree(shape, shared)
        let s = refreshCrossPath(emptySelection(), undefined, tree.people)
        for (const [pick, checked, flip] of toggles) {
          const node = tree.rows[pick % tree.rows.length] as SelectNode
          const wanted = flip ? state(s, node) !== true : checked
          s = toggle(tree, s, node, wanted)
          steps++
          if (!isDepartmentNode(node)) expect(state(s, node)).toBe(wanted)
          // A tick makes everyone below receive; an untick leaves only people picked on their own.
          else if (wanted) expect(state(s, node)).toBe(true)
          else expect(state(s, node)).not.toBe(true)
          const recipients = recipientsOf(tree, s)
          for (const row of tree.rows) {
            if (isDepartmentNode(row)) continue
            expect(state(s, row)).toBe(recipients.has(entityKeyOfNode(row)))
          }
          for (const dept of tree.departments) {
            const shown = state(s, dept)
            const leaves = (tree.leavesUnder.get(dept.id) ?? []).map((leaf) =>
              recipients.has(entityKeyOfNode(leaf)),
            )
            if (shown === true) expect(leaves.every(Boolean)).toBe(true)
            if (shown === false) expect(leaves.some(Boolean)).toBe(false)
          }
        }
      }),
      { numRuns: 300 },
    )
    expect(steps).toBeGreaterThan(1000)
  })

  it('a tick never loses a pick: a person ticked on their own and known elsewhere stays ticked', () => {
    let tried = 0
    fc.assert(
      fc.property(treeArb, fc.nat(100), fc.nat(100), ({ shape, shared }, p, d) => {
        const tree = buildTree(shape, shared)
        const known = tree.rows.filter((r) => !isDepartmentNode(r) && tree.pathsOf(r).length > 1)
        const chosen = known[p % Math.max(1, known.length)]
        if (!chosen) return
        // A department holding some of the person's rows, not all of them.
        const dept = tree.departments[d % tree.departments.length] as SelectNode
        const through = tree.pathsOf(chosen).filter((path) => path.includes(dept.id))
        if (through.length === 0 || through.length === tree.pathsOf(chosen).length) return
        tried++
        let s = toggle(tree, emptySelection(), chosen, true)
        s = toggle(tree, s, dept, true)
        for (const row of known.filter((r) => r.id === chosen.id)) expect(state(s, row)).toBe(true)
        s = toggle(tree, s, dept, false)
        for (const row of known.filter((r) => r.id === chosen.id)) expect(state(s, row)).toBe(true)
        expect(selectionToValue(s).users.map((u) => u.userid)).toContain(chosen.id)
      }),
      { numRuns: 300 },
    )
    expect(tried).toBeGreaterThan(20)
  })

  it('the value rebuilds the same states', () => {
    fc.assert(
      fc.property(treeArb, ({ shape, shared, toggles }) => {
        const tree = buildTree(shape, shared)
        let s = emptySelection()
        for (const [pick, checked] of toggles) {
          s = toggle(tree, s, tree.rows[pick % tree.rows.length] as SelectNode, checked)
        }
        const again = refreshCrossPath(
          selectionFromValue(selectionToValue(s), (key) => tree.people.pathsOf(key)),
          undefined,
          tree.people,
        )
        for (const row of tree.rows) expect(state(again, row)).toEqual(state(s, row))
      }),
      { numRuns: 150 },
    )
  })
})
