/**
 * `pnpm --filter @epaas-picker/bench bench:profile --op tick`: a CPU profile of one operation
 * of one picker's page, built unminified (readable function names), with the steps before it
 * untimed; prints the functions with the most self time and writes the profile (open it in
 * Chrome DevTools' Performance panel) to `dist/profile/<picker>-<op>.cpuprofile`.
 *
 * Options: `--op mount|expand|expandAll|tick|collapseAll` (default `tick`), `--picker ours`,
 * `--throttle 4`, `--repeat 1` (for `tick`: that many ticks and unticks in one profile, enough
 * samples to tell the components apart).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Page } from 'playwright'
import { distPath } from '../../resultsDir.js'
import type { ClickTarget, Condition } from '../page/benchApi.js'
import { defaultBenchParams, toQuery } from '../page/benchParams.js'
import { buildPages, type PickerName } from '../driver/buildPages.js'
import { launchChromium } from '../driver/chromium.js'
import { serveStatic } from '../driver/staticServer.js'
import { selfTimes, type CpuProfile } from './cpuProfileSummary.js'

const { values } = parseArgs({
  options: {
    op: { type: 'string', default: 'tick' },
    picker: { type: 'string', default: 'ours' },
    throttle: { type: 'string', default: '4' },
    repeat: { type: 'string', default: '1' },
  },
})
const op = values.op
const picker = values.picker as PickerName
const outDir = distPath('profile')

async function timed(page: Page, condition: Condition, target: ClickTarget): Promise<number> {
  await page.evaluate((c) => window.__bench.arm(c, 120_000), condition)
  const box = await page.evaluate((t) => window.__bench.box(t), target)
  if (!box) throw new Error(`${target} is not on screen`)
  await page.mouse.click(box.x, box.y)
  return page.evaluate(() => window.__bench.settle())
}

console.info(`[profile] building ${picker} unminified`)
await buildPages(outDir, [picker], { minify: false })
const server = await serveStatic(outDir)
const browser = await launchChromium()
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/pages/${picker}.html?${toQuery(defaultBenchParams)}`)
  await page.evaluate(() => window.__bench.ready)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(values.throttle) })
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  const profiled = async (run: () => Promise<number>) => {
    await cdp.send('Profiler.start')
    const ms = await run()
    const { profile } = await cdp.send('Profiler.stop')
    return { ms, profile: profile as CpuProfile }
  }

  let result: { ms: number; profile: CpuProfile }
  if (op === 'mount') result = await profiled(() => timed(page, 'mounted', 'mount'))
  else {
    await timed(page, 'mounted', 'mount')
    await timed(page, 'expanded:staff', 'expander:staff')
    await page.evaluate(() => window.__bench.reveal('large'))
    if (op === 'expand') {
      result = await profiled(() => timed(page, 'expanded:large', 'expander:large'))
    } else if (op === 'tick') {
      await timed(page, 'expanded:large', 'expander:large')
      await page.evaluate(() => window.__bench.reveal('large'))
      result = await profiled(async () => {
        let ms = 0
        for (let i = 0; i < Number(values.repeat); i++) {
          ms += await timed(page, 'checked:large', 'checkbox:large')
          if (i + 1 < Number(values.repeat)) await timed(page, 'unchecked:large', 'checkbox:large')
        }
        return ms / Number(values.repeat)
      })
    } else if (op === 'expandAll' || op === 'collapseAll') {
      await page.evaluate(() => window.__bench.preloadAll())
      if (op === 'expandAll') result = await profiled(() => timed(page, 'expandedAll', 'expandAll'))
      else {
        await timed(page, 'expandedAll', 'expandAll')
        await page.evaluate(() => window.__bench.scrollToTop())
        result = await profiled(() => timed(page, 'collapsedAll', 'collapseAll'))
      }
    } else throw new Error(`unknown operation ${op}`)
  }

  const file = join(outDir, `${picker}-${op}.cpuprofile`)
  await writeFile(file, JSON.stringify(result.profile))
  const { total, functions } = selfTimes(result.profile)
  console.info(
    `[profile] ${picker} ${op}: ${result.ms.toFixed(1)} ms to the paint, ${total.toFixed(0)} ms profiled (throttle ${values.throttle}x)`,
  )
  for (const f of functions)
    console.info(
      `${f.ms.toFixed(1).padStart(8)} ms ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.function}`,
    )
  console.info(`[profile] wrote ${file}`)
} finally {
  await browser.close()
  await server.close()
}
