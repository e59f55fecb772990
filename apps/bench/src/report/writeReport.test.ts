import { describe, expect, it } from 'vitest'
import { OPERATIONS, type BrowserResults, type OperationName } from '../browser/browserResults.js'
import { defaultBenchParams } from '../browser/page/benchParams.js'
import { writeReport } from './writeReport.js'

function results(
  figures: Partial<Record<OperationName, [number, number, number]>>,
): BrowserResults {
  const operations = Object.fromEntries(
    (Object.keys(OPERATIONS) as OperationName[]).map((operation) => {
      const [ours, antd, arborist] = figures[operation] ?? [1, 4, 5]
      const figure = (v: number) => ({ median: v, samples: [v] })
      return [operation, { ours: figure(ours), antd: figure(antd), arborist: figure(arborist) }]
    }),
  ) as BrowserResults['operations']
  return {
    kind: 'browser',
    createdAt: '2026-01-01T00:00:00.000Z',
    command: 'test',
    machine: {
      cpus: 2,
      cpuModel: 'test',
      memoryGiB: 1,
      node: 'v20',
      platform: 'linux x64',
      chromium: '1.0',
      userAgent: '',
      loadAverage: { start: 0, end: 0 },
    },
    settings: {
      throttle: 4,
      runs: 1,
      scrollFrames: 10,
      params: defaultBenchParams,
      rows: 100,
      rowHeight: 32,
      pickerBox: { width: 1, height: 1 },
    },
    pickers: ['ours', 'antd', 'arborist'],
    operations,
    budgets: {
      throttle: 1,
      runs: 1,
      floorMs: 8,
      checks: [
        {
          name: 'A tick paints under 16 ms',
          value: 20,
          worst: 25,
          limit: 16,
          unit: 'ms',
          pass: false,
        },
      ],
    },
  }
}

describe('writeReport', () => {
  it('says where ours is not twice as fast as the best peer, and by how much', () => {
    const report = writeReport({
      browser: results({ tick: [30, 20, 50], mount: [10, 40, 60] }),
      chartFile: 'chart.svg',
    })
    expect(report).toContain('**Where ours is not 2× faster than the best peer**')
    expect(report).toMatch(/- Tick a department .*: ours 30\.0 ms, antd `Tree` 20\.0 ms \(1\.50×\)/)
    expect(report).not.toMatch(/- Mount/)
    expect(report).toMatch(
      /\| Mount \(first level painted\) \| 10\.0 ms \| 40\.0 ms \| 60\.0 ms \| 0\.25× \| yes \|/,
    )
    expect(report).toContain(
      '| A tick paints under 16 ms | 20.0 ms | 25.0 ms | 16.0 ms | **FAIL** |',
    )
  })

  it('says so when ours is at least twice as fast everywhere', () => {
    const report = writeReport({ browser: results({ longTasks: [0, 2, 3] }), chartFile: 'c.svg' })
    expect(report).toContain('Ours is at least 2× faster than the best peer on every operation.')
  })

  it('reports the load run and whether it held (no failed request, heap within 10%)', () => {
    const load = {
      connections: 200,
      durationSeconds: 60,
      latencyMs: 20,
      requests: 143959,
      rps: 2399.3,
      latency: { p50: 87, p99: 162, max: 2799 },
      errors: 0,
      timeouts: 0,
      non2xx: 0,
      heapBefore: 18.8 * 1024 * 1024,
      heapAfter: 19.4 * 1024 * 1024,
      heapGrowth: 0.032,
    }
    const held = writeReport({ chartFile: 'c.svg', load })
    expect(held).toContain('## Load through the proxy')
    expect(held).toContain('**held**')
    expect(held).toMatch(/\| 200 \| 60 s \| 20 ms \|/)
    const failed = writeReport({ chartFile: 'c.svg', load: { ...load, non2xx: 3 } })
    expect(failed).toContain('**not held**')
  })
})
