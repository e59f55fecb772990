/**
 * `resolve` under the mock's fault switches, over real HTTP: latency spikes past the timeout,
 * bursts of errcode -1, 502s, hanging answers, malformed JSON, a user token revoked mid-run, and
 * all of them at once. Every run either completes with exactly the recipients of a fault-free
 * run, or fails with a clear error (an error line, no summary): a partial list is never marked
 * complete, even when recipients were already streamed before the failure.
 */
import type { FaultSettings } from '@epaas-picker/mock-server'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ProxyError, errorStatus } from './ProxyError.js'
import { readResolveStream, ResolveStreamError } from './readResolveStream.js'
import type { Recipient, ResolveEvent, ResolveInput } from './resolveRecipients.js'
import { staticToken } from './tokens/TokenSource.js'
import {
  type MockServer,
  SESSION_HEADER,
  orgToken,
  serveProxy,
  startMock,
  testProxy,
  userToken,
} from './test/harness.js'
import { classes } from './test/oracle.js'

const RUNS_PER_SCENARIO = 8

let server: MockServer
let value: ResolveInput['value']
let reference: string[]

beforeAll(async () => {
  server = await startMock()
  const { data } = server.mock
  // Many classes, so that one resolve makes many upstream calls and streams many chunks.
  const picked = classes(data).slice(0, 16)
  const corpid = String(data.topCorpid)
  const excludedClass = picked[1]!
  const someone = picked[2]!.members.find((m) => m.role === 11)!
  value = {
    departments: picked.map((d) => ({ corpid, id: String(d.id) })),
    users: [{ corpid, userid: String(data.users[0]!.userid), role_id: data.users[0]!.roles[0]! }],
    excluded: [
      { type: 'department', corpid, id: String(excludedClass.id) },
      { type: 'user', corpid, userid: String(someone.userid), role_id: 11 },
    ],
  }
  const { recipients, summary } = await proxy().client.resolveAll(
    { value, channel: 'wecom' },
    { userToken: userToken(server.mock) },
  )
  reference = normalize(recipients)
  expect(summary.total).toBe(recipients.length)
  expect(reference.length).toBeGreaterThan(300)
})
afterEach(() => server.mock.faults.reset())
afterAll(() => server.close())

function proxy(options: Parameters<typeof testProxy>[1] = {}) {
  return testProxy(server, {
    orgToken: staticToken(orgToken(server.mock)),
    timeoutMs: 5000,
    resolve: { departmentsPerCall: 2, concurrency: 4, recipientsPerChunk: 60 },
    mapping: { chunkSize: 50 },
    cache: false,
    ...options,
  })
}

/** Recipients as sorted lines, for an exact comparison. */
function normalize(recipients: Recipient[]) {
  return recipients
    .map(
      (r) =>
        `${r.corpid}:${r.userid}:${r.role_id}:${[...r.child_ids].sort().join(',')}:${r.qywechat_id}`,
    )
    .sort()
}

interface Outcome {
  complete: boolean
  /** Recipients streamed before the end (whether or not it completed). */
  streamed: number
  error?: ResolveStreamError
}

/** One resolve over HTTP, read with `readResolveStream`; the raw lines are checked too. */
async function resolveOverHttp(
  options: Parameters<typeof testProxy>[1],
  token: string,
  onEvent?: (event: ResolveEvent) => void,
): Promise<Outcome> {
  const served = await serveProxy(proxy(options))
  try {
    const response = await fetch(`${served.url}/api/epaas/resolve`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
        [SESSION_HEADER]: token,
      },
      body: JSON.stringify({ value, channel: 'wecom' }),
    })
    const recipients: Recipient[] = []
    try {
      for await (const event of readResolveStream(response)) {
        onEvent?.(event)
        if (event.type === 'recipients') recipients.push(...event.recipients)
        if (event.type === 'summary') {
          // Complete: exactly the fault-free answer, and the summary agrees with it.
          expect(normalize(recipients)).toEqual(reference)
          expect(event.total).toBe(reference.length)
        }
      }
      return { complete: true, streamed: recipients.length }
    } catch (error) {
      if (!(error instanceof ResolveStreamError)) throw error
      return { complete: false, streamed: recipients.length, error }
    }
  } finally {
    await served.close()
  }
}

/** A failure must say what happened: a known code, a message, and no summary was seen. */
function expectClearFailure(outcome: Outcome, codes: readonly string[]) {
  const { error } = outcome
  expect(error).toBeInstanceOf(ResolveStreamError)
  expect(error?.message).toBeTruthy()
  expect(codes).toContain(error?.error?.code)
  expect(errorStatus[error?.error?.code as keyof typeof errorStatus]).toBeGreaterThanOrEqual(400)
}

const upstreamFailures = [
  'upstream_error',
  'upstream_http_error',
  'upstream_malformed',
  'upstream_timeout',
  'upstream_unreachable',
] as const

// Rates such that some runs complete and some fail: one resolve makes about 50 upstream calls
// (expansions, then WeCom lookups per chunk). `timeoutMs` is the proxy's upstream timeout.
const scenarios: [string, Partial<FaultSettings>, number][] = [
  // On the expansions only: WeCom lookups go one chunk after the other, and would make it slow.
  [
    'latency spikes past the timeout',
    { latencyMs: 0, latencyJitterMs: 280, paths: ['/department/user/get'] },
    250,
  ],
  ['bursts of errcode -1', { busyRate: 0.35 }, 5000],
  ['502s', { http502Rate: 0.015 }, 5000],
  ['hanging answers', { hangRate: 0.015 }, 250],
  ['malformed JSON', { malformedRate: 0.015 }, 5000],
  [
    'all of them at once',
    {
      latencyMs: 5,
      latencyJitterMs: 60,
      busyRate: 0.2,
      http502Rate: 0.005,
      hangRate: 0.005,
      malformedRate: 0.005,
    },
    250,
  ],
]

const tally = { runs: 0, complete: 0, failed: 0, failedMidStream: 0, faults: 0 }
const byScenario: string[] = []
afterAll(() => {
  console.info(`resolve under faults, by scenario:\n${byScenario.join('\n')}`)
  console.info(
    `resolve under faults: ${tally.runs} runs, ${tally.complete} complete and exact, ${tally.failed} failed clearly (${tally.failedMidStream} after recipients were streamed), ${tally.faults} faults injected`,
  )
})

describe('resolve under faults', () => {
  for (const [name, faults, timeoutMs] of scenarios) {
    it(`${name}: complete and exact, or a clear failure`, async () => {
      const token = userToken(server.mock)
      const mine = { complete: 0, failed: 0, codes: new Set<string>() }
      for (let run = 0; run < RUNS_PER_SCENARIO; run++) {
        server.mock.resetLog()
        server.mock.faults.set(faults)
        const outcome = await resolveOverHttp(
          { timeoutMs, retry: { minDelayMs: 2, maxDelayMs: 10 } },
          token,
        )
        tally.runs += 1
        tally.faults += server.mock.requests.filter((r) => r.fault !== undefined).length
        if (outcome.complete) {
          tally.complete += 1
          mine.complete += 1
        } else {
          tally.failed += 1
          mine.failed += 1
          mine.codes.add(outcome.error?.error?.code ?? '?')
          if (outcome.streamed > 0) tally.failedMidStream += 1
          expectClearFailure(outcome, upstreamFailures)
        }
      }
      byScenario.push(
        `${name}: ${mine.complete} complete and exact, ${mine.failed} failed (${[...mine.codes].join(', ')})`,
      )
    }, 60_000)
  }

  it('a user token revoked mid-run: refreshed through getUserToken, the resolve completes', async () => {
    let token = userToken(server.mock)
    let refreshed = 0
    const outcome = await resolveOverHttp(
      {
        getUserToken: (_request, { stale }) => {
          if (stale) {
            refreshed += 1
            token = userToken(server.mock)
          }
          return token
        },
      },
      token,
      (event) => {
        // After the first expansion, the session's token stops working upstream.
        if (event.type === 'progress' && event.departments_done === 2) {
          server.mock.revokeToken(token)
        }
      },
    )
    expect(outcome.complete).toBe(true)
    expect(refreshed).toBeGreaterThanOrEqual(1)
    tally.runs += 1
    tally.complete += 1
  })

  it('a user token revoked mid-run with no fresh one: a clear 401-class failure, no summary', async () => {
    const token = userToken(server.mock)
    const outcome = await resolveOverHttp({}, token, (event) => {
      if (event.type === 'progress' && event.departments_done === 2) server.mock.revokeToken(token)
    })
    expect(outcome.complete).toBe(false)
    expect(outcome.streamed).toBeGreaterThan(0)
    expectClearFailure(outcome, ['user_token_rejected'])
    tally.runs += 1
    tally.failed += 1
    tally.failedMidStream += 1
  })

  it('the server-side client throws on a failure, never answers a partial list', async () => {
    server.mock.faults.set({ http502Rate: 0.3 })
    const p = proxy({ retry: { minDelayMs: 2, maxDelayMs: 10 } })
    const token = userToken(server.mock)
    let threw = 0
    for (let run = 0; run < 6; run++) {
      try {
        const { recipients } = await p.client.resolveAll(
          { value, channel: 'wecom' },
          { userToken: token },
        )
        expect(normalize(recipients)).toEqual(reference)
      } catch (error) {
        threw += 1
        expect(error).toBeInstanceOf(Error)
        expect(error instanceof ProxyError || (error as Error).name === 'EpaasRequestError').toBe(
          true,
        )
      }
    }
    // With 30 % of the calls failing and no retry of 502s, resolves of this size fail.
    expect(threw).toBeGreaterThan(0)
  })

  it('faults did happen, and some failures came after recipients had been streamed', () => {
    expect(tally.faults).toBeGreaterThan(50)
    expect(tally.failedMidStream).toBeGreaterThan(0)
    expect(tally.complete).toBeGreaterThan(0)
  })
})
