/**
 * `resolve` against the mock: expansion, de-duplication, exclusions, role filters, mapping,
 * streaming, and failures that never pass for a complete list.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readResolveStream } from './readResolveStream.js'
import type { Recipient, ResolveEvent, ResolveInput } from './resolveRecipients.js'
import { staticToken } from './tokens/TokenSource.js'
import {
  type MockServer,
  orgToken,
  post,
  serveProxy,
  startMock,
  testProxy,
  userToken,
  SESSION_HEADER,
} from './test/harness.js'
import { classes, members, parentOfTwo, subtree } from './test/oracle.js'

let server: MockServer
let token: string

beforeAll(async () => {
  server = await startMock()
  token = userToken(server.mock)
})
afterEach(() => server.mock.faults.reset())
afterAll(() => server.close())

const proxy = (options: Parameters<typeof testProxy>[1] = {}) =>
  testProxy(server, { orgToken: staticToken(orgToken(server.mock)), ...options })

const keyOf = (r: Recipient) => `${r.corpid}:${r.userid}:${r.role_id}`
const asMap = (recipients: Recipient[]) =>
  new Map(recipients.map((r) => [keyOf(r), new Set(r.child_ids)]))
const department = (id: number) => {
  const d = server.mock.data.departmentById.get(id)!
  return {
    type: 'department' as const,
    corpid: String(d.corpid),
    id: String(d.id),
    name: d.name,
    path: d.path,
    id_path: d.idPath.map(String),
  }
}

describe('resolve', () => {
  it('lists a parent of two children once, with both children', async () => {
    const { user, departments, children } = parentOfTwo(server.mock.data)
    const value = { departments: departments.map(department), users: [], excluded: [] }
    const result = await proxy().client.resolveAll({ value }, { userToken: token })

    const expected = members(server.mock.data, departments[0])
    for (const [key, kids] of members(server.mock.data, departments[1])) {
      expected.set(key, new Set([...(expected.get(key) ?? []), ...kids]))
    }
    expect(asMap(result.recipients)).toEqual(expected)
    expect(result.recipients.length).toBe(new Set(result.recipients.map(keyOf)).size)
    const parent = result.recipients.filter(
      (r) => r.userid === String(user.userid) && r.role_id === 13,
    )
    expect(parent).toHaveLength(1)
    expect(new Set(parent[0]!.child_ids)).toEqual(new Set(children.map(String)))
    expect(result.summary).toMatchObject({ complete: true, total: expected.size, unmapped: 0 })
    const byRole = { '11': 0, '12': 0, '13': 0 }
    for (const r of result.recipients) byRole[`${r.role_id}`] += 1
    expect(result.summary.by_role).toEqual(byRole)
  })

  it('applies exclusions: people always, departments unless the person is listed directly', async () => {
    const { data } = server.mock
    const grade = data.departments.find((d) => d.tag === 4 && d.childIds.length >= 2)!
    const [classA, classB] = grade.childIds.map((id) => data.departmentById.get(id)!)
    const studentsA = classA!.members.filter((m) => m.role === 11)
    const studentsB = classB!.members.filter((m) => m.role === 11)
    const keptFromA = studentsA[0]!
    const excludedFromB = studentsB[0]!
    const corpid = String(grade.corpid)
    const value: ResolveInput['value'] = {
      departments: [department(grade.id)],
      users: [{ corpid, userid: String(keptFromA.userid), role_id: 11 }],
      excluded: [
        { type: 'department', corpid, id: String(classA!.id) },
        { type: 'user', corpid, userid: String(excludedFromB.userid), role_id: 11 },
      ],
    }
    const result = await proxy().client.resolveAll({ value }, { userToken: token })

    const expected = members(data, grade.id)
    for (const key of members(data, classA!.id).keys()) expected.delete(key)
    expected.delete(`${corpid}:${excludedFromB.userid}:11`)
    expected.set(`${corpid}:${keptFromA.userid}:11`, new Set())
    expect(asMap(result.recipients)).toEqual(expected)
    expect(
      result.recipients.some((r) => r.userid === String(excludedFromB.userid) && r.role_id === 11),
    ).toBe(false)
  })

  it('keeps the members of a department selected inside an excluded one', async () => {
    const { data } = server.mock
    const school = data.departments.find((d) =>
      d.childIds.some((id) => {
        const grade = data.departmentById.get(id)!
        return grade.tag === 4 && grade.childIds.length >= 2
      }),
    )!
    const grade = school.childIds
      .map((id) => data.departmentById.get(id)!)
      .find((d) => d.tag === 4 && d.childIds.length >= 2)!
    const [classA, classB] = grade.childIds.map((id) => data.departmentById.get(id)!)
    const value: ResolveInput['value'] = {
      // The school, except the grade, but one class of the grade.
      departments: [department(school.id), department(classA!.id)],
      users: [],
      excluded: [{ type: 'department', corpid: String(grade.corpid), id: String(grade.id) }],
    }
    const result = await proxy().client.resolveAll({ value }, { userToken: token })

    const expected = new Set(members(data, school.id).keys())
    for (const key of members(data, grade.id).keys()) expected.delete(key)
    for (const key of members(data, classA!.id).keys()) expected.add(key)
    expect(new Set(result.recipients.map(keyOf))).toEqual(expected)
    // Someone only in the other class of the grade is not reached.
    const onlyB = [...members(data, classB!.id).keys()].find((key) => !expected.has(key))
    expect(onlyB).toBeDefined()
    // Without the class's path, the class is not known to lie inside the grade.
    const { id_path: _path, ...withoutPath } = department(classA!.id)
    const flat = await proxy().client.resolveAll(
      { value: { ...value, departments: [department(school.id), withoutPath] } },
      { userToken: token },
    )
    expect(flat.summary.total).toBeLessThan(result.summary.total)
  })

  it('keeps only the roles asked, selected people included', async () => {
    const klass = classes(server.mock.data)[0]!
    const teacher = klass.members.find((m) => m.role === 12)!
    const value: ResolveInput['value'] = {
      departments: [department(klass.id)],
      users: [{ corpid: String(klass.corpid), userid: String(teacher.userid), role_id: 12 }],
      excluded: [],
    }
    const result = await proxy().client.resolveAll(
      { value, role_ids: [11, 13] },
      { userToken: token },
    )
    expect(asMap(result.recipients)).toEqual(members(server.mock.data, klass.id, [11, 13]))
    expect(result.summary.by_role['12']).toBe(0)
    expect(result.summary.by_role['11']).toBeGreaterThan(0)
    expect(result.summary.by_role['13']).toBeGreaterThan(0)
  })

  it('maps to WeCom and DingTalk IDs and reports the unmapped', async () => {
    const { data } = server.mock
    const school = data.departments.find((d) => d.tag === 4)! // a grade: enough people to miss some
    const value = { departments: [department(school.id)], users: [], excluded: [] }
    const p = proxy()
    for (const channel of ['wecom', 'dingtalk'] as const) {
      const result = await p.client.resolveAll({ value, channel }, { userToken: token })
      const unmapped = new Set<string>()
      for (const r of result.recipients) {
        const user = data.userById.get(Number(r.userid))!
        if (channel === 'wecom') {
          expect(r.qywechat_id).toBe(user.qywechatId)
        } else {
          expect(r.dingtalk_id).toBe(user.dingtalkId)
          expect(r.dingtalk_unionid).toBe(user.dingtalkUnionid)
        }
        if ((channel === 'wecom' ? user.qywechatId : user.dingtalkId) === null)
          unmapped.add(r.userid)
      }
      expect(unmapped.size).toBeGreaterThan(0)
      expect(new Set(result.unmapped)).toEqual(unmapped)
      expect(result.summary.channel).toBe(channel)
      expect(result.summary.unmapped).toBe(
        result.recipients.filter(
          (r) => (channel === 'wecom' ? r.qywechat_id : r.dingtalk_id) === null,
        ).length,
      )
    }
  })

  it("counts without the list: recipients 'none' and 'unmapped' summarise exactly as 'all'", async () => {
    const { data } = server.mock
    const grade = data.departments.find((d) => d.tag === 4)!
    const { departments } = parentOfTwo(data)
    const value = {
      departments: [grade.id, ...departments].map(department),
      users: [],
      excluded: [],
    }
    const p = proxy({ resolve: { recipientsPerChunk: 40 } })
    for (const channel of ['epaas', 'wecom', 'dingtalk'] as const) {
      const full = await p.client.resolveAll({ value, channel }, { userToken: token })
      expect(full.summary.by_role['13']).toBeGreaterThan(0)
      const run = async (recipients: 'none' | 'unmapped') => {
        const events: ResolveEvent[] = []
        const input = { value, channel, recipients }
        for await (const event of p.client.resolve(input, { userToken: token })) events.push(event)
        return events
      }

      const none = await run('none')
      expect(none.filter((e) => e.type === 'recipients')).toEqual([])
      expect(none.filter((e) => e.type === 'progress').length).toBeGreaterThan(0)
      expect(none.at(-1)).toEqual(full.summary)

      const unmapped = await run('unmapped')
      const chunks = unmapped.flatMap((e) => (e.type === 'recipients' ? [e] : []))
      const listed = chunks.flatMap((c) => c.recipients)
      const missing = (r: Recipient) =>
        (channel === 'wecom' ? r.qywechat_id : channel === 'dingtalk' ? r.dingtalk_id : '') === null
      expect(asMap(listed)).toEqual(asMap(full.recipients.filter(missing)))
      expect(listed.every(missing)).toBe(true)
      expect(new Set(chunks.flatMap((c) => c.unmapped))).toEqual(new Set(full.unmapped))
      expect(unmapped.at(-1)).toEqual(full.summary)
      if (channel === 'epaas') expect(chunks).toEqual([])
      else expect(listed.length).toBe(full.summary.unmapped)
    }
  })

  it('answers a count preview in a few hundred bytes, and refuses an unknown recipients mode', async () => {
    const grade = server.mock.data.departments.find((d) => d.tag === 4)!
    const value = { departments: [department(grade.id)], users: [], excluded: [] }
    const p = proxy()
    const bytes = async (recipients?: string) => {
      const response = await p.handle(post('/resolve', { value, recipients }, { token }))
      expect(response.status).toBe(200)
      return (await response.arrayBuffer()).byteLength
    }
    const all = await bytes()
    const none = await bytes('none')
    expect(all).toBeGreaterThan(10_000)
    expect(none).toBeLessThan(500)

    const refused = await p.handle(post('/resolve', { value, recipients: 'some' }, { token }))
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({
      error: { code: 'invalid_body', message: expect.stringMatching(/^recipients: /) },
    })
  })

  it('streams NDJSON over HTTP: progress, recipient chunks, then one summary', async () => {
    const p = proxy({ resolve: { departmentsPerCall: 2, recipientsPerChunk: 50 } })
    const http = await serveProxy(p)
    try {
      const grade = server.mock.data.departments.find((d) => d.tag === 4)!
      const value = { departments: [department(grade.id)], users: [], excluded: [] }
      const response = await fetch(`${http.url}/api/epaas/resolve`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-epaas-proxy': '1',
          [SESSION_HEADER]: token,
        },
        body: JSON.stringify({ value }),
      })
      expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/)
      const events: ResolveEvent[] = []
      for await (const event of readResolveStream(response)) events.push(event)
      const types = events.map((e) => e.type)
      expect(types[0]).toBe('progress')
      expect(types.at(-1)).toBe('summary')
      expect(types.filter((t) => t === 'summary')).toHaveLength(1)
      const chunks = events.filter((e) => e.type === 'recipients')
      expect(chunks.length).toBeGreaterThan(1)
      for (const chunk of chunks) expect(chunk.recipients.length).toBeLessThanOrEqual(50)
      const all = chunks.flatMap((c) => c.recipients)
      expect(asMap(all)).toEqual(members(server.mock.data, grade.id))
      expect(subtree(server.mock.data, grade.id).length).toBeGreaterThan(2)
    } finally {
      await http.close()
    }
  })

  it('fails mid-resolve with an error line and no summary', async () => {
    const p = proxy({ resolve: { departmentsPerCall: 1, concurrency: 1, recipientsPerChunk: 10 } })
    const http = await serveProxy(p)
    try {
      const value = {
        departments: classes(server.mock.data)
          .slice(0, 30)
          .map((c) => department(c.id)),
        users: [],
        excluded: [],
      }
      const response = await fetch(`${http.url}/api/epaas/resolve`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-epaas-proxy': '1',
          [SESSION_HEADER]: token,
        },
        body: JSON.stringify({ value }),
      })
      expect(response.status).toBe(200)
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
      let text = ''
      while (!text.includes('"type":"recipients"')) {
        const { value: chunk, done } = await reader.read()
        if (done) break
        text += chunk
      }
      server.mock.faults.set({ http502Rate: 1, paths: ['/department/user/get'] })
      for (;;) {
        const { value: chunk, done } = await reader.read()
        if (done) break
        text += chunk
      }
      const lines = text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; error?: { code: string } })
      expect(lines.some((l) => l.type === 'recipients')).toBe(true)
      expect(lines.some((l) => l.type === 'summary')).toBe(false)
      expect(lines.at(-1)).toMatchObject({ type: 'error', error: { code: 'upstream_http_error' } })
    } finally {
      await http.close()
    }
  })

  it('throws from the client iterable and resolveAll after a partial list', async () => {
    const p = proxy({ resolve: { departmentsPerCall: 1, concurrency: 1, recipientsPerChunk: 10 } })
    const value = {
      departments: classes(server.mock.data)
        .slice(0, 30)
        .map((c) => department(c.id)),
      users: [],
      excluded: [],
    }
    const seen: string[] = []
    await expect(
      (async () => {
        for await (const event of p.client.resolve({ value }, { userToken: token })) {
          seen.push(event.type)
          if (event.type === 'recipients') {
            server.mock.faults.set({ busyRate: 1, paths: ['/department/user/get'] })
          }
        }
      })(),
    ).rejects.toMatchObject({ errcode: -1 })
    expect(seen).toContain('recipients')
    expect(seen).not.toContain('summary')
    await expect(p.client.resolveAll({ value }, { userToken: token })).rejects.toMatchObject({
      errcode: -1,
    })
  })

  it('answers a real status when resolve fails before anything streamed', async () => {
    const value = {
      departments: [{ corpid: String(server.mock.data.topCorpid), id: '999999999' }],
      users: [],
      excluded: [],
    }
    const response = await proxy().handle(post('/resolve', { value }, { token }))
    // An unknown department is the caller's mistake (60003), not a failure of ePaaS.
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({
      error: { code: 'upstream_not_found', errcode: 60003 },
    })
  })

  it('refuses a selection over the recipient limit', async () => {
    const grade = server.mock.data.departments.find((d) => d.tag === 4)!
    const value = { departments: [department(grade.id)], users: [], excluded: [] }
    const p = proxy({ limits: { resolveRecipients: 5 } })
    await expect(p.client.resolveAll({ value }, { userToken: token })).rejects.toMatchObject({
      code: 'too_many_recipients',
    })
  })
})
