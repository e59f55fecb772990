/**
 * The modes school apps ask for, on the mock's real handler: single choice, the app's disabled
 * and locked items, reveal (start where the teacher is), and phone search without configuration.
 */
import { SelectNodeKind, type Dataset, type MockDepartment } from '@epaas-picker/mock-server'
import {
  emptyPickerValue,
  Role,
  SearchType,
  type PickerValue,
  type SelectedUser,
} from '@epaas-picker/protocol'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockHarness, rowOf, until } from '../test/harness.js'
import type { NodeRow } from './types.js'

const SELECT = '/campus/department/select'
const base = {
  select_type: 0 as const,
  select_role_list: [Role.Student, Role.Teacher, Role.Parent],
  need_users_total: true,
  is_show_root: true,
}

let destroy: (() => void) | undefined
afterEach(() => destroy?.())
function harness(options = {}) {
  const h = mockHarness({ ...base, ...options })
  destroy = () => h.store.destroy()
  return h
}

const classes = (data: Dataset) =>
  data.departments.filter((d) => d.kind === SelectNodeKind.Class && !d.disabled)
const routeTo = (department: MockDepartment) => department.idPath.map(String)
const people = (rows: readonly unknown[], parentKey: string) =>
  (rows as NodeRow[]).filter(
    (r) => r.kind === 'node' && r.parentKey === parentKey && r.node.id_type === 1,
  )

/** A value item for a person of the dataset, as a saved value would carry it. */
function personItem(
  data: Dataset,
  klass: MockDepartment,
  index = 0,
  role: Role = Role.Teacher,
): SelectedUser {
  const member = klass.members.filter((m) => m.role === role)[index]!
  const user = data.userById.get(member.userid)!
  return {
    type: 'user',
    corpid: String(klass.corpid),
    userid: String(user.userid),
    role_id: role,
    name: user.name,
    path: klass.path,
    id_path: routeTo(klass),
  }
}

describe('single choice', () => {
  it('a pick replaces the previous one, in the tree and in search results; rows show their own pick only', async () => {
    const onValueChange = vi.fn<(value: PickerValue) => void>()
    const { mock, store, expandPath } = harness({ selectionMode: 'single', onValueChange })
    const [klass, other] = classes(mock.data)
    const rows = await expandPath(routeTo(klass!))
    const classRow = rows.at(-1)!
    const [first, second] = people(store.getSnapshot().treeRows, classRow.key)
    expect(store.toggle(first!)).toEqual({ ok: true })
    expect(store.getSnapshot().getChecked(first!)).toBe(true)
    expect(store.toggle(second!)).toEqual({ ok: true })
    let value = onValueChange.mock.lastCall![0]
    expect(value.users.map((u) => u.userid)).toEqual([second!.node.id])
    expect(store.getSnapshot().getChecked(first!)).toBe(false)

    // A department may be the pick too (select_type 0); its people do not show it.
    expect(store.toggle(classRow)).toEqual({ ok: true })
    value = onValueChange.mock.lastCall![0]
    expect(value).toMatchObject({ users: [], departments: [{ id: classRow.node.id }] })
    expect(store.getSnapshot().getChecked(second!)).toBe(false)
    expect(store.getSnapshot().getRowState(classRow).checked).toBe(true)

    // In search results, the same.
    const name = mock.data.userById.get(other!.members[0]!.userid)!.name
    store.setSearchValue(name)
    const found = await until(store, (s) => s.search.status === 'success' && s.rows.length > 0)
    const result = found.search.results[0]!
    expect(store.toggle(result)).toEqual({ ok: true })
    value = onValueChange.mock.lastCall![0]
    expect([...value.departments, ...value.users]).toHaveLength(1)
    expect(value.users[0]?.userid).toBe(result.node.id)
    // Unpicking leaves nothing.
    store.toggle(result)
    expect(onValueChange.mock.lastCall![0]).toEqual(emptyPickerValue())
  })

  it('with select_type 1 a department cannot be the pick... it means its members: still one item', async () => {
    const { mock, store, expandPath } = harness({ selectionMode: 'single', select_type: 1 })
    const rows = await expandPath(routeTo(classes(mock.data)[0]!))
    expect(store.toggle(rows.at(-1)!)).toEqual({ ok: true })
    expect(store.getSnapshot().value.departments).toHaveLength(1)
  })
})

describe("the app's disabled and locked items", () => {
  it('disabledItems refuse ticks with their reason, on top of the server', async () => {
    const { mock } = harness()
    const klass = classes(mock.data)[0]!
    const teacher = personItem(mock.data, klass)
    destroy?.()
    const h = harness({
      disabledItems: [
        { type: 'user', userid: teacher.userid, role_id: Role.Teacher, reason: '已离职' },
        { type: 'department', id: String(klass.parentId) },
      ],
    })
    const rows = await h.expandPath(routeTo(klass))
    const grade = rows.at(-2)!
    expect(h.store.getSnapshot().getRowState(grade).disabled).toBe(true)
    expect(h.store.toggle(grade)).toMatchObject({
      ok: false,
      refusal: { code: 'disabled', name: grade.node.name },
    })
    const row = people(h.store.getSnapshot().treeRows, rows.at(-1)!.key).find(
      (r) => r.node.id === teacher.userid,
    )!
    expect(h.store.getSnapshot().getRowState(row)).toMatchObject({
      disabled: true,
      disabledReason: '已离职',
    })
    const refused = h.store.toggle(row)
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'disabled', reason: '已离职' } })
    expect(h.store.getSnapshot().refusal).toMatchObject({ name: teacher.name, reason: '已离职' })
  })

  it('lockedItems: ticked before anything loads, survive untick, chip removal, clear and a controlled value without them', async () => {
    const onValueChange = vi.fn<(value: PickerValue) => void>()
    const { mock } = harness()
    const klass = classes(mock.data)[0]!
    const head = personItem(mock.data, klass)
    // A student is listed in one class only: a tick of the class covers them wholly.
    const student = personItem(mock.data, klass, 0, Role.Student)
    const locked = [head, student]
    destroy?.()
    const h = harness({ lockedItems: locked, value: emptyPickerValue(), onValueChange })
    // Before anything loads: in the value, with its name.
    expect(h.store.getSnapshot().value.users).toEqual(locked)
    const rows = await h.expandPath(routeTo(klass))
    const classRow = rows.at(-1)!
    const row = people(h.store.getSnapshot().treeRows, classRow.key).find(
      (r) => r.node.id === head.userid && r.node.role_id === Role.Teacher,
    )!
    const snapshot = h.store.getSnapshot()
    expect(snapshot.getRowState(row)).toMatchObject({ checked: true, locked: true })
    expect(h.store.toggle(row, false)).toMatchObject({ ok: false, refusal: { code: 'locked' } })
    h.store.removeEntity(`u:${head.corpid}:${head.userid}:${head.role_id}`)
    expect(h.store.getSnapshot().refusal).toMatchObject({ code: 'locked', name: head.name })
    // A class tick and untick keeps it; clear keeps it.
    h.store.toggle(classRow, true)
    let value = onValueChange.mock.lastCall![0]
    h.store.setOptions({ ...base, transport: h.client, lockedItems: locked, value, onValueChange })
    h.store.toggle(classRow, false)
    value = onValueChange.mock.lastCall![0]
    expect(value.users.map((u) => u.userid)).toEqual(
      expect.arrayContaining([head.userid, student.userid]),
    )
    h.store.clearSelection()
    // Locked wins: a controlled value that leaves it out is shown with it, and proposed so.
    onValueChange.mockClear()
    h.store.setOptions({
      ...base,
      transport: h.client,
      lockedItems: locked,
      value: emptyPickerValue(),
      onValueChange,
    })
    expect(h.store.getSnapshot().value.users).toEqual(locked)
    expect(onValueChange).toHaveBeenLastCalledWith({ departments: [], users: locked, excluded: [] })
    expect(h.store.getSnapshot().getRowState(row).checked).toBe(true)
  })

  it('locked items count toward maxCount', async () => {
    const { mock } = harness()
    const klass = classes(mock.data)[0]!
    destroy?.()
    const h = harness({ lockedItems: [personItem(mock.data, klass, 0)], maxCount: 1 })
    const rows = await h.expandPath(routeTo(klass))
    const other = people(h.store.getSnapshot().treeRows, rows.at(-1)!.key).find(
      (r) => !h.store.getSnapshot().getChecked(r),
    )!
    expect(h.store.toggle(other)).toMatchObject({
      ok: false,
      refusal: { code: 'maximum', count: 1 },
    })
  })
})

describe('reveal', () => {
  it('opens three lazy levels to a class, echoing each select_node_type, and gives it the tab stop', async () => {
    const { mock, store } = harness()
    const klass = classes(mock.data)[3]!
    await until(store, (s) => s.rootStatus.status === 'success')
    mock.requests.length = 0
    const result = await store.reveal({
      type: 'department',
      id_path: routeTo(klass),
      name: klass.name,
    })
    expect(result).toMatchObject({ found: true })
    const snapshot = store.getSnapshot()
    const row = rowOf(snapshot, klass.id)!
    expect(result).toEqual({ found: true, key: row.key })
    expect(snapshot.focusedKey).toBe(row.key)
    expect(snapshot.revealed).toMatchObject({ key: row.key, focus: true })
    // One request per level opened, each echoing its node's select_node_type.
    const bodies = mock.requests
      .filter((r) => r.path === SELECT)
      .map((r) => r.body as Record<string, unknown>)
    expect(bodies.length).toBeGreaterThanOrEqual(3)
    const opened = snapshot.drill.path
    expect(opened.map((r) => r.key)).toEqual(snapshot.drill.path.map((r) => r.key))
    bodies.forEach((body, i) => {
      const node = opened[i]!.node
      expect(body).toMatchObject({ id: Number(node.id), select_node_type: node.select_node_type })
    })
    // The mobile list opens the class's level: its parent's children, the class among them.
    expect(snapshot.drill.rows.some((r) => r.key === row.key)).toBe(true)
  })

  it('reveals a person inside their class, and starts there with defaultRevealed', async () => {
    const { mock } = harness()
    const klass = classes(mock.data)[2]!
    const teacher = personItem(mock.data, klass)
    destroy?.()
    const h = harness({ defaultRevealed: teacher })
    const snapshot = await until(h.store, (s) => s.revealed !== null, 5000)
    expect(snapshot.revealed).toMatchObject({ focus: false })
    const row = h.store.getSnapshot().getRow(snapshot.revealed!.key)!
    expect(row.node).toMatchObject({ id: teacher.userid, role_id: Role.Teacher })
  })

  it('ends with a clear message when the path no longer exists, the tree usable', async () => {
    const { mock, store } = harness()
    const klass = classes(mock.data)[0]!
    const result = await store.reveal({
      id_path: [...routeTo(klass).slice(0, -1), '99999999'],
      name: '三年级(9)班',
    })
    expect(result).toEqual({ found: false })
    expect(store.getSnapshot().refusal).toEqual({
      code: 'not-found',
      entityKey: '',
      name: '三年级(9)班',
    })
    // What was opened on the way stays open and usable.
    const parent = rowOf(store.getSnapshot(), klass.parentId)!
    expect(store.getSnapshot().isExpanded(parent.key)).toBe(true)
    expect(store.toggle(parent)).toEqual({ ok: true })
  })
})

describe('phone search', () => {
  it('sends a mobile number as a phone search, a name as a name, and search_type forces', async () => {
    const user = mockHarness().mock.data.users[5]!
    const { mock, store } = harness({ searchDebounceMs: 0 })
    store.setSearchValue(
      `${user.phone.slice(0, 3)} ${user.phone.slice(3, 7)} ${user.phone.slice(7)}`,
    )
    const found = await until(store, (s) => s.search.status === 'success')
    expect(found.search.results.some((r) => r.node.id === String(user.userid))).toBe(true)
    const bodies = () =>
      mock.requests.filter((r) => r.path === SELECT).map((r) => r.body as Record<string, unknown>)
    expect(bodies().at(-1)).toMatchObject({ key: user.phone, search_type: SearchType.PhoneOrName })
    expect(found.search.phoneSearch).toBe(true)
    store.setSearchValue(user.name)
    await until(store, (s) => s.search.status === 'success' && s.search.query === user.name)
    expect(bodies().at(-1)).toMatchObject({ key: user.name, search_type: SearchType.Name })
    store.setOptions({ ...base, transport: undefined, search_type: SearchType.Name })
    expect(store.getSnapshot().search.phoneSearch).toBe(false)
  })
})
