/**
 * The expansion stage on the mock's district, in process: the bureau's root stands for its
 * schools (found by one search, each expanded with its own corpid), an excluded school is left
 * out, and too many sub-organisations fail.
 */
import type { SelectNode } from '@epaas-picker/protocol'
import { beforeAll, describe, expect, it } from 'vitest'
import { members } from '../test/oracle.js'
import { stageUpstream } from '../test/stageUpstream.js'
import { createDepartmentCalls } from './createDepartmentCalls.js'
import { expandDepartments, type ExpansionStep } from './expandDepartments.js'
import { planResolve } from './planResolve.js'
import type { ResolveInput } from './ResolveInput.js'
import { readResolveSettings } from './readResolveSettings.js'

const { mock, data, upstream, userToken } = stageUpstream('district')
let root: SelectNode

beforeAll(async () => {
  const answer = await upstream.call(
    'selectDepartments',
    { id: '0', is_show_root: true, is_include_sub_org: true },
    { token: userToken },
  )
  root = answer.node_list[0]!
})

async function expand(value: ResolveInput['value'], maxSubOrganizations = 1000) {
  const settings = readResolveSettings({}, { departmentsPerCall: 5 })
  const plan = planResolve(value, settings)
  const calls = createDepartmentCalls({
    upstream,
    userToken,
    concurrency: 3,
    roles: undefined,
    signal: new AbortController().signal,
  })
  const steps: ExpansionStep[] = []
  for await (const step of expandDepartments(plan, calls, {
    concurrency: 3,
    maxSubOrganizations,
  })) {
    steps.push(step)
  }
  return steps
}

const rootItem = () => ({
  corpid: root.corpid,
  id: root.id,
  id_path: root.id_path,
  select_node_type: root.select_node_type,
  has_sub_org: root.has_sub_org,
})
const keysOf = (steps: ExpansionStep[]) =>
  new Set(steps.flatMap((s) => s.users.map((u) => `${s.corpid}:${u.userid}:${u.role_id}`)))
const everyone = (corpids: readonly number[]) =>
  new Set(
    corpids.flatMap((c) => [...members(data, data.organizationByCorpid.get(c)!.rootId).keys()]),
  )

describe('expandDepartments', () => {
  it("expands the bureau's root and every school found below it, each with its own corpid", async () => {
    const schools = data.organizationByCorpid.get(data.topCorpid)!.subOrgCorpids
    mock.resetLog()
    const steps = await expand({ departments: [rootItem()], users: [], excluded: [] })

    expect(root.has_sub_org).toBe(true)
    expect(keysOf(steps)).toEqual(everyone([data.topCorpid, ...schools]))
    // The search first: what it finds joins the queue.
    expect(steps[0]!.users).toEqual([])
    expect(steps.at(-1)!.counts).toEqual({
      departments_done: 1 + schools.length,
      departments_total: 1 + schools.length,
      sub_org_searches_done: 1,
      sub_org_searches_total: 1,
      sub_organizations: schools.length,
    })
    expect(steps).toHaveLength(2 + schools.length)
    expect(mock.callCount('/department/user/get')).toBe(1 + schools.length)
  })

  it('leaves out an excluded school, and fails past maxSubOrganizations', async () => {
    const [excluded, ...others] = data.organizationByCorpid.get(data.topCorpid)!.subOrgCorpids
    const school = data.organizationByCorpid.get(excluded!)!
    const steps = await expand({
      departments: [rootItem()],
      users: [],
      excluded: [{ type: 'department', corpid: school.corpid, id: school.rootId }],
    })
    expect(keysOf(steps)).toEqual(everyone([data.topCorpid, ...others]))
    expect(steps.at(-1)!.counts.sub_organizations).toBe(others.length)

    await expect(
      expand({ departments: [rootItem()], users: [], excluded: [] }, 5),
    ).rejects.toMatchObject({
      code: 'too_many_sub_organizations',
    })
  })
})
