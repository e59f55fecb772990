import { describe, expect, it } from 'vitest'
import { FRAME_MS, budgetChecks, ratioToBestPeer, snapToFrames } from './browserResults.js'
import type { SessionSample } from './driver/runSession.js'

const trace = {
  longestTask: 1,
  script: 1,
  styleLayout: 1,
  paint: 1,
  layouts: 1,
  layoutObjects: 1,
}

function sample(frameIntervals: number[], tick: number, longTasks: number[] = []): SessionSample {
  return {
    inertClick: 8,
    mount: 1,
    expandFirst: 1,
    expandLoaded: 20,
    tick,
    untick: 1,
    expandAll: 1,
    collapseAll: 1,
    search: 1,
    scroll: { frameIntervals, longTasks, reachedEnd: true },
    heap: { baseline: 0, loaded: 2 ** 20 },
    traces: { tick: trace, scroll: trace },
    rows: 1,
    userAgent: '',
  }
}

describe('browser results', () => {
  it('reads frame intervals on the 60 Hz grid (time stamps have a 0.1 ms resolution)', () => {
    expect(snapToFrames(16.6)).toBe(FRAME_MS)
    expect(snapToFrames(16.8)).toBe(FRAME_MS)
    expect(snapToFrames(33.4)).toBe(2 * FRAME_MS)
    expect(snapToFrames(3)).toBe(FRAME_MS)
  })

  it('judges the budgets on the median run', () => {
    const onTime = Array.from({ length: 100 }, (_, i) => (i % 2 ? 16.6 : 16.8))
    const janky = [...onTime.slice(10), ...Array.from({ length: 10 }, () => 50)]
    const checks = budgetChecks([
      sample(onTime, 12),
      sample(onTime, 14),
      sample(janky, 30, [60, 70]),
    ])
    expect(checks.map((c) => [c.value, c.pass])).toEqual([
      [FRAME_MS, true],
      [0, true],
      [20, true],
      [14, true],
    ])
    expect(checks[0]?.worst).toBe(3 * FRAME_MS)
    expect(budgetChecks([sample(janky, 30, [60])]).map((c) => c.pass)).toEqual([
      false,
      false,
      true,
      false,
    ])
  })

  it('divides ours by the faster peer', () => {
    const figure = (median: number) => ({ median, samples: [median] })
    expect(ratioToBestPeer({ ours: figure(10), antd: figure(40), arborist: figure(20) })).toEqual({
      ratio: 0.5,
      bestPeer: 'arborist',
    })
    expect(ratioToBestPeer({ antd: figure(1) }).ratio).toBeNaN()
  })
})
