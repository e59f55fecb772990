/**
 * A picker store on the mock ePaaS, a proxy beside it whose real `resolve` says who a value
 * reaches, and a record of every node the mock answered the store (what the tree may know).
 */
import {
  createPickerStore,
  type PickerStore,
  type PickerStoreOptions,
} from '@epaas-picker/headless/core'
import { createMockEpaas, type MockEpaasOptions } from '@epaas-picker/mock-server'
import {
  createEpaasClient,
  entityKey,
  IdType,
  Role,
  type PickerValue,
  type SelectNode,
} from '@epaas-picker/protocol'
import { createEpaasProxy } from '@epaas-picker/proxy'
import { pino } from 'pino'

/** Every role, as the pickers of these tests list and resolve them. */
export const ALL_ROLES = [Role.Student, Role.Teacher, Role.Parent]

/** The entity key of a person in a dataset. */
export const personKey = (corpid: number | string, userid: number | string, role: number) =>
  entityKey({ type: 'user', corpid: String(corpid), userid: String(userid), role_id: role as Role })

/** A picker store (controlled by a stand-in parent) and the real `resolve`, on one mock. */
export function pickerOnMock(mockOptions: MockEpaasOptions, options: PickerStoreOptions = {}) {
  const mock = createMockEpaas(mockOptions)
  const token = mock.issueUserToken()
  const client = createEpaasClient({ baseUrl: 'http://mock.epaas', fetch: mock.fetch, token })
  const proxy = createEpaasProxy({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    authorize: () => true,
    getUserToken: () => token,
    rateLimit: false,
    logger: pino({ level: 'silent' }),
  })

  // Nodes the store read (an answer it gave up on is never read): person key -> nodes.
  const answered = new Map<string, SelectNode[]>()
  let inflight = 0
  let value: PickerValue = { departments: [], users: [], excluded: [] }
  const storeOptions: PickerStoreOptions = {
    transport: async (request, { signal }) => {
      inflight += 1
      try {
        const { node_list } = await client.selectDepartments(request, signal ? { signal } : {})
        if (!signal?.aborted) record(answered, node_list)
        return node_list
      } finally {
        inflight -= 1
      }
    },
    select_type: 0,
    select_role_list: ALL_ROLES,
    need_users_total: true,
    searchDebounceMs: 0,
    ...options,
    // A parent holding the value, as a form would: every change comes back as the prop.
    value,
    onValueChange: (next) => setValue(next),
  }
  const store: PickerStore = createPickerStore(storeOptions)
  function setValue(next: PickerValue) {
    value = next
    store.setOptions({ ...storeOptions, value })
  }
  store.start()

  /** Waits until no request is in flight and timers have run, twice in a row. */
  async function settle() {
    for (let quiet = 0; quiet < 2;) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      quiet = inflight === 0 ? quiet + 1 : 0
    }
  }

  /** The people the real `resolve` reaches with `value`, by entity key. */
  async function recipientsOf(next: PickerValue): Promise<Set<string>> {
    const { recipients } = await proxy.client.resolveAll(
      { value: next, role_ids: ALL_ROLES },
      { userToken: token },
    )
    return new Set(recipients.map((r) => personKey(r.corpid, r.userid, r.role_id)))
  }

  /** A `fetch` reaching the proxy's handler, as a browser page on the app's origin would. */
  const proxyFetch: typeof fetch = (input, init) =>
    proxy.handle(new Request(new URL(String(input), 'http://app.test'), init))

  return {
    mock,
    proxy,
    token,
    store,
    answered,
    settle,
    recipientsOf,
    setValue,
    proxyFetch,
    value: () => value,
  }
}

function record(answered: Map<string, SelectNode[]>, nodes: readonly SelectNode[]) {
  for (const node of nodes) {
    if (node.id_type !== IdType.User) continue
    const key = personKey(node.corpid, node.id, node.role_id)
    const list = answered.get(key)
    if (list) list.push(node)
    else answered.set(key, [node])
  }
}
