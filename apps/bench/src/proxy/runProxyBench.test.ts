import { describe, expect, it } from 'vitest'
import { runProxyBench } from './runProxyBench.js'

describe('runProxyBench (smoke run)', () => {
  it(
    'loads the mock directly and through the proxy, and counts mapping calls',
    { timeout: 90_000 },
    async () => {
      const results = await runProxyBench({
        durationSeconds: 1,
        warmupSeconds: 1,
        connections: [4],
        lookups: 200,
        concurrency: 20,
      })
      const [level] = results.load
      expect(level?.direct.requests).toBeGreaterThan(0)
      expect(level?.proxy.requests).toBeGreaterThan(0)
      expect(level?.direct.errors! + level?.direct.non2xx!).toBe(0)
      expect(level?.proxy.errors! + level?.proxy.non2xx!).toBe(0)
      // Every answer waits for the mock's 20 ms.
      expect(level?.direct.p50).toBeGreaterThanOrEqual(20)
      const { mapping } = results
      expect(mapping.direct.upstreamCalls).toBe(200)
      expect(mapping.proxyCold.upstreamCalls).toBeGreaterThan(0)
      expect(mapping.proxyCold.upstreamCalls).toBeLessThanOrEqual(200)
      expect(mapping.proxyWarm.upstreamCalls).toBe(0)
      expect(mapping.proxyWindowed.upstreamCalls).toBeLessThan(mapping.proxyCold.upstreamCalls)
    },
  )
})
