/**
 * The count preview against the real proxy and the mock's district: it asks `resolve` for the
 * counts only (`recipients: 'none'`), or for the unreachable people only on WeCom, and its counts
 * are those of a full resolve. A ticked bureau root counts its schools, and a ticked school with
 * branch schools counts its branches.
 */
import { createMockEpaas, generateDataset, type MockEpaasOptions } from '@epaas-picker/mock-server'
import {
  emptyPickerValue,
  type PickerValue,
  type Role,
  type SelectedDepartment,
  type SelectNode,
} from '@epaas-picker/protocol'
import { createEpaasProxy, staticToken } from '@epaas-picker/proxy'
import type { ResolveChannel } from '@epaas-picker/proxy/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, test } from 'vitest'
import { createDemoApi } from '../api/createDemoApi.js'
import { DemoApiProvider } from '../api/DemoApiContext.js'
import { createRequestLog } from '../api/RequestLog.js'
import { useRecipientPreview, type RecipientPreviewState } from './useRecipientPreview.js'

/** The mock's district (or another dataset) behind the real proxy. */
function createBackend(dataset: MockEpaasOptions['dataset']) {
  const mock = createMockEpaas({ dataset })
  const userToken = mock.issueUserToken()
  const quiet = { debug() {}, info() {}, warn() {}, error() {} }
  const proxy = createEpaasProxy({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    authorize: () => true,
    getUserToken: () => userToken,
    orgToken: staticToken(mock.issueOrgToken()),
    rateLimit: false,
    logger: quiet,
  })
  return { mock, userToken, proxy }
}

const { mock, userToken, proxy } = createBackend('district')

/** The page's API on a proxy's handler, keeping each resolve answer's text. */
function setup(backend = proxy) {
  const answers: string[] = []
  const log = createRequestLog(async (input, init) => {
    const url = new URL(String(input), 'http://demo.test')
    const response = await backend.handle(new Request(url, init))
    if (url.pathname.endsWith('/resolve')) answers.push(await response.clone().text())
    return response
  })
  const api = createDemoApi(log)
  const queryClient = new QueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <DemoApiProvider value={{ api, log }}>{children}</DemoApiProvider>
    </QueryClientProvider>
  )
  return { answers, log, wrapper }
}

/** A department as the picker puts it in the value (labels, type, `has_sub_org`, ...). */
function departmentItem(node: SelectNode): SelectedDepartment {
  return {
    type: 'department',
    id: node.id,
    corpid: node.corpid,
    name: node.name,
    path: node.path,
    id_path: node.id_path,
    department_type: node.department_type,
    select_node_type: node.select_node_type,
    has_sub_org: node.has_sub_org,
  }
}

/** The bureau root as the picker puts it in the value. */
async function bureauRoot(): Promise<SelectedDepartment> {
  const [root] = (
    await proxy.client.selectDepartments(
      { id: '0', is_show_root: true, is_include_sub_org: true },
      { userToken },
    )
  ).node_list as [SelectNode]
  return departmentItem(root)
}

async function preview(
  value: PickerValue,
  channel: ResolveChannel,
  roleIds: Role[],
  backend = proxy,
) {
  const { answers, log, wrapper } = setup(backend)
  const { result } = renderHook(() => useRecipientPreview({ value, roleIds, channel }), {
    wrapper,
  })
  await waitFor(() => expect(result.current.status).toBe('done'), { timeout: 20_000 })
  const state = result.current as Extract<RecipientPreviewState, { status: 'done' }>
  const sent = log.getSnapshot().filter((r) => r.source === 'resolve')
  return { preview: state.preview, answers, sent }
}

// A resolve of the district reads hundreds of levels: its wait (20 s) and so the test's timeout
// (30 s) are generous for one busy core.
describe('useRecipientPreview', { timeout: 30_000 }, () => {
  test('counts a bureau root with its schools, downloading no recipient', async () => {
    const value = { ...emptyPickerValue(), departments: [await bureauRoot()] }
    const { preview: result, answers, sent } = await preview(value, 'epaas', [11, 12, 13])
    expect(sent).toHaveLength(1)
    expect(sent[0]?.body).toMatchObject({ recipients: 'none' })
    expect(answers[0]).not.toContain('"type":"recipients"')
    expect(answers[0]!.length).toBeLessThan(8 * 1024)

    const full = await proxy.client.resolveAll({ value, role_ids: [11, 12, 13] }, { userToken })
    expect(result.summary).toEqual(full.summary)
    expect(result.summary.total).toBe(mock.data.users.reduce((n, u) => n + u.roles.length, 0))
    expect(result.summary.sub_organizations).toBe(32)
    expect(result.unmapped).toEqual([])
  })

  test('on WeCom, downloads only the people WeCom cannot reach', async () => {
    const school = mock.data.organizationByCorpid.get(800003)!
    const [node] = (
      await proxy.client.selectDepartments({ id: '0', is_include_sub_org: true }, { userToken })
    ).node_list.filter((n) => n.corpid === String(school.corpid)) as [SelectNode]
    const value: PickerValue = {
      ...emptyPickerValue(),
      departments: [departmentItem(node)],
    }
    const { preview: result, answers, sent } = await preview(value, 'wecom', [11, 13])
    expect(sent[0]?.body).toMatchObject({ recipients: 'unmapped', channel: 'wecom' })

    const full = await proxy.client.resolveAll(
      { value, role_ids: [11, 13], channel: 'wecom' },
      { userToken },
    )
    expect(result.summary).toEqual(full.summary)
    const unmapped = full.recipients.filter((r) => r.qywechat_id === null)
    expect(unmapped.length).toBeGreaterThan(0)
    expect(result.unmapped).toEqual(expect.arrayContaining(unmapped))
    expect(result.unmapped).toHaveLength(unmapped.length)
    const fullBytes = JSON.stringify(full.recipients).length
    expect(answers[0]!.length).toBeLessThan(fullBytes / 5)
  })

  test('counts a school with branch schools with its branches (has_sub_org reaches resolve)', async () => {
    const nested = createBackend(generateDataset('district', 1, { branchSchools: 2 }))
    const group = nested.mock.data.organizationByCorpid.get(800001)!
    const [node] = (
      await nested.proxy.client.selectDepartments(
        { id: '0', is_include_sub_org: true },
        { userToken: nested.userToken },
      )
    ).node_list.filter((n) => n.corpid === String(group.corpid)) as [SelectNode]
    // A school (type 0): only the tree's has_sub_org says it has branches.
    expect(node).toMatchObject({ has_sub_org: true, department_type: 0 })
    const value = { ...emptyPickerValue(), departments: [departmentItem(node)] }
    const { preview: result } = await preview(value, 'epaas', [11, 12, 13], nested.proxy)
    expect(result.summary.sub_organizations).toBe(2)

    const withoutBranches = await nested.proxy.client.resolveAll(
      { value: { ...value, departments: [{ ...value.departments[0]!, has_sub_org: false }] } },
      { userToken: nested.userToken },
    )
    expect(result.summary.total).toBeGreaterThan(withoutBranches.summary.total)
  })
})
