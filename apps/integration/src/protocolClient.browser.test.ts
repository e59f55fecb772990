// Runs in real Chromium: the client and the mock's handler are both browser code.
import { createMockEpaas } from '@epaas-picker/mock-server'
import { describe, expect, it } from 'vitest'
import { createEpaasClient, EpaasRequestError } from '@epaas-picker/protocol'

describe('createEpaasClient in a browser', () => {
  it('walks the address book with the browser fetch machinery (Request, Response, AbortSignal)', async () => {
    expect(navigator.userAgent).toMatch(/Chrome/)
    const mock = createMockEpaas({ dataset: 'small' })
    const client = createEpaasClient({
      baseUrl: 'http://mock.epaas',
      fetch: mock.fetch,
      token: mock.issueUserToken(),
    })
    const top = await client.selectDepartments({ is_show_root: true })
    const school = top.node_list[0]!
    expect(school.is_parent).toBe(true)
    const children = await client.selectDepartments({
      id: school.id,
      corpid: school.corpid,
      select_node_type: school.select_node_type,
    })
    expect(children.node_list.length).toBeGreaterThan(0)
    expect(children.node_list.every((n) => n.parent_id === school.id)).toBe(true)
  })

  it('times out a hanging answer with the browser timers', async () => {
    const mock = createMockEpaas({ dataset: 'small', faults: { hangRate: 1 } })
    const client = createEpaasClient({
      baseUrl: 'http://mock.epaas',
      fetch: mock.fetch,
      token: mock.issueUserToken(),
      timeoutMs: 30,
    })
    await expect(client.selectDepartments({})).rejects.toBeInstanceOf(EpaasRequestError)
  })
})
