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
      expect(results.load).toHaveLength(1)
      const { direct, proxy } = results.load[0]!
      expect(direct.requests).toBeGreaterThan(0)
      expect(proxy.requests).toBeGreaterThan(0)
      expect(direct.errors + direct.non2xx).toBe(0)
      expect(proxy.errors + proxy.non2xx).toBe(0)
      // Every answer waits for the mock's 20 ms.
      expect(direct.p50).toBeGreaterThanOrEqual(20)
      expect(proxy.p50).toBeGreaterThanOrEqual(20)
      const { mapping } = results
      expect(mapping.direct.upstreamCalls).toBe(200)
      expect(mapping.proxyCold.upstreamCalls).toBeGreaterThan(0)
      expect(mapping.proxyCold.upstreamCalls).toBeLessThanOrEqual(200)
      expect(mapping.proxyWarm.upstreamCalls).toBe(0)
      // The default 5 ms window merges lookups that arrive as separate requests; 0 ms does not.
      expect(mapping.proxyCold.upstreamCalls).toBeLessThan(mapping.proxyOtherWindow.upstreamCalls)
    },
  )
})
