import { createEpaasClient } from '@epaas-picker/protocol'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockEpaas } from './createMockEpaas.js'
import { createMswHandlers } from './createMswHandlers.js'

const mock = createMockEpaas({ dataset: 'small' })
const server = setupServer(
  ...createMswHandlers(mock, { baseUrl: 'https://oapi.epaas.qq.com' }),
  ...createMswHandlers(mock, { baseUrl: 'http://localhost:6006/epaas/' }),
)

describe('createMswHandlers', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('answers fetch calls to the base URL from the mock', async () => {
    const epaas = createEpaasClient({
      baseUrl: 'https://oapi.epaas.qq.com',
      token: mock.issueUserToken(),
    })
    const { node_list } = await epaas.selectDepartments({ id: '0', is_show_root: true })
    expect(node_list[0]?.corpid).toBe('890000')
    expect(mock.requests.at(-1)).toMatchObject({ path: '/campus/department/select', errcode: 0 })
  })

  it('removes a path in the base URL before the mock sees the request', async () => {
    const epaas = createEpaasClient({
      baseUrl: 'http://localhost:6006/epaas',
      token: mock.issueOrgToken(),
    })
    const { data_list } = await epaas.getDingtalkDepartmentIds({
      depart_ids: [String(mock.data.departments[1]?.id)],
    })
    expect(data_list.length).toBeLessThanOrEqual(1)
    expect(mock.requests.at(-1)).toMatchObject({
      path: '/depart/dingtalk/get_dingtalk_departid',
      body: { depart_ids: [mock.data.departments[1]?.id] },
      errcode: 0,
    })
  })
})
