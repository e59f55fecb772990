import {
  generateDataset,
  SelectNodeKind,
  type Dataset,
  type MockDepartment,
} from '@epaas-picker/mock-server'
import { Role, type SelectDepartmentsRequest } from '@epaas-picker/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { mockHarness, rowOf, until } from '../test/harness.js'
import type { NodeRow } from './types.js'
import { createPickerStore, type ChildrenLoader } from './createPickerStore.js'
import { toSelectFetcher } from './transport.js'
import type { SelectNode } from '@epaas-picker/protocol'

const SELECT = '/campus/department/select'

const filters = {
  select_type: 0 as const,
  department_type_list: [1 as const, 2 as const, 7 as const],
  select_role_list: [11 as const, 12 as const, 13 as const],
  need_users_total: true,
  hide_creator: true,
  is_show_root: true,
}

/** Department IDs from the top root down to `department`, as strings. */
const routeTo = (department: MockDepartment) => department.idPath.map(String)

function classes(data: Dataset) {
  return data.departments.filter((d) => d.kind === SelectNodeKind.Class && !d.disabled)
}

function classWithParents(data: Dataset) {
  const found = classes(data).find((d) => d.members.some((m) => m.role === Role.Parent))
  if (!found) throw new Error('no class with parents in the dataset')
  return found
}

/** A teacher listed under two enabled classes. */
function teacherInTwoClasses(data: Dataset) {
  const enabled = new Set(classes(data).map((d) => d.id))
  for (const user of data.users) {
    if (user.disabled || user.creator) continue
    const listed = user.listings.filter(
      (l) => l.role === Role.Teacher && enabled.has(l.departmentId),
    )
    if (listed.length >= 2) {
      return {
        user,
        classes: listed
          .slice(0, 2)
          .map((l) => data.departmentById.get(l.departmentId) as MockDepartment),
      }
    }
  }
  throw new Error('no teacher in two classes')
}

const selectBodies = (requests: { path: string; body?: unknown }[]) =>
  requests.filter((r) => r.path === SELECT).map((r) => r.body as Record<string, unknown>)

let destroy: (() => void) | undefined
afterEach(() => destroy?.())

function harness(options = {}) {
  const h = mockHarness({ ...filters, ...options })
  destroy = () => h.store.destroy()
  return h
}

describe('loading the tree', () => {
  it('walks root, school, grade, class down to a parent, echoing node and filters', async () => {
    const { mock, store, expandPath } = harness()
    const target = classWithParents(mock.data)
    const rows = await expandPath(routeTo(target))
    const parent = store
      .getSnapshot()
      .treeRows.find(
        (r): r is NodeRow =>
          r.kind === 'node' && r.parentKey === rows.at(-1)?.key && r.node.role_id === Role.Parent,
      )
    expect(parent?.node.child_name).toBeTruthy()
    expect(parent?.level).toBe(rows.length + 1)

    const bodies = selectBodies(mock.requests)
    expect(bodies).toHaveLength(rows.length + 1)
    const [first, ...expansions] = bodies
    expect(first).toMatchObject({ id: 0 })
    expect(first).not.toHaveProperty('select_node_type')
    for (const body of bodies) {
      expect(body).toMatchObject({
        select_type: 0,
        department_type_list: [1, 2, 7],
        select_role_list: [11, 12, 13],
        need_users_total: true,
        hide_creator: true,
        is_show_root: true,
      })
    }
    expansions.forEach((body, i) => {
      const node = (rows[i] as NodeRow).node
      expect(body).toMatchObject({
        id: Number(node.id),
        select_node_type: node.select_node_type,
        corpid: Number(node.corpid),
      })
    })
  })

  it('flattens incrementally: expanding splices, collapsing removes only the subtree', async () => {
    const { mock, store, expandPath } = harness()
    const target = classWithParents(mock.data)
    const route = routeTo(target)
    const rows = await expandPath(route.slice(0, -1))
    const before = store.getSnapshot().treeRows
    const classRow = rowOf(store.getSnapshot(), target.id) as NodeRow
    const at = before.indexOf(classRow)
    store.expand(classRow.key)
    const loaded = await until(store, (s) => s.getLoadState(classRow.key).status === 'success')
    const after = loaded.treeRows
    const members = after.filter((r) => r.parentKey === classRow.key)
    expect(members.length).toBeGreaterThan(0)
    expect(after.length).toBe(before.length + members.length)
    // Rows before and after the insertion are the same objects, at shifted indices.
    expect(after.slice(0, at + 1)).toEqual(before.slice(0, at + 1))
    after.slice(0, at + 1).forEach((row, i) => expect(row).toBe(before[i]))
    after.slice(at + 1 + members.length).forEach((row, i) => expect(row).toBe(before[at + 1 + i]))
    members.forEach((row, i) => {
      expect(row).toMatchObject({
        level: classRow.level + 1,
        posinset: i + 1,
        setsize: members.length,
      })
    })

    store.collapse(classRow.key)
    expect(store.getSnapshot().treeRows).toEqual(before)
    // Collapsing the grade hides the class; expanding it again shows the class still expanded.
    const grade = rows.at(-1) as NodeRow
    store.expand(classRow.key)
    store.collapse(grade.key)
    expect(rowOf(store.getSnapshot(), target.id)).toBeUndefined()
    store.expand(grade.key)
    expect(store.getSnapshot().treeRows.filter((r) => r.parentKey === classRow.key)).toHaveLength(
      members.length,
    )
  })

  it('shows a loading row, then an error row with its own retry, leaving the rest alone', async () => {
    const { mock, store, expandPath } = harness()
    const target = classWithParents(mock.data)
    await expandPath(routeTo(target).slice(0, -1))
    const classRow = rowOf(store.getSnapshot(), target.id) as NodeRow
    mock.faults.set({ http502Rate: 1 })
    store.expand(classRow.key)
    const statusAt = () => {
      const rows = store.getSnapshot().treeRows
      return rows[rows.indexOf(rowOf(store.getSnapshot(), target.id) as NodeRow) + 1]
    }
    expect(statusAt()).toMatchObject({ kind: 'status', status: 'loading', parentKey: classRow.key })
    const failed = await until(store, (s) => s.getLoadState(classRow.key).status === 'error')
    expect(statusAt()).toMatchObject({ kind: 'status', status: 'error' })
    const others = failed.treeRows.filter((r) => r.kind === 'status')
    expect(others).toHaveLength(1)

    mock.faults.reset()
    store.retry(classRow.key)
    expect(statusAt()).toMatchObject({ status: 'loading' })
    await until(store, (s) => s.getLoadState(classRow.key).status === 'success')
    expect(statusAt()).toMatchObject({ kind: 'node', parentKey: classRow.key })
  })

  it('sends one request when a node is expanded, collapsed and expanded again while loading', async () => {
    const { mock, store } = harness()
    await until(store, (s) => s.rootStatus.status === 'success')
    const rootRow = store.getSnapshot().treeRows[0] as NodeRow
    const count = mock.callCount(SELECT)
    store.expand(rootRow.key)
    store.collapse(rootRow.key)
    store.expand(rootRow.key)
    await until(store, (s) => s.getLoadState(rootRow.key).status === 'success')
    expect(mock.callCount(SELECT)).toBe(count + 1)
  })

  it('reloads the tree when a filter changes, keeping the selection', async () => {
    const { mock, store, client } = harness()
    await until(store, (s) => s.rootStatus.status === 'success')
    store.toggle(store.getSnapshot().treeRows[0] as NodeRow)
    store.setOptions({ ...filters, transport: client, select_role_list: [Role.Teacher] })
    await until(store, (s) => s.rootStatus.status === 'success')
    expect(selectBodies(mock.requests).at(-1)).toMatchObject({ select_role_list: [12] })
    expect(store.getSnapshot().value.departments).toHaveLength(1)
  })
})

describe('selection in the tree', () => {
  it('ticks a teacher listed in two classes on both rows; the value holds the teacher once', async () => {
    const { mock, store, expandPath } = harness()
    const {
      user,
      classes: [a, b],
    } = teacherInTwoClasses(mock.data)
    await expandPath(routeTo(a as MockDepartment))
    const pathB = routeTo(b as MockDepartment)
    // Expand what is not expanded yet on the way to class B.
    let parentKey: string | undefined
    for (const id of pathB) {
      const row = rowOf(store.getSnapshot(), id, parentKey) as NodeRow
      parentKey = row.key
      if (!store.getSnapshot().isExpanded(row.key)) store.expand(row.key)
      await until(store, (s) => s.getLoadState(row.key).status === 'success')
    }
    const teacherRows = () =>
      store
        .getSnapshot()
        .treeRows.filter(
          (r): r is NodeRow =>
            r.kind === 'node' &&
            r.node.id === String(user.userid) &&
            r.node.role_id === Role.Teacher,
        )
    expect(teacherRows()).toHaveLength(2)
    const [first, second] = teacherRows() as [NodeRow, NodeRow]
    expect(first.key).not.toBe(second.key)
    expect(first.entityKey).toBe(second.entityKey)

    expect(store.toggle(first)).toEqual({ ok: true })
    const snapshot = store.getSnapshot()
    expect(snapshot.getChecked(second)).toBe(true)
    expect(snapshot.value.users).toHaveLength(1)
    expect(snapshot.value.users[0]).toMatchObject({
      userid: String(user.userid),
      role_id: 12,
      name: user.name,
    })
    expect(snapshot.getChecked(rowOf(snapshot, (b as MockDepartment).id) as NodeRow)).toBe(
      'indeterminate',
    )

    store.toggle(second)
    expect(store.getSnapshot().getChecked(first)).toBe(false)
    expect(store.getSnapshot().value.users).toHaveLength(0)
  })

  it('tick a class, untick one student: class plus one exclusion, grade mixed, siblings never loaded', async () => {
    const { mock, store, expandPath } = harness()
    const target = classWithParents(mock.data)
    const rows = await expandPath(routeTo(target))
    const classRow = rows.at(-1) as NodeRow
    const grade = rows.at(-2) as NodeRow
    store.toggle(classRow)
    const student = store
      .getSnapshot()
      .treeRows.find(
        (r): r is NodeRow =>
          r.kind === 'node' && r.parentKey === classRow.key && r.node.role_id === Role.Student,
      ) as NodeRow
    expect(store.getSnapshot().getChecked(student)).toBe(true)
    store.toggle(student)
    const snapshot = store.getSnapshot()
    expect(snapshot.value.departments.map((d) => d.id)).toEqual([String(target.id)])
    expect(snapshot.value.departments[0]).toMatchObject({ name: target.name, path: target.path })
    expect(snapshot.value.excluded).toEqual([
      expect.objectContaining({ type: 'user', userid: student.node.id, name: student.node.name }),
    ])
    expect(snapshot.getChecked(classRow)).toBe('indeterminate')
    expect(snapshot.getChecked(grade)).toBe('indeterminate')
    expect(snapshot.getChecked(student)).toBe(false)
    const siblings = snapshot.treeRows.filter(
      (r): r is NodeRow => r.kind === 'node' && r.parentKey === grade.key && r !== classRow,
    )
    expect(siblings.length).toBeGreaterThan(0)
    const expandedIds = new Set(selectBodies(mock.requests).map((b) => String(b.id)))
    for (const sibling of siblings) {
      expect(expandedIds.has(sibling.node.id)).toBe(false)
      expect(snapshot.getChecked(sibling)).toBe(false)
    }
  })

  it('children loaded after their parent was ticked show ticked', async () => {
    const { mock, store, expandPath } = harness()
    const target = classWithParents(mock.data)
    const route = routeTo(target)
    const rows = await expandPath(route.slice(0, -2))
    const gradeRow = rowOf(store.getSnapshot(), route.at(-2) as string, rows.at(-1)?.key) as NodeRow
    store.toggle(gradeRow)
    store.expand(gradeRow.key)
    const loaded = await until(store, (s) => s.getLoadState(gradeRow.key).status === 'success')
    const classRow = rowOf(loaded, target.id) as NodeRow
    expect(loaded.getChecked(classRow)).toBe(true)
    store.expand(classRow.key)
    const members = await until(store, (s) => s.getLoadState(classRow.key).status === 'success')
    const kids = members.treeRows.filter((r) => r.parentKey === classRow.key)
    expect(kids.length).toBeGreaterThan(0)
    for (const kid of kids) expect(members.getChecked(kid)).toBe(true)
    expect(members.value.departments.map((d) => d.id)).toEqual([gradeRow.node.id])
  })
})

describe('refusals', () => {
  it('refuses a tick past the maximum, with the counts in the reason', async () => {
    const { mock, store, expandPath } = harness({ maxCount: 5 })
    const target = classWithParents(mock.data)
    const rows = await expandPath(routeTo(target).slice(0, -1))
    const classRow = rowOf(store.getSnapshot(), target.id, rows.at(-1)?.key) as NodeRow
    expect(classRow.node.users_total).toBeGreaterThan(5)
    const result = store.toggle(classRow)
    expect(result).toEqual({
      ok: false,
      refusal: {
        code: 'maximum',
        entityKey: classRow.entityKey,
        name: classRow.node.name,
        maximum: 5,
        count: 0,
        requested: classRow.node.users_total,
      },
    })
    expect(store.getSnapshot().refusal).toMatchObject({ code: 'maximum' })
    expect(store.getSnapshot().value.departments).toHaveLength(0)

    store.expand(classRow.key)
    await until(store, (s) => s.getLoadState(classRow.key).status === 'success')
    const people = store
      .getSnapshot()
      .treeRows.filter(
        (r): r is NodeRow => r.kind === 'node' && r.parentKey === classRow.key && !r.node.disabled,
      )
    people.slice(0, 5).forEach((p) => expect(store.toggle(p)).toEqual({ ok: true }))
    expect(store.toggle(people[5] as NodeRow)).toMatchObject({
      ok: false,
      refusal: { code: 'maximum', count: 5 },
    })
    expect(store.getSnapshot().value.users).toHaveLength(5)
    // Unticking is never refused.
    expect(store.toggle(people[0] as NodeRow)).toEqual({ ok: true })
  })

  it('refuses disabled rows (select_tag_list disables untagged classes)', async () => {
    const { mock, store, expandPath } = harness({ select_tag_list: [4] })
    const target = classWithParents(mock.data)
    const rows = await expandPath(routeTo(target).slice(0, -1))
    const classRow = rowOf(store.getSnapshot(), target.id, rows.at(-1)?.key) as NodeRow
    expect(classRow.node.disabled).toBe(true)
    expect(store.toggle(classRow)).toEqual({
      ok: false,
      refusal: { code: 'disabled', entityKey: classRow.entityKey, name: classRow.node.name },
    })
    expect(store.getSnapshot().getRowState(classRow).disabled).toBe(true)
    expect(store.getSnapshot().value.departments).toHaveLength(0)
  })

  it('with select_type 2 people have no checkbox and cannot be ticked', async () => {
    const { mock, store, expandPath } = harness({ select_type: 2 })
    const target = classWithParents(mock.data)
    const rows = await expandPath(routeTo(target))
    const person = store
      .getSnapshot()
      .treeRows.find(
        (r): r is NodeRow =>
          r.kind === 'node' && r.parentKey === rows.at(-1)?.key && !r.node.disabled,
      )
    expect(person).toBeDefined()
    expect(store.getSnapshot().getRowState(person as NodeRow).selectable).toBe(false)
    expect(store.toggle(person as NodeRow)).toMatchObject({
      ok: false,
      refusal: { code: 'not-selectable' },
    })
    expect(store.toggle(rows.at(-1) as NodeRow)).toEqual({ ok: true })
  })
})

describe('controlled value', () => {
  it('proposes changes through onValueChange and applies the value given back', async () => {
    const proposed: unknown[] = []
    const { store } = harness({
      value: { departments: [], users: [], excluded: [] },
      onValueChange: (v: unknown) => proposed.push(v),
    })
    await until(store, (s) => s.rootStatus.status === 'success')
    const root = store.getSnapshot().treeRows[0] as NodeRow
    store.toggle(root)
    expect(proposed).toHaveLength(1)
    expect(store.getSnapshot().getChecked(root)).toBe(false)
    store.setOptions({ ...filters, value: proposed[0] as never })
    expect(store.getSnapshot().getChecked(root)).toBe(true)
  })

  it('a saved value renders with names and drives the checkboxes before anything loads', async () => {
    const first = harness()
    const target = classWithParents(first.mock.data)
    const rows = await first.expandPath(routeTo(target))
    first.store.toggle(rows.at(-1) as NodeRow)
    const saved = JSON.parse(JSON.stringify(first.store.getSnapshot().value))
    first.store.destroy()

    const second = harness({ defaultValue: saved })
    expect(second.store.getSnapshot().value.departments[0]).toMatchObject({ name: target.name })
    const again = await second.expandPath(routeTo(target).slice(0, -1))
    const classRow = rowOf(second.store.getSnapshot(), target.id, again.at(-1)?.key) as NodeRow
    expect(second.store.getSnapshot().getChecked(classRow)).toBe(true)
    expect(second.store.getSnapshot().getChecked(again.at(-1) as NodeRow)).toBe('indeterminate')
  })
})

describe('search', () => {
  it('searches after the debounce, shows path and school, and ticks the same selection', async () => {
    const { mock, store } = harness({ searchDebounceMs: 10 })
    await until(store, (s) => s.rootStatus.status === 'success')
    const target = classWithParents(mock.data)
    const student = mock.data.userById.get(
      (target.members.find((m) => m.role === Role.Student) ?? target.members[0])!.userid,
    )!
    const query = student.name.slice(1)
    store.setSearchValue(query)
    expect(store.getSnapshot().mode).toBe('search')
    const done = await until(store, (s) => s.search.status === 'success')
    const body = selectBodies(mock.requests).at(-1) as SelectDepartmentsRequest
    expect(body).toMatchObject({ key: query, search_type: 0, select_type: 0 })
    const hit = done.search.results.find((r) => r.node.id === String(student.userid))
    expect(hit).toBeDefined()
    expect(hit?.node.path).toBeTruthy()
    expect(hit?.school).toBe(mock.data.organizations[0]?.name)
    expect(hit?.matches).toEqual([[1, student.name.length]])

    store.toggle(hit as NodeRow)
    expect(store.getSnapshot().value.users.map((u) => u.userid)).toContain(String(student.userid))
    store.setSearchValue('')
    expect(store.getSnapshot().mode).toBe('tree')
    expect(store.getSnapshot().value.users).toHaveLength(1)
  })
})

describe('scroll offsets', () => {
  it('reads the tracked offset only when the mode changes, and brings each mode back', async () => {
    const { store } = harness({ searchDebounceMs: 10 })
    await until(store, (s) => s.rootStatus.status === 'success')
    let offset = 480
    const reads: number[] = []
    const stop = store.trackScrollOffset(() => {
      reads.push(offset)
      return offset
    })
    store.setSearchValue('王')
    store.setSearchValue('王五')
    expect(reads).toEqual([480])
    expect(store.getSnapshot().scrollOffset).toBe(0)
    offset = 96
    store.setSearchValue('')
    expect(reads).toEqual([480, 96])
    expect(store.getSnapshot().scrollOffset).toBe(480)
    stop()
    store.setSearchValue('李')
    expect(reads).toHaveLength(2)
  })
})

describe('drill-down', () => {
  it('lists one level at a time with a breadcrumb, loading each level once', async () => {
    const { mock, store } = harness()
    const target = classWithParents(mock.data)
    await until(store, (s) => s.rootStatus.status === 'success')
    expect(store.getSnapshot().drill.path).toEqual([])
    expect(store.getSnapshot().drill.rows).toEqual(store.getSnapshot().treeRows)
    for (const [depth, id] of routeTo(target).entries()) {
      const row = store
        .getSnapshot()
        .drill.rows.find((r): r is NodeRow => r.kind === 'node' && r.node.id === id) as NodeRow
      store.drillInto(row.key)
      expect(store.getSnapshot().drill.path.map((r) => r.node.id)).toEqual(
        routeTo(target).slice(0, depth + 1),
      )
      await until(store, (s) => s.drill.rows[0]?.kind === 'node')
    }
    const people = store.getSnapshot().drill.rows
    expect(people.some((r) => r.kind === 'node' && r.node.role_id === Role.Parent)).toBe(true)
    const requests = mock.callCount(SELECT)
    store.drillTo(1)
    expect(store.getSnapshot().drill.path).toHaveLength(1)
    expect(store.getSnapshot().drill.rows[0]?.kind).toBe('node')
    expect(mock.callCount(SELECT)).toBe(requests)
    // The tree itself was never expanded by drilling.
    expect(store.getSnapshot().expandedKeys.size).toBe(0)
  })
})

describe('sub-organisations', () => {
  it("fetches a school's nodes with the school's own corpid in a district", async () => {
    const h = mockHarness(
      { is_include_sub_org: true, is_show_root: true, select_type: 0 },
      { dataset: 'district' },
    )
    destroy = () => h.store.destroy()
    const { mock, store } = h
    const school = mock.data.organizations.find((o) => o.parentCorpid !== null)
    if (!school) throw new Error('no school in the district')
    const bureau = await until(store, (s) => s.rootStatus.status === 'success')
    const root = bureau.treeRows[0] as NodeRow
    store.expand(root.key)
    await until(store, (s) => s.getLoadState(root.key).status === 'success')
    const schoolRow = rowOf(store.getSnapshot(), school.rootId, root.key) as NodeRow
    expect(schoolRow.node.corpid).toBe(String(school.corpid))
    expect(schoolRow.node.corpid).not.toBe(root.node.corpid)
    store.expand(schoolRow.key)
    const loaded = await until(store, (s) => s.getLoadState(schoolRow.key).status !== 'loading')
    expect(loaded.getLoadState(schoolRow.key).status).toBe('success')
    expect(selectBodies(mock.requests).at(-1)).toMatchObject({
      id: school.rootId,
      corpid: school.corpid,
      select_node_type: schoolRow.node.select_node_type,
      is_include_sub_org: true,
    })
    const groups = loaded.treeRows.filter((r) => r.parentKey === schoolRow.key)
    expect(groups.length).toBeGreaterThan(0)
    // Ticking the school ticks its groups; the bureau is mixed.
    store.toggle(schoolRow)
    expect(store.getSnapshot().getChecked(groups[0] as NodeRow)).toBe(true)
    expect(store.getSnapshot().getChecked(root)).toBe('indeterminate')
    expect(store.getSnapshot().value.departments[0]).toMatchObject({
      corpid: String(school.corpid),
      school: school.name,
    })
  })

  it("writes each ticked department's has_sub_org from its node: bureau root, group school, plain school", async () => {
    const h = mockHarness(
      { is_include_sub_org: true, is_show_root: true, select_type: 0 },
      { dataset: generateDataset('district', 1, { branchSchools: 2 }) },
    )
    destroy = () => h.store.destroy()
    const { mock, store } = h
    const group = mock.data.organizationByCorpid.get(800001)!
    const plain = mock.data.organizationByCorpid.get(800002)!
    expect(group.subOrgCorpids).toHaveLength(2)
    const bureau = await until(store, (s) => s.rootStatus.status === 'success')
    const root = bureau.treeRows[0] as NodeRow
    store.expand(root.key)
    await until(store, (s) => s.getLoadState(root.key).status === 'success')

    expect(store.toggle(root)).toEqual({ ok: true })
    expect(store.getSnapshot().value.departments).toEqual([
      expect.objectContaining({ id: root.node.id, department_type: 11, has_sub_org: true }),
    ])
    store.toggle(root)

    const groupRow = rowOf(store.getSnapshot(), group.rootId, root.key) as NodeRow
    const plainRow = rowOf(store.getSnapshot(), plain.rootId, root.key) as NodeRow
    expect(store.toggle(groupRow)).toEqual({ ok: true })
    expect(store.toggle(plainRow)).toEqual({ ok: true })
    expect(store.getSnapshot().value.departments).toEqual([
      expect.objectContaining({ corpid: '800001', department_type: 0, has_sub_org: true }),
      expect.objectContaining({ corpid: '800002', department_type: 0, has_sub_org: false }),
    ])
    // The value keeps the field through JSON, on its way to the server.
    const sent = JSON.parse(JSON.stringify(store.getSnapshot().value)) as typeof bureau.value
    expect(sent.departments.map((d) => d.has_sub_org)).toEqual([true, false])
  })
})

describe('answers arriving together', () => {
  it('applies the levels that answer in one turn as one change: one emit, one new snapshot', async () => {
    const { mock, client } = mockHarness()
    const fetcher = toSelectFetcher(client)
    // A warm cache, as a QueryClient holding every level: answers resolve in the same turn.
    const cache = new Map<string, Promise<SelectNode[]>>()
    const loadChildren: ChildrenLoader = ({ request, signal }) => {
      const key = JSON.stringify(request)
      let answer = cache.get(key)
      if (!answer) cache.set(key, (answer = fetcher(request, { signal })))
      return answer
    }
    const warm = harness({ loadChildren })
    const school = (await warm.expandPath([routeTo(classWithParents(mock.data))[0] as string]))[0]
    const departments = warm.store
      .getSnapshot()
      .treeRows.filter(
        (r): r is NodeRow => r.kind === 'node' && r.parentKey === school?.key && r.node.is_parent,
      )
    expect(departments.length).toBeGreaterThanOrEqual(3)
    const keys = [school!.key, ...departments.map((r) => r.key)]
    warm.store.setExpanded(keys)
    await until(warm.store, (s) =>
      departments.every((r) => s.getLoadState(r.key).status === 'success'),
    )
    warm.store.destroy()

    const store = createPickerStore({ ...filters, loadChildren, defaultExpanded: [school!.key] })
    destroy = () => store.destroy()
    store.start()
    await until(store, (s) => s.getLoadState(school!.key).status === 'success')
    store.setExpanded(keys)
    const loading = store.getSnapshot()
    let emits = 0
    const unsubscribe = store.subscribe(() => emits++)
    const loaded = await until(store, (s) =>
      departments.every((r) => s.getLoadState(r.key).status === 'success'),
    )
    // Let any answer or emit that would still follow happen.
    await new Promise((resolve) => setTimeout(resolve, 20))
    unsubscribe()
    expect(emits).toBe(1)
    expect(store.getSnapshot()).toBe(loaded)
    // The levels are in place, in tree order, under their departments.
    for (const department of departments) {
      const at = loaded.treeRows.findIndex((row) => row.key === department.key)
      expect(at).toBeGreaterThan(0)
      expect(loaded.treeRows[at + 1]).toMatchObject({ parentKey: department.key })
    }
    expect(loaded.treeRows).toEqual(loaded.treeRows.filter((row, i, all) => all.indexOf(row) === i))
    // The snapshot taken before the answers did not change.
    for (const department of departments)
      expect(loading.getLoadState(department.key).status).toBe('loading')
    expect(loading.treeRows.length).toBeLessThan(loaded.treeRows.length)
  })
})
