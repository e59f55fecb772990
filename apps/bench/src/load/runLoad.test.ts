/**
 * The load test, short: 50 connections for 3 seconds through the proxy (its own process) with
 * 20 ms mock latency, loopback only. No request may fail, and the heap after the run, after GC,
 * stays within 10 % of the heap before it. The full run (200 connections, 60 s) is
 * `pnpm --filter @epaas-picker/bench load`.
 */
import { describe, expect, it } from 'vitest'
import { formatLoad, runLoad } from './runLoad.js'

describe('load through the proxy (short)', () => {
  it('answers every request of 50 connections for 3 s, and keeps its heap', async () => {
    const result = await runLoad({
      connections: 50,
      durationSeconds: 3,
      warmupSeconds: 2,
      latencyMs: 20,
    })
    console.info(formatLoad(result))
    expect(result.requests).toBeGreaterThan(100)
    expect(result.errors).toBe(0)
    expect(result.timeouts).toBe(0)
    expect(result.non2xx).toBe(0)
    expect(result.upstreamCalls).toBeGreaterThan(0)
    expect(result.heapGrowth).toBeLessThanOrEqual(0.1)
  }, 60_000)
})
