/**
 * `EPAAS_BASE_URL` (+ `EPAAS_USER_TOKEN`, `EPAAS_ORG_TOKEN`) switches the same app, unchanged,
 * from the built-in mock to another server: here a second mock standing in for ePaaS.
 */
import { startMockServer, type MockServer } from '@epaas-picker/mock-server/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDemoServer, type DemoServer } from './startDemoServer.js'

describe('the demo against a server named by EPAAS_BASE_URL', { timeout: 60_000 }, () => {
  let remote: MockServer
  let demo: DemoServer
  beforeAll(async () => {
    remote = await startMockServer({ port: 0, dataset: 'district' })
    demo = await startDemoServer({
      cacheName: 'remote',
      env: {
        EPAAS_BASE_URL: remote.url,
        EPAAS_USER_TOKEN: remote.mock.issueUserToken(),
        EPAAS_ORG_TOKEN: remote.mock.issueOrgToken(),
      },
    })
  }, 60_000)
  afterAll(async () => {
    await demo?.close()
    await remote?.close()
  })

  test('the page, the session and the proxy, all on that server', async () => {
    expect(demo.backend.mock).toBeUndefined()
    const page = await fetch(demo.url, { headers: { 'sec-fetch-dest': 'document' } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? ''
    const info = await (
      await fetch(new URL('/api/demo/info', demo.url), { headers: { cookie } })
    ).json()
    expect(info).toEqual({
      upstream: { kind: 'remote', host: new URL(remote.url).host },
      signedIn: true,
      mapping: true,
    })

    const response = await fetch(new URL('/api/epaas/campus/department/select', demo.url), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ id: '0', is_include_sub_org: true }),
    })
    expect(response.status).toBe(200)
    const { node_list } = (await response.json()) as { node_list: { corpid: string }[] }
    // The district's schools: this came from the remote server, not from a small mock.
    expect(new Set(node_list.map((n) => n.corpid)).size).toBeGreaterThan(30)
    expect(remote.mock.callCount('/campus/department/select')).toBe(1)
  })
})

test('a remote server without a user token stops the dev server with the reason', async () => {
  await expect(
    startDemoServer({ cacheName: 'remote-bad', env: { EPAAS_BASE_URL: 'http://127.0.0.1:9' } }),
  ).rejects.toThrow(/EPAAS_USER_TOKEN/)
}, 60_000)
