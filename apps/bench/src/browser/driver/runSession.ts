/**
 * One run of every operation on one picker's page, in a fresh browser context: the page
 * generates its data, then the driver clicks and types through CDP (real input events) and the
 * page times each operation from the input event to the paint (see `startBenchPage`).
 *
 * Order, each step starting from where the previous one left the tree: mount; a click on an
 * inert element (the floor: the wait for the next frame and its rendering); expand 局内职工
 * and 基准测试部 (untimed); expand 基准测试1组, 5,000 children loaded through the client; collapse
 * it (untimed) and expand it again, children already loaded; expand 基准测试2组 (untimed); tick
 * 基准测试部 (10,002 loaded descendants) and untick it; walk the whole tree (untimed, without
 * throttling) and expand everything; scroll from top to bottom; JS heap after a forced GC;
 * collapse everything; type the search key. The tick (with its untick) and the scroll then run
 * once more under a Chrome trace, for figures that are not rounded to vsync (`traceSummary.ts`).
 */
import type { Browser, CDPSession } from 'playwright'
import type { ScrollSample } from '../page/benchApi.js'
import { Steps } from './Steps.js'
import { traced } from './traced.js'
import type { TraceSummary } from './traceSummary.js'

/** What one run measures. Times in ms from the input event to the paint; heap in bytes. */
export interface SessionSample {
  /** A click on an element without handlers, to the next paint: the floor of every figure. */
  inertClick: number
  mount: number
  /** Expanding 基准测试1组: its children loaded through the client, then shown. */
  expandFirst: number
  /** Expanding it again: children already loaded. */
  expandLoaded: number
  tick: number
  untick: number
  expandAll: number
  /** Collapsing every node of the expanded tree. */
  collapseAll: number
  search: number
  scroll: ScrollSample
  heap: {
    /** Used JS heap after a GC once the data is generated, before the picker mounts. */
    baseline: number
    /** Used JS heap after a GC with everything loaded and expanded. */
    loaded: number
  }
  /** The main thread's work in the traced repetitions (see `traceSummary.ts`). */
  traces: {
    /** The tick of 基准测试部, to its paint. */
    tick: TraceSummary
    /** The scroll from top to bottom, every frame. */
    scroll: TraceSummary
  }
  /** Rows of the whole tree expanded. */
  rows: number
  /** The browser's user agent. */
  userAgent: string
}

/** Options of {@link runSession}. */
export interface SessionOptions {
  /** The page's URL, with its query (see `BenchParams`). */
  url: string
  /** CPU throttling rate through CDP (1 for none). */
  throttle: number
  /** Animation frames the scroll from top to bottom takes. */
  frames: number
  /** Text typed in the search operation. */
  searchKey: string
  /** Longest any one operation may take, in ms. Default 120,000. */
  timeoutMs?: number
}

/** Runs every operation once on the page at `options.url`. */
export async function runSession(
  browser: Browser,
  options: SessionOptions,
): Promise<SessionSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  try {
    await page.goto(options.url)
    const info = await page.evaluate(() => window.__bench.ready)
    const cdp = await context.newCDPSession(page)
    const throttle = (rate: number) => cdp.send('Emulation.setCPUThrottlingRate', { rate })
    const step = new Steps(page, options.timeoutMs ?? 120_000)

    const baseline = await usedHeap(cdp)
    await throttle(options.throttle)

    const mount = await step.timed('mounted', 'mount')
    const inertClick = await step.timed('now', 'blank')
    await step.timed('expanded:staff', 'expander:staff')
    await step.reveal('large')
    await step.timed('expanded:large', 'expander:large')
    await step.reveal('group1')
    const expandFirst = await step.timed('expanded:group1', 'expander:group1')
    await step.timed('collapsed:group1', 'expander:group1')
    const expandLoaded = await step.timed('expanded:group1', 'expander:group1')
    await step.reveal('group2')
    await step.timed('expanded:group2', 'expander:group2')
    await step.reveal('large')
    const tick = await step.timed('checked:large', 'checkbox:large')
    const untick = await step.timed('unchecked:large', 'checkbox:large')
    const tickTrace = await traced(page, () => step.timed('checked:large', 'checkbox:large'))
    await step.timed('unchecked:large', 'checkbox:large')

    await throttle(1)
    const { rows } = await page.evaluate(() => window.__bench.preloadAll())
    await throttle(options.throttle)
    const expandAll = await step.timed('expandedAll', 'expandAll')
    await page.evaluate(() => window.__bench.scrollToTop())
    const scrollDown = () =>
      page.evaluate((frames) => window.__bench.scroll(frames), options.frames)
    const scroll = await scrollDown()
    await page.evaluate(() => window.__bench.scrollToTop())
    const scrollTrace = await traced(page, scrollDown)

    await throttle(1)
    const loaded = await usedHeap(cdp)
    await page.evaluate(() => window.__bench.scrollToTop())
    await throttle(options.throttle)
    const collapseAll = await step.timed('collapsedAll', 'collapseAll')

    await step.click('search')
    await page.evaluate((timeoutMs) => window.__bench.arm('searched', timeoutMs), step.timeoutMs)
    await page.keyboard.insertText(options.searchKey)
    const search = await page.evaluate(() => window.__bench.settle())

    const errors = [...pageErrors, ...(await page.evaluate(() => window.__bench.errors))]
    if (errors.length > 0)
      throw new Error(`errors in the ${info.picker} page: ${errors.join('; ')}`)
    return {
      inertClick,
      mount,
      expandFirst,
      expandLoaded,
      tick,
      untick,
      expandAll,
      collapseAll,
      search,
      scroll,
      heap: { baseline, loaded },
      traces: { tick: tickTrace.summary, scroll: scrollTrace.summary },
      rows,
      userAgent: info.userAgent,
    }
  } catch (error) {
    if (pageErrors.length > 0) {
      throw new Error(`${(error as Error).message} (page errors: ${pageErrors.join('; ')})`, {
        cause: error,
      })
    }
    throw error
  } finally {
    await context.close()
  }
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  // Twice: objects freed by the first collection's finalizers go in the second.
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}
