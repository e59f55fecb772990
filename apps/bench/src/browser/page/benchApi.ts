/**
 * The contract between a benchmark page and the driver: what the page exposes on
 * `window.__bench`, and the names of the targets and conditions the driver refers to.
 */

/** Nodes an operation aims at (see `BenchTargets`). */
export type TargetName = 'staff' | 'large' | 'group1' | 'group2'

/** Something the driver clicks or types into. */
export type ClickTarget =
  | 'blank'
  | 'mount'
  | 'expandAll'
  | 'collapseAll'
  | 'search'
  | `expander:${TargetName}`
  | `checkbox:${TargetName}`
  | `firstCheckbox:${TargetName}`

/** A state of the page that ends a timed operation once it is painted. */
export type Condition =
  | 'now'
  | 'mounted'
  | 'expandedAll'
  | 'collapsedAll'
  | 'searched'
  | `expanded:${TargetName}`
  | `collapsed:${TargetName}`
  | `checked:${TargetName}`
  | `firstChecked:${TargetName}`
  | `unchecked:${TargetName}`

/** Frame and long-task figures of a scroll from top to bottom. */
export interface ScrollSample {
  /** Time between consecutive animation frames during the scroll (ms). */
  frameIntervals: number[]
  /** Durations of the long tasks (over 50 ms) during the scroll (ms). */
  longTasks: number[]
  /** Whether the last row was in the DOM at the end. */
  reachedEnd: boolean
}

/** What a page knows about itself once its data is ready. */
export interface PageInfo {
  picker: string
  rowHeight: number
  /** Nodes in the dataset's walk, known after `preloadAll`. */
  rows: number
  userAgent: string
}

/** `window.__bench`. */
export interface BenchApi {
  /** Resolves once the data is generated and the mount button is shown. */
  ready: Promise<PageInfo>
  /** Errors thrown in the page so far (uncaught errors and rejections). */
  errors: string[]
  /** Centre of a click target in viewport coordinates, or `null` when it is not visible. */
  box(target: ClickTarget): { x: number; y: number } | null
  /**
   * Arms the timer: the next `click` or `input` event starts it, and it stops at the paint of
   * the first frame in which `condition` holds.
   */
  arm(condition: Condition, timeoutMs?: number): void
  /** Milliseconds from the armed input event to the paint; rejects on timeout. */
  settle(): Promise<number>
  /** Scrolls the row of `target` into view (untimed) and waits until it is in the DOM. */
  reveal(target: TargetName): Promise<void>
  /** Walks the whole tree through the client (untimed) and hands it to the picker. */
  preloadAll(): Promise<PageInfo>
  /** Scrolls from top to bottom in `frames` animation frames through the picker's API. */
  scroll(frames: number): Promise<ScrollSample>
  /** Scrolls back to the top and waits two frames. */
  scrollToTop(): Promise<void>
}

declare global {
  interface Window {
    __bench: BenchApi
  }
}
