/**
 * Smoke run of the browser benchmark, so that the harness cannot rot: the three pages built,
 * each mounted in Chromium, every operation completed once on a small dataset, and the results
 * in the shape `results/browser.json` and the report expect.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { browserChart, writeReport } from '../report/writeReport.js'
import { FRAME_MS, OPERATIONS, type OperationName } from './browserResults.js'
import { PICKERS } from './driver/buildPages.js'
import { runBrowserBench } from './driver/runBrowserBench.js'

describe('browser benchmark (smoke run)', () => {
  let outDir: string | undefined
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true })
  })

  it('runs every operation on every picker and reports them', { timeout: 300_000 }, async () => {
    outDir = await mkdtemp(join(tmpdir(), 'epaas-bench-'))
    const results = await runBrowserBench({
      outDir,
      runs: 1,
      budgetRuns: 1,
      throttle: 1,
      scrollFrames: 10,
      timeoutMs: 30_000,
      params: { dataset: 'small', seed: 1, groups: 2, people: 60, searchKey: '王' },
      command: 'smoke',
    })

    expect(results.pickers).toEqual([...PICKERS])
    // The small school, plus 基准测试部 with its two groups and their 120 people.
    expect(results.settings.rows).toBeGreaterThan(1500)
    expect(results.machine.chromium).toMatch(/^\d+\./)
    for (const operation of Object.keys(OPERATIONS) as OperationName[]) {
      for (const picker of PICKERS) {
        const figure = results.operations[operation][picker]
        expect(figure?.samples, `${operation} of ${picker}`).toHaveLength(1)
        expect(Number.isFinite(figure?.median), `${operation} of ${picker}`).toBe(true)
      }
    }
    for (const picker of PICKERS) {
      // Timed operations end at a paint after an input event: never instantaneous.
      expect(results.operations.tick[picker]?.median).toBeGreaterThan(0)
      expect(results.operations.heapAdded[picker]?.median).toBeGreaterThan(0)
      // The traces found the page's main thread: a tick runs script and lays out.
      expect(results.operations.tickScript[picker]?.median).toBeGreaterThan(0)
      expect(results.operations.tickStyleLayout[picker]?.median).toBeGreaterThan(0)
      expect(results.operations.scrollLayoutObjects[picker]?.median).toBeGreaterThan(0)
    }
    expect(results.budgets?.checks.map((c) => c.limit)).toEqual([FRAME_MS, 0, 50, 16])
    // The phone run opened the level, scrolled it and ticked a person.
    for (const [name, figure] of Object.entries(results.phone?.figures ?? {}))
      expect(Number.isFinite(figure.median), name).toBe(true)
    expect(results.phone?.figures.tick.median).toBeGreaterThan(0)
    expect(results.phone?.figures.scrollLayoutObjects.median).toBeGreaterThan(0)

    const report = writeReport({ browser: results, chartFile: 'chart.svg' })
    expect(report).toContain('| Tick a department with 10,002 loaded descendants |')
    expect(report).toContain('## Budgets of issue 4')
    expect(browserChart(results)).toMatch(/^<svg[\s\S]*<\/svg>\n$/)
  })
})
