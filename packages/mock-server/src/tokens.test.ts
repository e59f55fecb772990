import { createEpaasClient, EpaasError } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { MockErrcode } from './MockErrcode.js'
import { BASE_URL, harness, rejection } from './test/harness.js'

const selectTop = { id: '0' } as const

describe('tokens', () => {
  it('expire after tokenTtlSeconds on the given clock (42001), per token ttl too', async () => {
    let now = 1_000_000
    const h = harness({ now: () => now, tokenTtlSeconds: 60 })
    await expect(h.user.selectDepartments(selectTop)).resolves.toMatchObject({ errcode: 0 })
    now += 59_999
    await expect(h.user.selectDepartments(selectTop)).resolves.toMatchObject({ errcode: 0 })
    now += 1
    expect(await rejection(h.user.selectDepartments(selectTop))).toMatchObject({
      errcode: MockErrcode.ExpiredToken,
    })
    expect(await rejection(h.org.getQywxCorpid())).toMatchObject({ errcode: 42001 })

    const longer = h.mock.issueUserToken({ ttlSeconds: 3600 })
    now += 3_599_000
    await expect(h.user.selectDepartments(selectTop, { token: longer })).resolves.toMatchObject({
      errcode: 0,
    })
    now += 1000
    expect(await rejection(h.user.selectDepartments(selectTop, { token: longer }))).toMatchObject({
      errcode: 42001,
    })
    expect(h.mock.requests.at(-1)).toMatchObject({ tokenKind: 'user', errcode: 42001 })
  })

  it('answer 40014 once revoked, one at a time or all, and when unknown; 41001 when missing', async () => {
    const h = harness()
    const other = h.mock.issueUserToken()
    h.mock.revokeToken(h.userToken)
    expect(await rejection(h.user.selectDepartments(selectTop))).toMatchObject({
      errcode: MockErrcode.InvalidToken,
    })
    await expect(h.user.selectDepartments(selectTop, { token: other })).resolves.toBeDefined()
    h.mock.revokeAllTokens()
    expect(await rejection(h.user.selectDepartments(selectTop, { token: other }))).toMatchObject({
      errcode: 40014,
    })
    expect(await rejection(h.org.getQywxCorpid())).toMatchObject({ errcode: 40014 })
    expect(
      await rejection(h.user.selectDepartments(selectTop, { token: 'made-up' })),
    ).toMatchObject({
      errcode: 40014,
    })
    const noToken = createEpaasClient({ baseUrl: BASE_URL, fetch: h.mock.fetch })
    expect(await rejection(noToken.selectDepartments(selectTop))).toMatchObject({
      errcode: MockErrcode.MissingToken,
    })
  })

  it('are not interchangeable: user tokens for select and members, org tokens for mappings', async () => {
    const h = harness()
    const refused = [
      h.org.selectDepartments(selectTop),
      h.org.getDepartmentUsers({ org_department_info_list: [] }),
      h.user.getQywechatDepartmentIds({ department_ids: [] }),
      h.user.getQywechatUserIds({ userids: [] }),
      h.user.getDepartmentIdsByQywechat({ qywechat_ids: [] }),
      h.user.getUserIdsByQywechat({ qywechat_ids: [] }),
      h.user.getDingtalkDepartmentIds({ depart_ids: [] }),
      h.user.getDingtalkUserIds({ userids: [] }),
      h.user.getDingtalkToken(),
      h.user.getDepartmentIdsByDingtalk({ dingtalk_ids: [], dingtalk_depart_type: 1 }),
      h.user.getUserIdsByDingtalk({ dingtalk_ids: [], role_id: 12 }),
    ]
    for (const call of refused) {
      const error = await rejection(call)
      expect(error).toBeInstanceOf(EpaasError)
      expect(error).toMatchObject({ errcode: MockErrcode.ApiUnauthorized })
    }
    await expect(h.user.getQywxCorpid()).resolves.toMatchObject({ errcode: 0 })
    await expect(h.org.getQywxCorpid()).resolves.toMatchObject({ errcode: 0 })
  })

  it('come from the suite flow: suite token, then an org token that works on mappings', async () => {
    let now = 5_000_000
    const h = harness({ now: () => now })
    const { credentials } = h.mock
    const anonymous = createEpaasClient({ baseUrl: BASE_URL, fetch: h.mock.fetch })
    const suite = await anonymous.getSuiteToken({
      suite_id: credentials.suite_id,
      suite_secret: credentials.suite_secret,
      suite_ticket: credentials.suite_ticket,
    })
    expect(suite.expires_in).toBe(7200)
    const corp = await anonymous.getCorpToken(
      { auth_corpid: credentials.auth_corpid, permanent_code: credentials.permanent_code },
      { token: suite.suite_access_token },
    )
    expect(corp.expires_in).toBe(7200)
    const org = createEpaasClient({
      baseUrl: BASE_URL,
      fetch: h.mock.fetch,
      token: corp.access_token,
    })
    await expect(org.getDingtalkToken()).resolves.toMatchObject({ errcode: 0 })
    expect(await rejection(org.selectDepartments(selectTop))).toMatchObject({ errcode: 48001 })
    expect(h.mock.callCount('/service/get_suite_token')).toBe(1)
    expect(h.mock.callCount('/service/get_corp_token')).toBe(1)

    // A suite token is no access token, and the other way round.
    expect(await rejection(org.getQywxCorpid({ token: suite.suite_access_token }))).toMatchObject({
      errcode: 40014,
    })
    expect(
      await rejection(
        anonymous.getCorpToken(
          { auth_corpid: credentials.auth_corpid, permanent_code: credentials.permanent_code },
          { token: corp.access_token },
        ),
      ),
    ).toMatchObject({ errcode: 40014 })
    now += 7_200_000
    expect(
      await rejection(
        anonymous.getCorpToken(
          { auth_corpid: credentials.auth_corpid, permanent_code: credentials.permanent_code },
          { token: suite.suite_access_token },
        ),
      ),
    ).toMatchObject({ errcode: 42001 })
  })

  it('refuse wrong suite credentials, each with its own errcode', async () => {
    const h = harness()
    const c = h.mock.credentials
    const anonymous = createEpaasClient({ baseUrl: BASE_URL, fetch: h.mock.fetch })
    const suite = {
      suite_id: c.suite_id,
      suite_secret: c.suite_secret,
      suite_ticket: c.suite_ticket,
    }
    for (const [field, errcode] of [
      ['suite_id', MockErrcode.InvalidSuiteId],
      ['suite_secret', MockErrcode.InvalidSecret],
      ['suite_ticket', MockErrcode.InvalidSuiteTicket],
    ] as const) {
      const error = await rejection(anonymous.getSuiteToken({ ...suite, [field]: 'wrong' }))
      expect(error).toMatchObject({ errcode })
    }
    const { suite_access_token } = await anonymous.getSuiteToken(suite)
    const corp = { auth_corpid: c.auth_corpid, permanent_code: c.permanent_code }
    expect(
      await rejection(
        anonymous.getCorpToken({ ...corp, auth_corpid: '1' }, { token: suite_access_token }),
      ),
    ).toMatchObject({ errcode: MockErrcode.InvalidCorpid })
    expect(
      await rejection(
        anonymous.getCorpToken({ ...corp, permanent_code: 'x' }, { token: suite_access_token }),
      ),
    ).toMatchObject({ errcode: MockErrcode.InvalidPermanentCode })
    const missing = await h.raw('/service/get_suite_token', { body: { suite_id: c.suite_id } })
    expect(missing.body).toMatchObject({ errcode: 40058 })
    expect(missing.body.errmsg).toContain('suite_secret')
  })

  it('take overridden credentials and refuse unknown organisations', () => {
    const h = harness({ credentials: { suite_secret: 's3cret' } })
    expect(h.mock.credentials).toMatchObject({ suite_secret: 's3cret', auth_corpid: '890000' })
    expect(() => h.mock.issueUserToken({ corpid: '1' })).toThrow(/not an organisation/)
    expect(() => harness({ credentials: { auth_corpid: '1' } })).toThrow(/auth_corpid/)
  })

  it('answer 43002 for GET on a POST endpoint', async () => {
    const h = harness()
    const { body } = await h.raw('/department/user/get', { token: h.userToken, method: 'GET' })
    expect(body).toMatchObject({ errcode: MockErrcode.PostRequired })
  })
})
