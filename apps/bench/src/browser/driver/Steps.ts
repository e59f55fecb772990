/** The driver's clicks on a benchmark page: at named targets, timed from the input to the paint. */
import type { Page } from 'playwright'
import type { ClickTarget, Condition, TargetName } from '../page/benchApi.js'

/** The driver's side of the page's harness: clicks at targets, timed or not. */
export class Steps {
  constructor(
    private readonly page: Page,
    readonly timeoutMs: number,
  ) {}

  /** Clicks `target` with the mouse (untimed unless something is armed). */
  async click(target: ClickTarget): Promise<void> {
    const box = await this.page.evaluate((t) => window.__bench.box(t), target)
    if (!box) throw new Error(`${target} is not on screen`)
    await this.page.mouse.click(box.x, box.y)
  }

  /** Clicks `target` and answers the time from that click to the paint showing `condition`. */
  async timed(condition: Condition, target: ClickTarget): Promise<number> {
    await this.page.evaluate(([c, t]) => window.__bench.arm(c, t), [
      condition,
      this.timeoutMs,
    ] as const)
    await this.click(target)
    return this.page.evaluate(() => window.__bench.settle())
  }

  /** Scrolls the row of `target` into view. */
  async reveal(target: TargetName): Promise<void> {
    await this.page.evaluate((t) => window.__bench.reveal(t), target)
  }
}
