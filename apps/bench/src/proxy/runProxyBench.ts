/**
 * The proxy's cost: autocannon against the mock directly and through the proxy (Node http
 * adapter), the same request and the same mock latency, on loopback, each load bounded in time;
 * then 1,000 ID-mapping lookups with and without the proxy's coalescing, counting upstream calls.
 *
 * The mock and the proxy run in processes of their own; autocannon runs in this one.
 */
import os from 'node:os'
import autocannon from 'autocannon'
import { generateDataset } from '@epaas-picker/mock-server'
import { createEpaasClient, type SelectNode } from '@epaas-picker/protocol'
import { availableCode, startChild, type PackageCode } from './startChild.js'

/** One load level against one target. */
export interface LoadFigures {
  /** Requests per second (mean over the seconds of the run). */
  rps: number
  /** Latency in ms. */
  p50: number
  p99: number
  max: number
  requests: number
  /** Errors and non-2xx answers (must be 0). */
  errors: number
  non2xx: number
}

/** Direct and proxied at one number of connections, each connection sending as fast as it can. */
export interface LoadComparison {
  connections: number
  direct: LoadFigures
  proxy: LoadFigures
  overhead: {
    /** Proxy p99 minus direct p99, in ms (target: under 5). */
    p99Ms: number
    p50Ms: number
    /** Direct rps over proxied rps (1: no throughput lost). */
    rpsRatio: number
    /** Proxied p99 over direct p99. */
    p99Ratio: number
  }
}

/** 1,000 lookups one way. */
export interface MappingFigures {
  upstreamCalls: number
  /** Wall time of the 1,000 lookups, in ms. */
  ms: number
}

/** `results/proxy.json`. */
export interface ProxyResults {
  kind: 'proxy'
  createdAt: string
  command: string
  machine: {
    cpus: number
    cpuModel: string
    node: string
    loadAverage: { start: number; end: number }
  }
  settings: {
    /** Whether the mock and the proxy ran their built `dist` or their TypeScript source. */
    code: PackageCode
    /** Options of the proxy under test beyond the defaults. */
    proxyOptions: string
    mockLatencyMs: number
    durationSeconds: number
    warmupSeconds: number
    request: string
    p99TargetMs: number
  }
  load: LoadComparison[]
  mapping: {
    lookups: number
    concurrency: number
    endpoint: string
    /** Straight to the mock: one upstream call per lookup. */
    direct: MappingFigures
    /** Through the proxy, cold cache: coalesced and chunked. */
    proxyCold: MappingFigures
    /** The same lookups again: answered from the proxy's cache. */
    proxyWarm: MappingFigures
    /** `mapping.windowMs` of the second proxy. */
    windowMs: number
    /** Through a second proxy whose batcher waits `windowMs` (not the default), cold cache. */
    proxyOtherWindow: MappingFigures
  }
}

/** Options of {@link runProxyBench}. */
export interface ProxyBenchOptions {
  /** Latency added by the mock to every answer (ms). Default 20. */
  mockLatencyMs?: number
  /** Seconds of each measured load. Default 10. */
  durationSeconds?: number
  /** Seconds of load before each measurement (not counted). Default 2. */
  warmupSeconds?: number
  /**
   * Connection counts. Default `[10, 50]`: with 10, both sides are bound by the mock's latency
   * (the added latency is the proxy's); with 50, by CPU (throughput). autocannon's fixed-rate
   * mode is not used: its latency figures are not comparable (minimum 1 ms against a 20 ms mock).
   */
  connections?: number[]
  /** Window of the mapping batcher in the second proxy of the mapping test (ms). Default 0, to compare with the proxy default of 5. */
  mappingWindowMs?: number
  /** Which code of the workspace packages the mock and proxy run. Default: `availableCode()`. */
  code?: PackageCode
  /** ID lookups of the mapping test. Default 1,000. */
  lookups?: number
  /** Lookups in flight at once. Default 100. */
  concurrency?: number
  command?: string
  log?: (line: string) => void
}

interface MockInfo {
  url: string
  userToken: string
  orgToken: string
}

const MAPPING_PATH = '/user/qywechat/get_qywechat_ids'

/** Runs the proxy benchmark. */
export async function runProxyBench(options: ProxyBenchOptions = {}): Promise<ProxyResults> {
  const mockLatencyMs = options.mockLatencyMs ?? 20
  const durationSeconds = options.durationSeconds ?? 10
  const warmupSeconds = options.warmupSeconds ?? 2
  const lookups = options.lookups ?? 1000
  const concurrency = options.concurrency ?? 100
  const mappingWindowMs = options.mappingWindowMs ?? 0
  const log = options.log ?? (() => undefined)
  const loadStart = os.loadavg()[0] ?? 0
  const code = options.code ?? availableCode()

  const mock = await startChild<MockInfo>(
    'mockProcess',
    { MOCK_LATENCY_MS: String(mockLatencyMs) },
    code,
  )
  try {
    const proxyEnv = {
      EPAAS_BASE_URL: mock.info.url,
      USER_TOKEN: mock.info.userToken,
      ORG_TOKEN: mock.info.orgToken,
    }
    const proxy = await startChild<{ url: string }>('proxyProcess', proxyEnv, code)
    try {
      const { url: mockUrl, userToken, orgToken } = mock.info
      const body = JSON.stringify(await classRequest(mockUrl, userToken))
      const targets = {
        direct: `${mockUrl}/campus/department/select?access_token=${encodeURIComponent(userToken)}`,
        proxy: `${proxy.info.url}/api/epaas/campus/department/select`,
      }
      for (const url of Object.values(targets)) await checkAnswer(url, body)

      const load: LoadComparison[] = []
      for (const connections of options.connections ?? [10, 50]) {
        const run = async (name: 'direct' | 'proxy') => {
          log(
            `${name}, ${connections} connections: ${warmupSeconds} s warm-up, ${durationSeconds} s`,
          )
          await cannon(targets[name], body, connections, warmupSeconds)
          return cannon(targets[name], body, connections, durationSeconds)
        }
        const direct = await run('direct')
        const proxied = await run('proxy')
        load.push({
          connections,
          direct,
          proxy: proxied,
          overhead: {
            p99Ms: proxied.p99 - direct.p99,
            p50Ms: proxied.p50 - direct.p50,
            rpsRatio: direct.rps / proxied.rps,
            p99Ratio: proxied.p99 / direct.p99,
          },
        })
      }

      const userids = generateDataset('small', 1)
        .users.slice(0, lookups)
        .map((u) => String(u.userid))
      if (userids.length < lookups)
        throw new Error(`the small dataset has fewer than ${lookups} people`)
      const mapping = async (name: string, lookup: (id: string) => Promise<void>) => {
        log(`mapping: ${lookups} lookups ${name}`)
        await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' })
        const started = performance.now()
        await inParallel(userids, concurrency, lookup)
        const ms = performance.now() - started
        const { requests } = (await (await fetch(`${mockUrl}/__mock/requests`)).json()) as {
          requests: { path: string }[]
        }
        return { upstreamCalls: requests.filter((r) => r.path === MAPPING_PATH).length, ms }
      }
      const viaMock = (id: string) =>
        postJson(`${mockUrl}${MAPPING_PATH}?access_token=${encodeURIComponent(orgToken)}`, {
          userids: [id],
        })
      const viaProxy = (base: string) => (id: string) =>
        postJson(`${base}/api/epaas${MAPPING_PATH}`, { userids: [id] })
      const directMapping = await mapping('straight to the mock', viaMock)
      const proxyCold = await mapping('through the proxy (cold cache)', viaProxy(proxy.info.url))
      const proxyWarm = await mapping(
        'through the proxy again (warm cache)',
        viaProxy(proxy.info.url),
      )
      const windowed = await startChild<{ url: string }>(
        'proxyProcess',
        { ...proxyEnv, MAPPING_WINDOW_MS: String(mappingWindowMs) },
        code,
      )
      let proxyOtherWindow: MappingFigures
      try {
        proxyOtherWindow = await mapping(
          `through a proxy with mapping.windowMs ${mappingWindowMs} (cold cache)`,
          viaProxy(windowed.info.url),
        )
      } finally {
        await windowed.stop()
      }

      return {
        kind: 'proxy',
        createdAt: new Date().toISOString(),
        command: options.command ?? 'pnpm --filter @epaas-picker/bench bench:proxy',
        machine: {
          cpus: os.cpus().length,
          cpuModel: (os.cpus()[0]?.model ?? 'unknown CPU').trim(),
          node: process.version,
          loadAverage: { start: loadStart, end: os.loadavg()[0] ?? 0 },
        },
        settings: {
          code,
          proxyOptions:
            'defaults (mapping: chunkSize 100, concurrency 4, windowMs 5, maxWaitMs 50; memory cache), rateLimit: false',
          mockLatencyMs,
          durationSeconds,
          warmupSeconds,
          request: `POST /campus/department/select ${body}`,
          p99TargetMs: 5,
        },
        load,
        mapping: {
          lookups,
          concurrency,
          endpoint: MAPPING_PATH,
          direct: directMapping,
          proxyCold,
          proxyWarm,
          windowMs: mappingWindowMs,
          proxyOtherWindow,
        },
      }
    } finally {
      await proxy.stop()
    }
  } finally {
    await mock.stop()
  }
}

/** A class's request: walks down the first departments until their children are people. */
async function classRequest(mockUrl: string, userToken: string) {
  const client = createEpaasClient({ baseUrl: mockUrl, token: userToken })
  const filters = { select_type: 0, need_users_total: true } as const
  let node: SelectNode | null = null
  for (;;) {
    const request = node
      ? { ...filters, id: node.id, select_node_type: node.select_node_type, corpid: node.corpid }
      : { ...filters, id: '0' }
    const { node_list } = await client.selectDepartments(request)
    const next = node_list.find((n) => n.is_parent)
    if (!next) return request
    node = next
  }
}

async function checkAnswer(url: string, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  const answer = (await response.json()) as { errcode?: number; node_list?: unknown[] }
  if (!response.ok || answer.errcode !== 0 || !answer.node_list?.length) {
    throw new Error(`${url} answered ${response.status} ${JSON.stringify(answer).slice(0, 200)}`)
  }
}

async function cannon(
  url: string,
  body: string,
  connections: number,
  duration: number,
): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration,
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const answer = (await response.json()) as { errcode?: number }
  if (!response.ok || answer.errcode !== 0) {
    throw new Error(`${url} answered ${response.status} ${JSON.stringify(answer).slice(0, 200)}`)
  }
}

/** Calls `task` on every item, at most `limit` at once. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await task(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
