/**
 * Load through the proxy: the mock ePaaS on loopback with a fixed latency, the proxy in a process
 * of its own (Node adapter, `--expose-gc`), and autocannon driving a mix of the routes a picker
 * calls. Measures throughput, latency, failed requests and the proxy's heap before and after,
 * each after garbage collection.
 */
import { startMockServer } from '@epaas-picker/mock-server/node'
import autocannon from 'autocannon'
import { startLoadProxy, type LoadProxy, type LoadProxyStats } from './startLoadProxy.js'

/** Options of {@link runLoad}. */
export interface LoadOptions {
  /** Concurrent connections. Default 200. */
  connections?: number
  /** Seconds of the measured run. Default 60. */
  durationSeconds?: number
  /**
   * Seconds of load before the "before" heap is taken, so that caches are filled and the JIT has
   * optimised the hot code (compiled code is part of the heap). Default 10.
   */
  warmupSeconds?: number
  /** Milliseconds the mock waits before each answer. Default 20. */
  latencyMs?: number
}

/** What {@link runLoad} measured. */
export interface LoadResult {
  connections: number
  durationSeconds: number
  warmupSeconds: number
  latencyMs: number
  /** Requests answered in the measured run. */
  requests: number
  /** Average requests per second. */
  rps: number
  /** Proxy answer time as the client saw it, in milliseconds (mock latency included). */
  latency: { p50: number; p99: number; max: number; average: number }
  /** Connection errors, timeouts and non-2xx answers: all must be 0. */
  errors: number
  timeouts: number
  non2xx: number
  /**
   * The proxy process's heap in bytes, before (after the warm-up) and after the run, each at rest
   * (no open keep-alive socket) and after GC: the least of five readings.
   */
  heapBefore: number
  heapAfter: number
  /** `heapAfter / heapBefore - 1`. */
  heapGrowth: number
  /** Compiled code within the heap before and after, in bytes (the JIT, not the requests). */
  codeBefore: number
  codeAfter: number
  /** Upstream calls the mock received during the measured run. */
  upstreamCalls: number
  /** The routes in the mix. */
  routes: string[]
}

/** Milliseconds of quiet before each heap measurement (longer than any keep-alive timeout). */
const QUIET_MS = 6000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs the load test and answers the figures; never throws for a failed criterion (the caller
 * decides), only for a setup problem.
 *
 * @example
 * const result = await runLoad({ connections: 200, durationSeconds: 60, latencyMs: 20 })
 * if (result.errors + result.timeouts + result.non2xx > 0) process.exitCode = 1
 */
export async function runLoad(options: LoadOptions = {}): Promise<LoadResult> {
  const connections = options.connections ?? 200
  const durationSeconds = options.durationSeconds ?? 60
  const warmupSeconds = options.warmupSeconds ?? 10
  const latencyMs = options.latencyMs ?? 20

  const mock = await startMockServer({ port: 0, dataset: 'small', faults: { latencyMs } })
  const proxy = await startLoadProxy({ mockUrl: mock.url, credentials: mock.mock.credentials })
  try {
    const requests = requestMix(mock.mock)
    const run = (duration: number) =>
      autocannon({
        url: `${proxy.url}/api/epaas`,
        connections,
        duration,
        requests: requests.map(({ path, body }) => ({
          method: 'POST' as const,
          path: `/api/epaas${path}`,
          headers: {
            'content-type': 'application/json',
            'x-epaas-proxy': '1',
            'x-test-user-token': requests.token,
          },
          body: JSON.stringify(body),
        })),
      })

    await run(warmupSeconds)
    // Weigh the heap at rest: idle keep-alive sockets (to the mock: 4 s; from clients: 5 s) and
    // their buffers are gone, before as after the run.
    await sleep(QUIET_MS)
    const before = await weigh(proxy)

    const upstreamBefore = mock.mock.callCount()
    const result = await run(durationSeconds)
    const upstreamCalls = mock.mock.callCount() - upstreamBefore
    await sleep(QUIET_MS)
    const after = await weigh(proxy)

    return {
      connections,
      durationSeconds,
      warmupSeconds,
      latencyMs,
      requests: result.requests.total,
      rps: result.requests.average,
      latency: {
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        average: result.latency.average,
      },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      heapBefore: before.heapUsed,
      heapAfter: after.heapUsed,
      heapGrowth: after.heapUsed / before.heapUsed - 1,
      codeBefore: before.codeUsed,
      codeAfter: after.codeUsed,
      upstreamCalls,
      routes: [...new Set(requests.map((r) => r.path))],
    }
  } finally {
    await proxy.stop()
    await mock.close()
  }
}

/**
 * The proxy's heap at rest: the least of five readings, each after a full GC. One reading varies
 * by a megabyte or two from the next on a heap of about 20 MB; the least is what stays alive.
 */
async function weigh(proxy: LoadProxy) {
  let least: LoadProxyStats | undefined
  for (let i = 0; i < 5; i++) {
    const stats = await proxy.gc()
    if (!stats.gc) throw new Error('the proxy process runs without --expose-gc')
    if (!least || stats.heapUsed < least.heapUsed) least = stats
    await sleep(100)
  }
  return least as LoadProxyStats
}

type Mock = Awaited<ReturnType<typeof startMockServer>>['mock']

/** What a picker sends: the top level, an expansion, members of a class, mapping lookups. */
function requestMix(mock: Mock) {
  const { data } = mock
  const grade = data.departments.find((d) => d.tag === 4)
  const classes = data.departments.filter((d) => d.tag === 5 && !d.disabled).slice(0, 4)
  if (!grade || classes.length === 0) throw new Error('the dataset has no grade or class')
  const userids = data.users.slice(0, 40).map((u) => String(u.userid))
  const list: { path: string; body: unknown }[] = [
    { path: '/campus/department/select', body: { id: 0, is_show_root: true } },
    {
      path: '/campus/department/select',
      body: { id: grade.id, select_node_type: grade.kind, need_users_total: true },
    },
    ...classes.map((c) => ({
      path: '/department/user/get',
      body: { org_department_info_list: [{ department_ids: [c.id] }] },
    })),
    { path: '/user/qywechat/get_qywechat_ids', body: { userids: userids.slice(0, 20) } },
    { path: '/user/dingtalk/get_dingtalk_userid', body: { userids: userids.slice(20) } },
  ]
  return Object.assign(list, { token: mock.issueUserToken() })
}

/** The figures as a Markdown table. */
export function formatLoad(result: LoadResult): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return [
    `| connections | duration | mock latency | requests | req/s | p50 | p99 | max | errors | timeouts | non-2xx | heap before | heap after | growth | of which code |`,
    `| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`,
    `| ${result.connections} | ${result.durationSeconds} s | ${result.latencyMs} ms | ${result.requests} | ${Math.round(result.rps)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.latency.max} ms | ${result.errors} | ${result.timeouts} | ${result.non2xx} | ${mb(result.heapBefore)} | ${mb(result.heapAfter)} | ${(result.heapGrowth * 100).toFixed(1)} % | ${mb(result.codeBefore)} -> ${mb(result.codeAfter)} |`,
  ].join('\n')
}
