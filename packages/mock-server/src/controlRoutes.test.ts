import { createEpaasClient } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { BASE_URL, harness, rejection } from './test/harness.js'

async function control(
  h: ReturnType<typeof harness>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await h.mock.handle(
    new Request(`${BASE_URL}${path}`, {
      method,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

describe('/__mock control routes', () => {
  it('POST /__mock/faults sets faults; GET reads them; POST /__mock/reset restores the initial ones', async () => {
    const h = harness({ faults: { latencyMs: 1 } })
    const set = await control(h, 'POST', '/__mock/faults', { busyRate: 1 })
    expect(set.json).toMatchObject({ errcode: 0, faults: { busyRate: 1, latencyMs: 1 } })
    expect(await rejection(h.user.selectDepartments({ id: '0' }))).toMatchObject({ errcode: -1 })
    expect((await control(h, 'GET', '/__mock/faults')).json.faults).toMatchObject({ busyRate: 1 })
    const reset = await control(h, 'POST', '/__mock/reset')
    expect(reset.json.faults).toMatchObject({ busyRate: 0, latencyMs: 1 })
    expect(h.mock.requests).toEqual([])
    await expect(h.user.selectDepartments({ id: '0' })).resolves.toMatchObject({ errcode: 0 })

    const bad = await control(h, 'POST', '/__mock/faults', { busyRate: 'often' })
    expect(bad.status).toBe(400)
    expect(bad.json.errmsg).toContain('busyRate')
  })

  it('POST /__mock/tokens issues user and org tokens that work, for a given corpid and ttl', async () => {
    const h = harness({ dataset: 'small' })
    const user = await control(h, 'POST', '/__mock/tokens', { kind: 'user' })
    expect(user.json).toMatchObject({ errcode: 0, expires_in: 7200 })
    const client = createEpaasClient({
      baseUrl: BASE_URL,
      fetch: h.mock.fetch,
      token: user.json.access_token as string,
    })
    await expect(client.selectDepartments({ id: '0' })).resolves.toMatchObject({ errcode: 0 })

    const org = await control(h, 'POST', '/__mock/tokens', {
      kind: 'org',
      corpid: 890000,
      ttlSeconds: 60,
    })
    expect(org.json.expires_in).toBe(60)
    await expect(
      client.getQywxCorpid({ token: org.json.access_token as string }),
    ).resolves.toMatchObject({ errcode: 0 })

    expect((await control(h, 'POST', '/__mock/tokens', { kind: 'suite' })).status).toBe(400)
    expect((await control(h, 'POST', '/__mock/tokens', { kind: 'user', corpid: 1 })).status).toBe(
      400,
    )
  })

  it('POST /__mock/revoke revokes one token, or all without one', async () => {
    const h = harness()
    const other = h.mock.issueUserToken()
    await control(h, 'POST', '/__mock/revoke', { token: h.userToken })
    expect(await rejection(h.user.selectDepartments({ id: '0' }))).toMatchObject({ errcode: 40014 })
    await expect(h.user.selectDepartments({ id: '0' }, { token: other })).resolves.toBeDefined()
    await control(h, 'POST', '/__mock/revoke')
    expect(await rejection(h.user.selectDepartments({ id: '0' }, { token: other }))).toMatchObject({
      errcode: 40014,
    })
  })

  it('GET /__mock/requests lists ePaaS requests (tokens removed), not control routes', async () => {
    const h = harness()
    await h.user.selectDepartments({ id: '0', is_show_root: true })
    await control(h, 'GET', '/__mock/faults')
    const { json } = await control(h, 'GET', '/__mock/requests')
    expect(json.requests).toEqual([
      {
        seq: 1,
        at: expect.any(Number),
        method: 'POST',
        path: '/campus/department/select',
        query: {},
        body: { id: 0, is_show_root: true },
        tokenKind: 'user',
        errcode: 0,
        status: 200,
      },
    ])
    expect(JSON.stringify(json)).not.toContain(h.userToken)
  })

  it('GET /__mock/info describes the dataset and the suite credentials; unknown routes 404', async () => {
    const h = harness({ dataset: 'district' })
    const { json } = await control(h, 'GET', '/__mock/info')
    expect(json).toMatchObject({
      dataset: 'district',
      seed: 1,
      top_corpid: 800000,
      credentials: h.mock.credentials,
      users: h.mock.data.users.length,
    })
    expect((json.organizations as unknown[]).length).toBe(h.mock.data.organizations.length)
    expect((await control(h, 'GET', '/__mock/nothing')).status).toBe(404)
    expect((await control(h, 'POST', '/__mock/faults', '{oops')).status).toBe(400)
  })
})
