/**
 * `resolve` in a district: a selected bureau root stands for its schools (sub-organisations with
 * their own corpids), found through `/campus/department/select` and expanded one by one; nested
 * sub-organisations (an education group's branch schools) are followed through `has_sub_org`.
 * A selected department is searched by its own `has_sub_org`; a value without it (saved before
 * the picker wrote it) by its `department_type`.
 * Against the mock's `district` data, over real HTTP where the stream's shape matters.
 */
import { generateDataset } from '@epaas-picker/mock-server'
import type { SelectNode } from '@epaas-picker/protocol'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type {
  Recipient,
  ResolveDepartment,
  ResolveEvent,
  ResolveInput,
} from './resolveRecipients.js'
import { staticToken } from './tokens/TokenSource.js'
import { type MockServer, orgToken, post, startMock, testProxy, userToken } from './test/harness.js'
import { members } from './test/oracle.js'

const keyOf = (r: Recipient) => `${r.corpid}:${r.userid}:${r.role_id}`
const asMap = (recipients: readonly Recipient[]) =>
  new Map(recipients.map((r) => [keyOf(r), new Set(r.child_ids)]))

/** A department item as the picker puts it in its value (headless `itemFromNode`). */
const item = (node: SelectNode) => ({
  type: 'department' as const,
  corpid: node.corpid,
  id: node.id,
  name: node.name,
  path: node.path,
  id_path: node.id_path,
  department_type: node.department_type,
  select_node_type: node.select_node_type,
  has_sub_org: node.has_sub_org,
})

/** The same item in a value saved before the picker wrote `has_sub_org`. */
const legacy = (node: SelectNode): ResolveDepartment => {
  const { has_sub_org: _, ...rest } = item(node)
  return rest
}

/** Everyone of the organisations, by the oracle (each organisation's root subtree). */
function everyone(server: MockServer, corpids: readonly number[], roles?: readonly number[]) {
  const expected = new Map<string, Set<string>>()
  for (const corpid of corpids) {
    const org = server.mock.data.organizationByCorpid.get(corpid)!
    for (const [key, kids] of members(server.mock.data, org.rootId, roles)) expected.set(key, kids)
  }
  return expected
}

function setup(dataset: Parameters<typeof startMock>[0]) {
  const state = {} as { server: MockServer; token: string; root: SelectNode; top: SelectNode[] }
  beforeAll(async () => {
    state.server = await startMock(dataset)
    state.token = userToken(state.server.mock)
    const p = proxyOn(state.server)
    // The tree as the picker opens it: the bureau root, then its children.
    const [root] = (
      await p.client.selectDepartments(
        { id: '0', is_show_root: true, is_include_sub_org: true },
        { userToken: state.token },
      )
    ).node_list
    state.root = root!
    state.top = (
      await p.client.selectDepartments(
        {
          id: root!.id,
          select_node_type: root!.select_node_type,
          corpid: root!.corpid,
          is_include_sub_org: true,
        },
        { userToken: state.token },
      )
    ).node_list
  })
  afterEach(() => state.server.mock.faults.reset())
  afterAll(() => state.server.close())
  return state
}

function proxyOn(server: MockServer, options: Parameters<typeof testProxy>[1] = {}) {
  return testProxy(server, { orgToken: staticToken(orgToken(server.mock)), ...options })
}

/** The `/campus/department/select` calls made since request `since`, as (corpid, id). */
function searchesSince(server: MockServer, since: number) {
  return server.mock.requests
    .slice(since)
    .filter((r) => r.path === '/campus/department/select')
    .map((r) => {
      const body = r.body as { corpid: number; id: number }
      return `${body.corpid}:${body.id}`
    })
}

/** The `/department/user/get` calls made since request `since`, as (corpid, department IDs). */
function expansions(server: MockServer, since: number) {
  return server.mock.requests
    .slice(since)
    .filter((r) => r.path === '/department/user/get')
    .map((r) => {
      const body = r.body as {
        org_department_info_list: { corpid: number; department_ids: number[] }[]
      }
      const entry = body.org_department_info_list[0]!
      return { corpid: String(entry.corpid), ids: entry.department_ids.map(String) }
    })
}

async function collect(events: AsyncIterable<ResolveEvent>) {
  const all: ResolveEvent[] = []
  for await (const event of events) all.push(event)
  return all
}

describe('resolve with sub-organisations (district)', () => {
  const s = setup({ dataset: 'district' })
  const proxy = (options: Parameters<typeof testProxy>[1] = {}) => proxyOn(s.server, options)
  const schools = () => s.top.filter((n) => n.corpid !== s.root.corpid)

  it("the bureau root resolves to the bureau's people and every school's", async () => {
    expect(s.root).toMatchObject({ department_type: 11, has_sub_org: true })
    expect(schools()).toHaveLength(32)
    const value = { departments: [item(s.root)], users: [], excluded: [] }
    const events = await collect(proxy().client.resolve({ value }, { userToken: s.token }))
    const recipients = events.flatMap((e) => (e.type === 'recipients' ? e.recipients : []))

    // The sum of the organisations resolved one by one, de-duplicated.
    const oneByOne = new Map<string, Set<string>>()
    for (const node of [s.root, ...schools()]) {
      const single = await proxy({ resolve: { subOrganizationTypes: [] } }).client.resolveAll(
        { value: { departments: [item(node)], users: [], excluded: [] } },
        { userToken: s.token },
      )
      for (const [key, kids] of asMap(single.recipients)) {
        oneByOne.set(key, new Set([...(oneByOne.get(key) ?? []), ...kids]))
      }
    }
    const all = [...s.server.mock.data.organizationByCorpid.keys()]
    expect(asMap(recipients)).toEqual(oneByOne)
    expect(oneByOne).toEqual(everyone(s.server, all))
    expect(recipients).toHaveLength(new Set(recipients.map(keyOf)).size)
    expect(recipients.length).toBeGreaterThan(90_000)

    const summary = events.at(-1)
    expect(summary).toMatchObject({
      type: 'summary',
      total: recipients.length,
      departments_expanded: 33,
      sub_organizations: 32,
      sub_org_searches: 1,
    })
    // Progress counts the search too: one event per upstream call, totals that only grow.
    const progress = events.filter((e) => e.type === 'progress')
    expect(progress).toHaveLength(1 + 33)
    expect(progress[0]).toMatchObject({ sub_org_searches_done: 1, sub_org_searches_total: 1 })
    expect(progress.at(-1)).toMatchObject({ departments_done: 33, departments_total: 33 })
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.departments_total).toBeGreaterThanOrEqual(
        progress[i - 1]!.departments_total,
      )
    }
  }, 60_000) // 33 organisations expanded: seconds on a busy machine

  it('sends the search the picker sends to open the node, with its select_node_type and corpid', async () => {
    const value = { departments: [item(s.root)], users: [], excluded: [] }
    const before = s.server.mock.requests.length
    await proxy().client.resolveAll({ value, role_ids: [12] }, { userToken: s.token })
    const calls = s.server.mock.requests.slice(before)
    const searches = calls.filter((r) => r.path === '/campus/department/select')
    expect(searches).toHaveLength(1)
    expect(searches[0]?.body).toEqual({
      id: Number(s.root.id),
      select_node_type: s.root.select_node_type,
      corpid: Number(s.root.corpid),
      is_include_sub_org: true,
    })
    // One /department/user/get per organisation: its root, with its own corpid.
    const expected = [s.root, ...schools()].map((n) => `${n.corpid}:${n.id}`)
    const made = expansions(s.server, before).map((e) => `${e.corpid}:${e.ids.join()}`)
    expect(made.sort()).toEqual(expected.sort())
  })

  it('leaves out an excluded school, and keeps a person of it listed directly', async () => {
    const [excluded, other] = [schools()[4]!, schools()[5]!]
    const data = s.server.mock.data
    const kept = data.users.find((u) => u.corpid === Number(excluded.corpid) && u.roles[0] === 12)!
    const value: ResolveInput['value'] = {
      departments: [item(s.root)],
      users: [{ corpid: excluded.corpid, userid: String(kept.userid), role_id: 12 }],
      excluded: [{ type: 'department', corpid: excluded.corpid, id: excluded.id }],
    }
    const before = s.server.mock.requests.length
    const result = await proxy().client.resolveAll(
      { value, role_ids: [12] },
      { userToken: s.token },
    )
    const corpids = [...data.organizationByCorpid.keys()].filter(
      (c) => c !== Number(excluded.corpid),
    )
    const expected = everyone(s.server, corpids, [12])
    expected.set(`${excluded.corpid}:${kept.userid}:12`, new Set())
    expect(asMap(result.recipients)).toEqual(expected)
    expect(result.recipients.some((r) => r.corpid === other.corpid)).toBe(true)
    expect(result.summary).toMatchObject({ sub_organizations: 31, departments_expanded: 32 })
    // The excluded school is read once, for its exclusion, never expanded for recipients.
    const reads = expansions(s.server, before).filter((e) => e.ids.includes(excluded.id))
    expect(reads).toHaveLength(1)
  })

  it('expands a school once when it is also ticked on its own', async () => {
    const school = schools()[2]!
    const value = { departments: [item(s.root), item(school)], users: [], excluded: [] }
    const before = s.server.mock.requests.length
    const result = await proxy().client.resolveAll(
      { value, role_ids: [12] },
      { userToken: s.token },
    )
    const reads = expansions(s.server, before).filter((e) => e.ids.includes(school.id))
    expect(reads).toHaveLength(1)
    expect(result.summary).toMatchObject({ departments_expanded: 33, sub_organizations: 31 })
    expect(asMap(result.recipients)).toEqual(
      everyone(s.server, [...s.server.mock.data.organizationByCorpid.keys()], [12]),
    )
  })

  const runOne = async (department: ResolveDepartment, types?: number[]) => {
    const p = proxy(types ? { resolve: { subOrganizationTypes: types } } : {})
    const value = { departments: [department], users: [], excluded: [] }
    const before = s.server.mock.requests.length
    const result = await p.client.resolveAll({ value, role_ids: [12] }, { userToken: s.token })
    return { ...result, searches: searchesSince(s.server, before) }
  }

  it('searches a department by its has_sub_org, whatever its type and subOrganizationTypes', async () => {
    const bureauOnly = everyone(s.server, [Number(s.root.corpid)], [12])
    const all = everyone(s.server, [...s.server.mock.data.organizationByCorpid.keys()], [12])
    // The root says it has sub-organisations: searched even when no type is configured.
    const root = await runOne(item(s.root), [])
    expect(root.searches).toEqual([`${s.root.corpid}:${s.root.id}`])
    expect(asMap(root.recipients)).toEqual(all)
    // A value saying it has none is believed: the bureau's own people only, and no search.
    const denied = await runOne({ ...item(s.root), has_sub_org: false })
    expect(denied.searches).toEqual([])
    expect(asMap(denied.recipients)).toEqual(bureauOnly)
    // 局内职工 is of a bureau type (9) but has no sub-organisation: no search call.
    const staff = s.top.find((n) => n.department_type === 9)!
    expect(staff.has_sub_org).toBe(false)
    const result = await runOne(item(staff))
    expect(result.searches).toEqual([])
    expect(result.summary).toMatchObject({ sub_org_searches: 0, sub_organizations: 0 })
    expect(asMap(result.recipients)).toEqual(members(s.server.mock.data, Number(staff.id), [12]))
    expect(result.recipients.length).toBeGreaterThan(0)
  })

  it('a value without has_sub_org: the configured types decide, as before the field', async () => {
    const bureauOnly = everyone(s.server, [Number(s.root.corpid)], [12])
    const { select_node_type: _, ...withoutNodeType } = legacy(s.root)
    expect(asMap((await runOne(withoutNodeType)).recipients)).toEqual(bureauOnly)
    const notOfTheTypes = await runOne(legacy(s.root), [9])
    expect(notOfTheTypes.searches).toEqual([])
    expect(asMap(notOfTheTypes.recipients)).toEqual(bureauOnly)
    expect((await runOne(legacy(s.root), [11])).summary.sub_organizations).toBe(32)
    expect((await runOne(legacy(s.root))).summary.sub_organizations).toBe(32)
    // 局内职工 (department_type 9) is searched by default, though it has no sub-organisations.
    const staff = s.top.find((n) => n.department_type === 9)!
    const result = await runOne(legacy(staff))
    expect(result.searches).toEqual([`${staff.corpid}:${staff.id}`])
    expect(result.summary).toMatchObject({ sub_org_searches: 1, sub_organizations: 0 })
  })

  it('a department with has_sub_org but no select_node_type or corpid is not searched', async () => {
    const { select_node_type: _, ...withoutNodeType } = item(s.root)
    const noNodeType = await runOne(withoutNodeType)
    expect(noNodeType.searches).toEqual([])
    expect(noNodeType.summary.sub_organizations).toBe(0)
    // '' is the token's own organisation: no corpid to tell its sub-organisations by.
    const ownCorp = await runOne({ ...item(s.root), corpid: '' })
    expect(ownCorp.searches).toEqual([])
    expect(asMap(ownCorp.recipients).size).toBeGreaterThan(0)
  })

  it('takes has_sub_org as true/false or 0/1 over HTTP, and refuses anything else', async () => {
    const p = proxy()
    const ask = (has_sub_org: unknown) =>
      p.handle(
        post(
          '/resolve',
          {
            value: { departments: [{ ...item(s.root), has_sub_org }], users: [], excluded: [] },
            role_ids: [12],
            recipients: 'none',
          },
          { token: s.token },
        ),
      )
    const summaryOf = async (response: Response) => {
      expect(response.status).toBe(200)
      const lines = (await response.text()).trim().split('\n')
      return JSON.parse(lines.at(-1)!) as ResolveEvent
    }
    expect(await summaryOf(await ask(1))).toMatchObject({ type: 'summary', sub_organizations: 32 })
    expect(await summaryOf(await ask(0))).toMatchObject({ type: 'summary', sub_org_searches: 0 })
    const refused = await ask('yes')
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({
      error: { message: expect.stringContaining('value.departments[0].has_sub_org') },
    })
  })

  it('fails with too_many_sub_organizations beyond limits.resolveSubOrganizations', async () => {
    const value = { departments: [item(s.root)], users: [], excluded: [] }
    await expect(
      proxy({ limits: { resolveSubOrganizations: 10 } }).client.resolveAll(
        { value },
        { userToken: s.token },
      ),
    ).rejects.toMatchObject({ code: 'too_many_sub_organizations', status: 422 })
    // Over HTTP: found before the first event, so a JSON error with its status.
    const response = await proxy({ limits: { resolveSubOrganizations: 31 } }).handle(
      post('/resolve', { value }, { token: s.token }),
    )
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({
      error: { code: 'too_many_sub_organizations', message: expect.stringContaining('31') },
    })
    const exact = await proxy({ limits: { resolveSubOrganizations: 32 } }).client.resolveAll(
      { value, role_ids: [12] },
      { userToken: s.token },
    )
    expect(exact.summary.sub_organizations).toBe(32)
  })

  it("counts the 32 schools with recipients 'none' in a few kilobytes instead of megabytes", async () => {
    const value = { departments: schools().map(item), users: [], excluded: [] }
    const p = proxy()
    const full = await p.client.resolveAll({ value }, { userToken: s.token })
    const response = await p.handle(
      post('/resolve', { value, recipients: 'none' }, { token: s.token }),
    )
    const text = await response.text()
    if (process.env.EPAAS_PRINT_SIZES) {
      // The figures of the README's "Which recipients are sent".
      const size = async (body: object) =>
        (await (await p.handle(post('/resolve', body, { token: s.token }))).text()).length
      console.info(`32 schools, ${full.summary.total} recipients: ${text.length} bytes with 'none'`)
      console.info(`'all': ${await size({ value })} bytes`)
      for (const recipients of ['all', 'unmapped', 'none']) {
        const bytes = await size({ value, channel: 'wecom', recipients })
        console.info(`WeCom, '${recipients}': ${bytes} bytes`)
      }
    }
    expect(text.length).toBeLessThan(8 * 1024)
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ResolveEvent)
    expect(lines.some((e) => e.type === 'recipients')).toBe(false)
    expect(lines.at(-1)).toEqual(full.summary)
    expect(full.summary.total).toBeGreaterThan(90_000)
  })

  it('answers the error status when the search fails before anything streamed', async () => {
    s.server.mock.faults.set({ http502Rate: 1, paths: ['/campus/department/select'] })
    const value = { departments: [item(s.root)], users: [], excluded: [] }
    const response = await proxy().handle(post('/resolve', { value }, { token: s.token }))
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({ error: { code: 'upstream_http_error' } })
  })
})

describe('resolve with nested sub-organisations (district with an education group)', () => {
  const s = setup({ dataset: generateDataset('district', 1, { branchSchools: 2 }) })
  const proxy = (options: Parameters<typeof testProxy>[1] = {}) => proxyOn(s.server, options)
  const group = () => s.top.find((n) => n.corpid === '800001')!

  it("follows has_sub_org: the group school's branches are in, searched once each level", async () => {
    expect(group()).toMatchObject({ department_type: 0, has_sub_org: true })
    const value = { departments: [item(s.root)], users: [], excluded: [] }
    const events = await collect(
      proxy().client.resolve({ value, role_ids: [12] }, { userToken: s.token }),
    )
    const recipients = events.flatMap((e) => (e.type === 'recipients' ? e.recipients : []))
    const all = [...s.server.mock.data.organizationByCorpid.keys()]
    expect(all).toHaveLength(35)
    expect(asMap(recipients)).toEqual(everyone(s.server, all, [12]))
    expect(recipients.some((r) => r.corpid === '800034')).toBe(true)
    expect(events.at(-1)).toMatchObject({
      sub_organizations: 34,
      sub_org_searches: 2,
      departments_expanded: 35,
    })
    const progress = events.filter((e) => e.type === 'progress')
    expect(progress.at(-1)).toMatchObject({ sub_org_searches_done: 2, sub_org_searches_total: 2 })
    // The group's search is answered before the schools' expansions: the totals are known early.
    expect(progress.slice(0, 3)).toMatchObject([
      { sub_org_searches_done: 1, sub_org_searches_total: 2, departments_total: 33 },
      { sub_org_searches_done: 1, departments_done: 1 },
      { sub_org_searches_done: 2, departments_done: 1, departments_total: 35 },
    ])
  })

  it('a group school ticked on its own, as the picker writes it, brings its branches', async () => {
    expect(item(group())).toMatchObject({ department_type: 0, has_sub_org: true })
    const value = { departments: [item(group())], users: [], excluded: [] }
    const before = s.server.mock.requests.length
    const result = await proxy().client.resolveAll(
      { value, role_ids: [12] },
      { userToken: s.token },
    )
    expect(searchesSince(s.server, before)).toEqual([`${group().corpid}:${group().id}`])
    expect(asMap(result.recipients)).toEqual(everyone(s.server, [800001, 800033, 800034], [12]))
    expect(result.recipients.some((r) => r.corpid === '800033')).toBe(true)
    expect(result.summary).toMatchObject({ sub_organizations: 2, sub_org_searches: 1 })
    // A plain school of the district says it has none: expanded, never searched.
    const plain = s.top.find((n) => n.corpid === '800002')!
    expect(plain).toMatchObject({ department_type: 0, has_sub_org: false })
    const since = s.server.mock.requests.length
    await proxy().client.resolveAll(
      { value: { departments: [item(plain)], users: [], excluded: [] }, role_ids: [12] },
      { userToken: s.token },
    )
    expect(searchesSince(s.server, since)).toEqual([])
  })

  it('an older value with the group school (no has_sub_org): searched once 0 is among subOrganizationTypes', async () => {
    const value = { departments: [legacy(group())], users: [], excluded: [] }
    const asked = { value, role_ids: [12] as 12[] }
    const plain = await proxy().client.resolveAll(asked, { userToken: s.token })
    expect(asMap(plain.recipients)).toEqual(everyone(s.server, [800001], [12]))
    const withSchools = await proxy({
      resolve: { subOrganizationTypes: [0, 9, 11, 14] },
    }).client.resolveAll(asked, { userToken: s.token })
    expect(asMap(withSchools.recipients)).toEqual(
      everyone(s.server, [800001, 800033, 800034], [12]),
    )
  })

  it('an excluded group school takes its branches with it', async () => {
    const value: ResolveInput['value'] = {
      departments: [item(s.root)],
      users: [],
      excluded: [{ type: 'department', corpid: group().corpid, id: group().id }],
    }
    const result = await proxy().client.resolveAll(
      { value, role_ids: [12] },
      { userToken: s.token },
    )
    const corpids = [...s.server.mock.data.organizationByCorpid.keys()].filter(
      (c) => ![800001, 800033, 800034].includes(c),
    )
    expect(asMap(result.recipients)).toEqual(everyone(s.server, corpids, [12]))
    expect(result.summary).toMatchObject({ sub_organizations: 31, sub_org_searches: 1 })
  })

  it('a search failing after the stream began ends it with an error line and no summary', async () => {
    const value = { departments: [item(s.root)], users: [], excluded: [] }
    // The answer starts once the first search is answered; the group's search comes after.
    const response = await proxy().handle(post('/resolve', { value }, { token: s.token }))
    expect(response.status).toBe(200)
    s.server.mock.faults.set({ http502Rate: 1, paths: ['/campus/department/select'] })
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string })
    expect(lines[0]).toMatchObject({ type: 'progress', sub_org_searches_done: 1 })
    expect(lines.some((l) => l.type === 'summary')).toBe(false)
    expect(lines.at(-1)).toMatchObject({ type: 'error', error: { code: 'upstream_http_error' } })
  })
})
