/**
 * The exclusions stage on the mock's school: the nested rule read from real `id_path`s, and the
 * members removed, fetched from the mock in process and checked against the dataset.
 */
import { Role } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { members } from '../test/oracle.js'
import { stageUpstream } from '../test/stageUpstream.js'
import { applyExclusions, exclusionFilter, nestExclusions } from './applyExclusions.js'
import { createDepartmentCalls } from './createDepartmentCalls.js'
import { personKey } from './personKey.js'
import { planResolve } from './planResolve.js'
import type { ResolveDepartment, ResolveInput } from './ResolveInput.js'
import { readResolveSettings } from './readResolveSettings.js'

const { mock, data, upstream, userToken } = stageUpstream('small')
const grade = data.departments.find((d) => d.tag === 4 && d.childIds.length >= 2)!
const [classA, classB] = grade.childIds.map((id) => data.departmentById.get(id)!)
const item = (d: typeof grade): ResolveDepartment => ({
  corpid: d.corpid,
  id: d.id,
  id_path: d.idPath,
})
const ref = (d: typeof grade) => ({ corpid: String(d.corpid), id: String(d.id) })
const oracleKey = (key: string) => key.split(':').join('\u0000')

function exclusionsOf(value: ResolveInput['value']) {
  const plan = planResolve(value, readResolveSettings({}, {}))
  const calls = createDepartmentCalls({
    upstream,
    userToken,
    concurrency: 2,
    roles: undefined,
    signal: new AbortController().signal,
  })
  return applyExclusions(plan, value.departments, calls.getDepartmentUsers, 20)
}

describe('nestExclusions', () => {
  it('keeps an excluded department plain unless a selected department lies inside it by id_path', () => {
    const school = data.departmentById.get(grade.idPath[0]!)!
    const groups = nestExclusions([ref(grade), ref(classB!)], [item(school), item(classA!)])
    expect(groups).toEqual({
      plain: [ref(classB!)],
      nested: [{ excluded: ref(grade), inside: [ref(classA!)] }],
    })
    // Without id_path a department lies inside none; the excluded one itself does not count.
    expect(
      nestExclusions([ref(grade)], [{ corpid: classA!.corpid, id: classA!.id }, item(grade)]),
    ).toEqual({
      plain: [ref(grade)],
      nested: [],
    })
  })
})

describe('exclusionFilter', () => {
  it('removes an excluded person always, and a department member unless listed directly', () => {
    const isRemoved = exclusionFilter(
      { excludedPeople: new Set(['p']), listedDirectly: new Set(['p', 'listed']) },
      new Set(['member', 'listed']),
    )
    expect(['p', 'member', 'listed', 'other'].map(isRemoved)).toEqual([true, true, false, false])
  })
})

describe('applyExclusions', () => {
  it("removes an excluded grade's members but those of a class selected inside it", async () => {
    mock.resetLog()
    const isRemoved = await exclusionsOf({
      departments: [item(data.departmentById.get(grade.idPath[0]!)!), item(classA!)],
      users: [],
      excluded: [{ type: 'department', corpid: grade.corpid, id: grade.id }],
    })
    const inA = members(data, classA!.id)
    const inGrade = members(data, grade.id)
    expect(inGrade.size).toBeGreaterThan(inA.size)
    for (const key of inGrade.keys()) expect(isRemoved(oracleKey(key))).toBe(!inA.has(key))
    expect(mock.callCount('/department/user/get')).toBe(2)
  })

  it('keeps a person listed directly, removes an excluded person, and calls nothing without excluded departments', async () => {
    const student = classB!.members.find((m) => m.role === Role.Student)!
    const other = classB!.members.filter((m) => m.role === Role.Student)[1]!
    const listed = personKey(String(classB!.corpid), String(student.userid), Role.Student)
    const isRemoved = await exclusionsOf({
      departments: [],
      users: [{ corpid: classB!.corpid, userid: student.userid, role_id: Role.Student }],
      excluded: [{ type: 'department', corpid: classB!.corpid, id: classB!.id }],
    })
    expect(isRemoved(listed)).toBe(false)
    expect(isRemoved(personKey(String(classB!.corpid), String(other.userid), Role.Student))).toBe(
      true,
    )

    mock.resetLog()
    const onlyPeople = await exclusionsOf({
      departments: [item(classB!)],
      users: [],
      excluded: [
        { type: 'user', corpid: classB!.corpid, userid: other.userid, role_id: Role.Student },
      ],
    })
    expect(mock.callCount()).toBe(0)
    expect(onlyPeople(personKey(String(classB!.corpid), String(other.userid), Role.Student))).toBe(
      true,
    )
    expect(onlyPeople(listed)).toBe(false)
  })
})
