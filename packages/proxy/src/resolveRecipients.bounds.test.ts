/**
 * `resolve`'s memory bounds, seen from outside: a slow consumer of the events and a counter in
 * the upstream (the mock in process, its `/department/user/get` calls counted as they start).
 * The upstream runs ahead of the consumer by at most the look-ahead window; the recipients
 * between the stages are at most one chunk plus one answer; past `maxRecipients` the resolve
 * fails before it has taken in more than the limit and one answer.
 */
import { generateDataset, LARGE_DEPARTMENT_NAME } from '@epaas-picker/mock-server'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { createUpstream } from './createUpstream.js'
import { createRedactor } from './redact.js'
import { resolveRecipients, type ResolveEvent, type ResolveInput } from './resolveRecipients.js'
import { stageUpstream } from './test/stageUpstream.js'

const GROUPS = 30
const PEOPLE = 40
const CONCURRENCY = 2
/** The look-ahead: calls started before the consumer has taken their answers. */
const WINDOW = CONCURRENCY * 2
const PER_CHUNK = 100

/** The mock with 30 departments of 40 teachers, and an upstream that counts expansions. */
function setup() {
  const dataset = generateDataset('small', 1, {
    largeDepartment: { groups: GROUPS, people: PEOPLE },
  })
  const { mock, userToken, mapping } = stageUpstream(dataset)
  const calls = { started: 0 }
  const upstream = createUpstream({
    baseUrl: 'http://mock.epaas',
    fetch: (input, init) => {
      if (String(input).includes('/department/user/get')) calls.started += 1
      return mock.fetch(input, init)
    },
    timeoutMs: 10_000,
    emit: () => undefined,
    redactor: createRedactor(),
  })
  const large = mock.data.departments.find((d) => d.name === LARGE_DEPARTMENT_NAME)!
  const value: ResolveInput['value'] = {
    departments: large.childIds.map((id) => ({ corpid: String(large.corpid), id: String(id) })),
    users: [],
    excluded: [],
  }
  const deps = (maxRecipients: number) => ({
    upstream,
    userToken,
    mapping,
    maxRecipients,
    maxSubOrganizations: 10,
    options: { departmentsPerCall: 1, concurrency: CONCURRENCY, recipientsPerChunk: PER_CHUNK },
  })
  return { calls, value, deps }
}

/** Reads the events slowly, noting after each what the upstream and the stages hold. */
async function readSlowly(events: AsyncIterable<ResolveEvent>, calls: { started: number }) {
  const seen = { received: 0, answersTaken: 0, maxAhead: 0, maxBetween: 0 }
  for await (const event of events) {
    if (event.type === 'progress') seen.answersTaken = event.departments_done
    if (event.type === 'recipients') seen.received += event.recipients.length
    // Each answer taken brought PEOPLE new recipients: those not received wait between stages.
    seen.maxBetween = Math.max(seen.maxBetween, seen.answersTaken * PEOPLE - seen.received)
    seen.maxAhead = Math.max(seen.maxAhead, calls.started - seen.answersTaken)
    // A slow consumer: every call that could start, starts, and its answer arrives.
    await sleep(2)
  }
  return seen
}

describe('resolve memory', () => {
  it('runs at most the look-ahead window ahead of a slow consumer, and holds at most one chunk plus one answer', async () => {
    const { calls, value, deps } = setup()
    const seen = await readSlowly(resolveRecipients({ value }, deps(100_000)), calls)

    expect(seen.received).toBe(GROUPS * PEOPLE)
    expect(calls.started).toBe(GROUPS)
    expect(seen.maxAhead).toBeLessThanOrEqual(WINDOW)
    expect(seen.maxBetween).toBeLessThanOrEqual(PER_CHUNK + PEOPLE)
  })

  it('fails with too_many_recipients before taking in more than the limit and one answer', async () => {
    const { calls, value, deps } = setup()
    const limit = 5 * PEOPLE + PEOPLE / 2
    const seen = { received: 0, answersTaken: 0 }
    const run = async () => {
      for await (const event of resolveRecipients({ value }, deps(limit))) {
        if (event.type === 'progress') seen.answersTaken = event.departments_done
        if (event.type === 'recipients') seen.received += event.recipients.length
        await sleep(2)
      }
    }
    await expect(run()).rejects.toMatchObject({ code: 'too_many_recipients' })

    expect(seen.received).toBeLessThanOrEqual(limit)
    // The sixth answer crosses the limit: it is never reported as taken...
    expect(seen.answersTaken).toBeLessThanOrEqual(Math.floor(limit / PEOPLE))
    // ...and no call starts beyond the window after it.
    expect(calls.started).toBeLessThanOrEqual(Math.ceil(limit / PEOPLE) + WINDOW)
  })
})
