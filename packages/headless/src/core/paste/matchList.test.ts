/**
 * Paste a list against the mock's real search: same-named people, exact phone numbers, a parent
 * listed once per child, role filters, bounded concurrency, cancel, a failed search and its retry,
 * and one value change on apply.
 */
import { Role, type PickerValue, type SelectDepartmentsRequest } from '@epaas-picker/protocol'
import { createMockEpaas } from '@epaas-picker/mock-server'
import { createEpaasClient } from '@epaas-picker/protocol'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPickerStore } from '../createPickerStore.js'
import type { PickerStoreOptions } from '../PickerStore.js'
import { matchList, type ListMatch, type ListMatchSnapshot } from './matchList.js'

const mock = createMockEpaas({ dataset: 'small' })
const { data } = mock

let stop: (() => void) | undefined
afterEach(() => {
  stop?.()
  mock.faults.reset()
})

/** A started store on the mock; `inFlight` tracks the most searches at once. */
function storeOnMock(options: PickerStoreOptions = {}) {
  const client = createEpaasClient({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    token: mock.issueUserToken(),
  })
  const searches = { inFlight: 0, most: 0, sent: [] as SelectDepartmentsRequest[] }
  const onValueChange = vi.fn<(value: PickerValue) => void>()
  const store = createPickerStore({
    transport: async (request, { signal }) => {
      const search = request.key !== undefined
      if (search) {
        searches.sent.push(request)
        searches.most = Math.max(searches.most, ++searches.inFlight)
      }
      try {
        return (await client.selectDepartments(request, signal ? { signal } : {})).node_list
      } finally {
        if (search) searches.inFlight--
      }
    },
    select_role_list: [Role.Student, Role.Teacher, Role.Parent],
    onValueChange,
    ...options,
  })
  store.start()
  stop = () => store.destroy()
  return { store, searches, onValueChange }
}

function started(
  text: string,
  store: ReturnType<typeof storeOnMock>['store'],
  concurrency?: number,
) {
  const result = matchList(store, text, concurrency ? { concurrency } : {})
  if (!result.ok) throw new Error(`not started: ${result.reason}`)
  return result.match
}

function settled(match: ListMatch): Promise<ListMatchSnapshot> {
  return new Promise((resolve) => {
    const check = () => {
      const state = match.getSnapshot()
      if (state.status !== 'matching') {
        unsubscribe()
        resolve(state)
      }
    }
    const unsubscribe = match.subscribe(check)
    check()
  })
}

/** Two people with one name, and someone whose name is theirs alone. */
function sameNamed() {
  const byName = new Map<string, typeof data.users>()
  for (const user of data.users) byName.set(user.name, [...(byName.get(user.name) ?? []), user])
  const twins = [...byName.values()].find(
    (users) => users.length === 2 && users.every((u) => u.roles.includes(Role.Student)),
  )!
  const unique = [...byName.values()].find(
    (users) => users.length === 1 && users[0]!.roles.length === 1,
  )![0]!
  return { twins, unique }
}

describe('matchList', () => {
  it('picks unique names and phones, asks about same-named people, lists what matches nobody', async () => {
    const { store } = storeOnMock()
    const { twins, unique } = sameNamed()
    const phoneOf = data.users.find((u) => u !== unique && u.roles.length === 1)!
    const text = `${unique.name}，${twins[0]!.name}\n${phoneOf.phone.slice(0, 3)} ${phoneOf.phone.slice(3)}、不存在的人；${unique.name}`
    const state = await settled(started(text, store))
    expect(state.duplicates).toBe(1)
    const byToken = new Map(state.entries.map((e) => [e.token, e]))
    expect(byToken.get(unique.name)).toMatchObject({ kind: 'name', status: 'matched' })
    expect(byToken.get(unique.name)!.chosen!.node.id).toBe(String(unique.userid))
    const twinsEntry = byToken.get(twins[0]!.name)!
    expect(twinsEntry).toMatchObject({ status: 'ambiguous', chosen: null })
    expect(new Set(twinsEntry.candidates.map((c) => c.node.id))).toEqual(
      new Set(twins.map((t) => String(t.userid))),
    )
    // Each candidate carries where it is, to choose by.
    for (const candidate of twinsEntry.candidates) expect(candidate.node.path).toBeTruthy()
    expect(byToken.get(phoneOf.phone)).toMatchObject({ kind: 'phone', status: 'matched' })
    expect(byToken.get('不存在的人')).toMatchObject({ status: 'missing', candidates: [] })
    expect(state.counts).toEqual({ chosen: 2, pending: 1, missing: 1, failed: 0 })
  })

  it('lists a parent found by phone once, with every child', async () => {
    const { store } = storeOnMock()
    const parent = data.users.find(
      (u) => u.roles.length === 1 && u.roles[0] === Role.Parent && u.listings.length >= 2,
    )!
    const state = await settled(started(parent.phone, store))
    const [entry] = state.entries
    expect(entry).toMatchObject({ status: 'matched' })
    expect(entry!.candidates).toHaveLength(1)
    const result = store.tickAll([entry!.chosen!])
    expect(result.ticked).toEqual([entry!.chosen!.entityKey])
    expect(store.getSnapshot().value.users[0]!.children!.length).toBe(parent.listings.length)
  })

  it('honours the role filter: a teacher is not found among students', async () => {
    const { store } = storeOnMock({ select_role_list: [Role.Student] })
    const teacher = data.users.find((u) => u.roles.length === 1 && u.roles[0] === Role.Teacher)!
    const student = data.users.find(
      (u) =>
        u.roles.length === 1 &&
        u.roles[0] === Role.Student &&
        data.users.filter((o) => o.name === u.name).length === 1,
    )!
    const state = await settled(started(`${teacher.name} ${student.name}`, store))
    expect(state.entries.map((e) => e.status)).toEqual(['missing', 'matched'])
  })

  it('runs 200 tokens with at most 4 searches at once, each with the filters', async () => {
    const { store, searches } = storeOnMock({ department_type_list: [1, 2], hide_creator: true })
    mock.faults.set({ latencyMs: 2 })
    const names = [...new Set(data.users.map((u) => u.name))].slice(0, 200)
    const state = await settled(started(names.join('\n'), store, 4))
    expect(state.done).toBe(200)
    expect(searches.sent).toHaveLength(200)
    expect(searches.most).toBeLessThanOrEqual(4)
    expect(searches.most).toBeGreaterThan(1)
    for (const request of searches.sent) {
      expect(request).toMatchObject({
        department_type_list: [1, 2],
        hide_creator: true,
        select_role_list: [11, 12, 13],
      })
    }
  }, 60_000)

  it('cancelled midway, leaves the value as it was and sends no more', async () => {
    const { store, searches, onValueChange } = storeOnMock()
    mock.faults.set({ latencyMs: 30 })
    const names = [...new Set(data.users.map((u) => u.name))].slice(0, 40)
    const match = started(names.join(' '), store, 2)
    await new Promise((resolve) => setTimeout(resolve, 80))
    match.cancel()
    const sent = searches.sent.length
    expect(sent).toBeLessThan(40)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(searches.sent.length).toBe(sent)
    expect(match.getSnapshot().status).toBe('cancelled')
    expect(onValueChange).not.toHaveBeenCalled()
    expect(store.getSnapshot().value).toEqual({ departments: [], users: [], excluded: [] })
  })

  it("shows a failed token's error, and its retry matches", async () => {
    const { store } = storeOnMock()
    const { unique } = sameNamed()
    mock.faults.set({ http502Rate: 1 })
    const match = started(unique.name, store)
    let state = await settled(match)
    expect(state.entries[0]).toMatchObject({ status: 'error' })
    expect(state.counts.failed).toBe(1)
    mock.faults.reset()
    match.retry(unique.name)
    state = await settled(match)
    expect(state.entries[0]).toMatchObject({ status: 'matched' })
  })

  it('applies as one change, with each refusal (disabled, maximum) reported per person', async () => {
    const { twins, unique } = sameNamed()
    const others = data.users
      .filter(
        (u) => u.roles.length === 1 && data.users.filter((o) => o.name === u.name).length === 1,
      )
      .slice(1, 4)
    const { store, onValueChange } = storeOnMock({
      maxCount: 3,
      disabledItems: [{ type: 'user', userid: String(others[0]!.userid), reason: '已离职' }],
    })
    const match = started(
      [unique.name, ...others.map((o) => o.name), twins[0]!.name].join('\n'),
      store,
    )
    const state = await settled(match)
    const twinsEntry = state.entries.find((e) => e.token === twins[0]!.name)!
    match.choose(twinsEntry.token, twinsEntry.candidates[1]!.key)
    expect(match.getSnapshot().counts.pending).toBe(0)
    const result = match.apply()
    expect(onValueChange).toHaveBeenCalledTimes(1)
    // Five people: one disabled by the app, and one more than the maximum of 3.
    expect(result.refused.map((r) => r.code)).toEqual(['disabled', 'maximum'])
    expect(result.refused[0]).toMatchObject({ reason: '已离职', name: others[0]!.name })
    expect(result.ticked).toHaveLength(3)
    expect(store.getSnapshot().value.users).toHaveLength(3)
  })

  it('sends nothing for an empty paste, nor for one over the limit', () => {
    const { store, searches } = storeOnMock()
    expect(matchList(store, ' \n，、 ')).toEqual({ ok: false, reason: 'empty' })
    const many = Array.from({ length: 501 }, (_, i) => `人${i}`).join(' ')
    expect(matchList(store, many)).toEqual({
      ok: false,
      reason: 'too-many',
      count: 501,
      maximum: 500,
    })
    expect(searches.sent).toHaveLength(0)
  })
})
