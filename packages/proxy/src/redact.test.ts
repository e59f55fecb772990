/**
 * No token in any captured output: everything logged, every answer's body and headers, every
 * error, across a run that exercises every route, failure and token refresh, grepped for every
 * token the mock issued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEpaasClient } from '@epaas-picker/protocol'
import { createRedactor } from './redact.js'
import { tokenFromFunction } from './tokens/tokenFromFunction.js'
import {
  type MockServer,
  SESSION_HEADER,
  captured,
  mockSuiteSource,
  orgToken,
  post,
  serveProxy,
  startMock,
  testProxy,
  userToken,
} from './test/harness.js'
import { createEpaasProxy } from './createEpaasProxy.js'
import { capturingLogger } from './test/harness.js'

let server: MockServer
const outputs: string[] = []
const restore: (() => void)[] = []

/** Keeps everything written to stdout, stderr and the console while still writing it. */
function captureProcessOutput() {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream)
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      outputs.push(String(chunk))
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof stream.write
    restore.push(() => {
      stream.write = write
    })
  }
  // The console is wrapped, not used: every method, so nothing printed escapes the grep.
  const terminal = console as unknown as Record<string, (...args: unknown[]) => void>
  for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = terminal[method]!
    terminal[method] = (...args: unknown[]) => {
      outputs.push(
        args
          .map((a) =>
            a instanceof Error ? `${a.message} ${a.stack}` : (JSON.stringify(a) ?? String(a)),
          )
          .join(' '),
      )
      original(...args)
    }
    restore.push(() => {
      terminal[method] = original
    })
  }
}

async function keep(response: Response) {
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')
  const body = await response.text()
  outputs.push(headers, body)
  return { status: response.status, body }
}

beforeAll(async () => {
  captureProcessOutput()
  server = await startMock()
})
afterAll(async () => {
  for (const undo of restore) undo()
  await server.close()
})

describe('redaction', () => {
  it('redacts registered secrets and secret-looking parameters', () => {
    const redactor = createRedactor()
    redactor.register('abcdef0123456789')
    expect(redactor.redactString('GET /x?access_token=zzz&y=1 and abcdef0123456789')).toBe(
      'GET /x?access_token=[REDACTED]&y=1 and [REDACTED]',
    )
    const error = new Error('failed with abcdef0123456789', {
      cause: new Error('suite_ticket: t0p'),
    })
    expect(
      JSON.stringify(redactor.redact({ err: error, token: 'x', nested: { permanent_code: 'p' } })),
    ).not.toMatch(/abcdef0123456789|t0p|"x"|"p"/)
  })

  it('leaks no token into logs, answers, headers or errors across a full run', async () => {
    const { data } = server.mock
    let user = userToken(server.mock)
    const proxy = testProxy(server, {
      orgToken: mockSuiteSource(server),
      getUserToken: (request, { stale }) => {
        if (stale) user = userToken(server.mock)
        return request.headers.get(SESSION_HEADER) === 'session' ? user : undefined
      },
      timeoutMs: 300,
    })
    const http = await serveProxy(proxy)
    const session = { [SESSION_HEADER]: 'session', 'x-epaas-proxy': '1' }
    try {
      const browser = createEpaasClient({ baseUrl: `${http.url}/api/epaas`, headers: session })
      const klass = data.departments.find((d) => d.tag === 5)!
      const ids = data.users.slice(0, 30).map((u) => String(u.userid))
      const calls = async () => {
        await browser.selectDepartments({ id: '0' }).catch(() => undefined)
        await browser
          .getDepartmentUsers({
            org_department_info_list: [
              { corpid: String(klass.corpid), department_ids: [String(klass.id)] },
            ],
          })
          .catch(() => undefined)
        await browser.getQywxCorpid().catch(() => undefined)
        await browser.getQywechatUserIds({ userids: ids }).catch(() => undefined)
        await browser.getDingtalkUserIds({ userids: ids }).catch(() => undefined)
        const value = {
          departments: [{ corpid: String(klass.corpid), id: String(klass.id) }],
          users: [],
          excluded: [],
        }
        for (const channel of ['epaas', 'wecom'] as const) {
          const response = await fetch(`${http.url}/api/epaas/resolve`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...session },
            body: JSON.stringify({ value, channel }),
          })
          await keep(response)
        }
      }
      await calls()
      // Tokens revoked mid-run: user and org tokens are refreshed and retried.
      server.mock.revokeAllTokens()
      await calls()
      // Every fault, every error path.
      for (const fault of [
        { busyRate: 1 },
        { http502Rate: 1 },
        { malformedRate: 1 },
        { hangRate: 1 },
      ]) {
        server.mock.faults.set(fault)
        await calls()
        server.mock.faults.reset()
      }
      for (const [path, body] of [
        ['/campus/department/select', { id: 'x' }],
        ['/resolve', '{'],
        ['/nope', {}],
        [
          '/department/user/get',
          { org_department_info_list: [{ corpid: 1, department_ids: [1] }] },
        ],
      ] as const) {
        await keep(await proxy.handle(post(path, body, { headers: session })))
      }
      // A token upstream refuses for good, with a static source.
      const dead = orgToken(server.mock)
      server.mock.revokeToken(dead)
      const refused = testProxy(server, { orgToken: tokenFromFunction(() => dead) })
      await keep(await refused.handle(post('/user/qywechat/get_qywechat_ids', { userids: ids })))
      // A transport error whose message quotes the URL, token included.
      const leaky = createEpaasProxy({
        baseUrl: server.url,
        authorize: () => true,
        getUserToken: () => user,
        logger: capturingLogger(),
        fetch: async (input) => {
          throw new TypeError(`connect failed for ${String(input)}`)
        },
      })
      const failed = await keep(await leaky.handle(post('/campus/department/select', { id: 0 })))
      expect(failed.status).toBe(502)
      expect(failed.body).toContain('[REDACTED]')
      // The server-side client's errors too.
      await proxy.client
        .getQywechatUserIds({ userids: ['1'] })
        .catch((error: Error) => outputs.push(error.message))
    } finally {
      await http.close()
    }

    const everything = [...captured.lines, ...outputs].join('\n')
    expect(captured.issuedTokens.size).toBeGreaterThan(5)
    expect(captured.lines.length).toBeGreaterThan(50)
    for (const token of captured.issuedTokens) {
      expect(token.length).toBeGreaterThan(8)
      if (everything.includes(token)) throw new Error(`token ${token.slice(0, 4)}... leaked`)
    }
  })
})
