/** Name lookup against the mock's real select endpoint (which checks every echo). */
import { childrenRequest } from '@epaas-picker/headless'
import { createMockEpaas } from '@epaas-picker/mock-server'
import {
  createEpaasClient,
  emptyPickerValue,
  type PickerValue,
  type SelectNode,
} from '@epaas-picker/protocol'
import { describe, expect, test } from 'vitest'
import { lookupNames, personKey, type LookupNamesOptions } from './lookupNames.js'
import { pickerFilters } from './pickerFilters.js'

const mock = createMockEpaas({ dataset: 'small' })
const client = createEpaasClient({
  baseUrl: 'http://mock.epaas',
  fetch: mock.fetch,
  token: mock.issueUserToken(),
})
const data = mock.data
const corpid = String(data.topCorpid)

/** Children through the real endpoint, counting the calls. */
function fetcher() {
  const calls: string[] = []
  const fetchChildren: LookupNamesOptions['fetchChildren'] = async (department) => {
    calls.push(department.id)
    const request = childrenRequest(pickerFilters, department as SelectNode)
    return (await client.selectDepartments(request)).node_list
  }
  return { calls, fetchChildren }
}

const grade = data.departments.find((d) => d.kind === 5)!
const klass = data.departmentById.get(grade.childIds[0]!)!
const departmentValue = (d: typeof klass, select_node_type: number = d.kind) => ({
  type: 'department' as const,
  corpid,
  id: String(d.id),
  name: d.name,
  path: d.path,
  id_path: d.idPath.map(String),
  select_node_type,
})
const person = (userid: number, role: 11 | 12 | 13) => ({
  corpid,
  userid: String(userid),
  role_id: role,
})

describe('lookupNames', () => {
  test('walks down a ticked grade to name people of its classes, parents with their children', async () => {
    const student = klass.members.find((m) => m.role === 11)!
    const parent = klass.members.find((m) => m.role === 13)!
    const value: PickerValue = { ...emptyPickerValue(), departments: [departmentValue(grade)] }
    const { calls, fetchChildren } = fetcher()
    const names = await lookupNames({
      people: [person(student.userid, 11), person(parent.userid, 13)],
      value,
      fetchChildren,
    })
    expect(names.get(personKey(person(student.userid, 11)))).toEqual({
      name: data.userById.get(student.userid)!.name,
      children: [],
    })
    const parentName = names.get(personKey(person(parent.userid, 13)))
    expect(parentName?.name).toBe(data.userById.get(parent.userid)!.name)
    expect(parentName?.children[0]).toMatchObject({
      child_id: String(parent.childId),
      child_name: data.userById.get(parent.childId!)!.name,
    })
    // The grade, then its classes four at a time: it stops once everyone is named.
    expect(calls).toEqual([String(grade.id), ...grade.childIds.slice(0, 4).map(String)])
  })

  test('people of the value itself need no request', async () => {
    const teacher = klass.members.find((m) => m.role === 12)!
    const value: PickerValue = {
      ...emptyPickerValue(),
      users: [
        {
          type: 'user',
          ...person(teacher.userid, 12),
          name: '王老师',
          path: klass.path,
          id_path: klass.idPath.map(String),
        },
      ],
    }
    const { calls, fetchChildren } = fetcher()
    const names = await lookupNames({ people: [person(teacher.userid, 12)], value, fetchChildren })
    expect(names.get(personKey(person(teacher.userid, 12)))?.name).toBe('王老师')
    expect(calls).toEqual([])
  })

  test('excluded departments are not walked, and the request budget holds', async () => {
    const last = data.departmentById.get(grade.childIds.at(-1)!)!
    const student = last.members.find((m) => m.role === 11)!
    const value: PickerValue = {
      departments: [departmentValue(grade)],
      users: [],
      excluded: grade.childIds.slice(0, -1).map((id) => {
        const d = data.departmentById.get(id)!
        return { ...departmentValue(d), select_node_type: undefined } as never
      }),
    }
    const walk = fetcher()
    const found = await lookupNames({
      people: [person(student.userid, 11)],
      value,
      fetchChildren: walk.fetchChildren,
    })
    expect(found.size).toBe(1)
    expect(walk.calls).toEqual([String(grade.id), String(last.id)])

    const budget = fetcher()
    const none = await lookupNames({
      people: [person(student.userid, 11)],
      value: { ...value, excluded: [] },
      fetchChildren: budget.fetchChildren,
      maxRequests: 2,
      concurrency: 1,
    })
    expect(none.size).toBe(0)
    expect(budget.calls).toHaveLength(2)
  })

  test('an aborted lookup stops', async () => {
    const controller = new AbortController()
    controller.abort()
    const { fetchChildren } = fetcher()
    await expect(
      lookupNames({
        people: [person(1, 11)],
        value: { ...emptyPickerValue(), departments: [departmentValue(grade)] },
        fetchChildren,
        signal: controller.signal,
      }),
    ).rejects.toThrow()
  })
})
