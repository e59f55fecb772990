/**
 * One run of the phone figures of ours (no peer has a phone layout): the mobile layout's
 * drill-down list in a 390 x 844 viewport with touch, in a fresh browser context.
 *
 * Order: mount; open 局内职工 and 基准测试部 (untimed); open 基准测试1组, a level of 5,000 people
 * loaded through the client; scroll it from top to bottom, then once more under a Chrome trace;
 * tick its first person, untick, and tick once more under a trace.
 */
import type { Browser } from 'playwright'
import type { ScrollSample, TargetName } from '../page/benchApi.js'
import { Steps } from './Steps.js'
import { traced } from './traced.js'
import type { TraceSummary } from './traceSummary.js'

/** The phone viewport: a common phone's CSS size. */
export const PHONE_VIEWPORT = { width: 390, height: 844 }

/** What one phone run measures; times in ms from the input event to the paint. */
export interface PhoneSample {
  mount: number
  /** Opening the level of 5,000 people, loaded through the client. */
  openLevel: number
  scroll: ScrollSample
  /** Ticking the level's first person. */
  tick: number
  traces: { scroll: TraceSummary; tick: TraceSummary }
}

/** Options of {@link runPhoneSession}. */
export interface PhoneSessionOptions {
  /** Our page's URL, with its query (`layout=mobile` is added). */
  url: string
  throttle: number
  frames: number
  timeoutMs?: number
}

/** Runs the phone operations once. */
export async function runPhoneSession(
  browser: Browser,
  options: PhoneSessionOptions,
): Promise<PhoneSample> {
  const context = await browser.newContext({
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  })
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  const timeoutMs = options.timeoutMs ?? 120_000
  try {
    await page.goto(`${options.url}&layout=mobile`)
    await page.evaluate(() => window.__bench.ready)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.throttle })
    const step = new Steps(page, timeoutMs)
    const open = async (target: TargetName) => {
      await step.reveal(target)
      return step.timed(`expanded:${target}`, `expander:${target}`)
    }

    const mount = await step.timed('mounted', 'mount')
    await open('staff')
    await open('large')
    const openLevel = await open('group1')
    const scrollDown = () =>
      page.evaluate((frames) => window.__bench.scroll(frames), options.frames)
    const scroll = await scrollDown()
    await page.evaluate(() => window.__bench.scrollToTop())
    const { summary: scrollTrace } = await traced(page, scrollDown)
    await page.evaluate(() => window.__bench.scrollToTop())
    const tick = await step.timed('firstChecked:group1', 'firstCheckbox:group1')
    await step.timed('now', 'firstCheckbox:group1')
    const { summary: tickTrace } = await traced(page, () =>
      step.timed('firstChecked:group1', 'firstCheckbox:group1'),
    )

    const errors = [...pageErrors, ...(await page.evaluate(() => window.__bench.errors))]
    if (errors.length > 0) throw new Error(`errors in the phone page: ${errors.join('; ')}`)
    return { mount, openLevel, scroll, tick, traces: { scroll: scrollTrace, tick: tickTrace } }
  } finally {
    await context.close()
  }
}
