/**
 * The harness side of a benchmark page: generates the data, shows the mount and expand-all
 * buttons, and exposes `window.__bench` (see `BenchApi`) over the page's `PickerAdapter`.
 *
 * Timing: a capture listener notes the `timeStamp` of the input event (the same clock as
 * `performance.now()`); from there a `requestAnimationFrame` loop checks the condition before
 * each frame's rendering, and once it holds, a message posted from that frame's callback runs
 * right after the frame is rendered and painted. That moment minus the input's time stamp is the
 * figure.
 */
import type {
  BenchApi,
  ClickTarget,
  Condition,
  PageInfo,
  ScrollSample,
  TargetName,
} from './benchApi.js'
import {
  countRows,
  prepareBenchData,
  visibleIndex,
  walkTree,
  type Answers,
  type BenchData,
  type NodePath,
} from './benchData.js'
import { fromQuery } from './benchParams.js'
import type { PickerAdapter } from './PickerAdapter.js'
import { PICKER_HEIGHT, PICKER_WIDTH } from './pickerBox.js'

export { PICKER_HEIGHT, PICKER_WIDTH }

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

function afterPaint(callback: () => void) {
  const channel = new MessageChannel()
  channel.port1.onmessage = callback
  channel.port2.postMessage(null)
}

/** Starts the page: call once from the page's entry module with its adapter. */
export function startBenchPage(adapter: PickerAdapter): void {
  const errors: string[] = []
  addEventListener('error', (event) => errors.push(String(event.error ?? event.message)))
  addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)))

  const longTasks: PerformanceEntry[] = []
  try {
    new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
      type: 'longtask',
      buffered: true,
    })
  } catch {
    // No long task API in this browser: the scroll figures then report none.
  }

  document.body.style.margin = '0'
  document.body.style.fontFamily = 'system-ui, sans-serif'
  const toolbar = document.createElement('div')
  toolbar.style.cssText = 'height:40px;display:flex;gap:8px;align-items:center;padding:0 8px'
  const mountButton = button('mount', 'Mount')
  const expandAllButton = button('expand-all', 'Expand all')
  const collapseAllButton = button('collapse-all', 'Collapse all')
  // Clicking it does nothing: the time from such a click to the next paint is the floor of
  // every figure (waiting for the next frame, then rendering it).
  const blank = document.createElement('span')
  blank.textContent = 'Bench'
  blank.style.cssText = 'padding:8px;user-select:none'
  toolbar.append(mountButton, expandAllButton, collapseAllButton, blank)
  const container = document.createElement('div')
  container.id = 'picker'
  const { width, height } = adapter.box ?? { width: PICKER_WIDTH, height: PICKER_HEIGHT }
  container.style.cssText = `width:${width}px;height:${height}px;position:relative;overflow:hidden`
  document.body.append(toolbar, container)

  let data: BenchData | undefined
  // Known once the tree is walked: rows of the whole tree expanded, and the last of them.
  let rows = 0
  let lastPath: NodePath | null = null
  const info = (): PageInfo => ({
    picker: adapter.name,
    rowHeight: adapter.rowHeight,
    rows,
    userAgent: navigator.userAgent,
  })
  const ready = prepareBenchData(fromQuery(location.search)).then((prepared) => {
    data = prepared
    mountButton.disabled = false
    return info()
  })
  const need = () => {
    if (!data) throw new Error('the page is not ready')
    return data
  }
  mountButton.addEventListener('click', () => adapter.mount(container, need()))
  expandAllButton.addEventListener('click', () => adapter.expandAll())
  collapseAllButton.addEventListener('click', () => adapter.collapseAll())

  const pathOf = (target: TargetName) => need().targets[target]
  const childOf = (target: TargetName) => need().targets.firstChild[target]

  function holds(condition: Condition): boolean {
    const [kind, target] = condition.split(':') as [string, TargetName | undefined]
    const { targets } = need()
    switch (kind) {
      case 'now':
        return true
      case 'mounted':
        return adapter.row(targets.firstTop) !== null
      case 'expandedAll': {
        const scroller = adapter.scroller()
        return scroller !== null && scroller.scrollHeight >= rows * adapter.rowHeight * 0.99
      }
      case 'collapsedAll': {
        // Only the top level is left: far under 1% of the expanded tree's height.
        const scroller = adapter.scroller()
        return (
          scroller !== null &&
          adapter.row(childOf('staff')) === null &&
          scroller.scrollHeight < rows * adapter.rowHeight * 0.01
        )
      }
      case 'searched':
        return adapter.searchShown(targets.firstResult)
      case 'expanded':
        return adapter.row(childOf(target!)) !== null
      case 'collapsed':
        return adapter.row(pathOf(target!)) !== null && adapter.row(childOf(target!)) === null
      case 'firstChecked':
        return adapter.checked(childOf(target!)) === true
      case 'checked':
        return (
          adapter.checked(pathOf(target!)) === true && adapter.checked(childOf(target!)) === true
        )
      case 'unchecked':
        return (
          adapter.checked(pathOf(target!)) === false && adapter.checked(childOf(target!)) === false
        )
      default:
        throw new Error(`unknown condition ${condition}`)
    }
  }

  function elementOf(target: ClickTarget): Element | null {
    const [kind, name] = target.split(':') as [string, TargetName | undefined]
    switch (kind) {
      case 'blank':
        return blank
      case 'mount':
        return mountButton
      case 'expandAll':
        return expandAllButton
      case 'collapseAll':
        return collapseAllButton
      case 'search':
        return adapter.searchBox()
      case 'expander':
        return adapter.expander(pathOf(name!))
      case 'checkbox':
        return adapter.checkbox(pathOf(name!))
      case 'firstCheckbox':
        return adapter.checkbox(childOf(name!))
      default:
        throw new Error(`unknown target ${target}`)
    }
  }

  // Targets expanded by the operations so far, to know where a row is in a picker's list.
  const expandedTargets = new Set<TargetName>()
  function noteExpansion(condition: Condition) {
    const [kind, target] = condition.split(':') as [string, TargetName | undefined]
    if (kind === 'expanded' && target) expandedTargets.add(target)
    if (kind === 'collapsed' && target) expandedTargets.delete(target)
    if (kind === 'collapsedAll') expandedTargets.clear()
  }

  let armed:
    | {
        condition: Condition
        timeoutMs: number
        start?: number
        result: Promise<number>
        resolve: (ms: number) => void
        reject: (error: Error) => void
      }
    | undefined

  function onInput(event: Event) {
    const current = armed
    if (!current || current.start !== undefined) return
    const start = event.timeStamp
    current.start = start
    const check = () => {
      if (armed !== current) return
      let done: boolean
      try {
        done = holds(current.condition)
      } catch (error) {
        current.reject(error as Error)
        return
      }
      if (done) {
        noteExpansion(current.condition)
        afterPaint(() => current.resolve(performance.now() - start))
      } else if (performance.now() - start > current.timeoutMs) {
        current.reject(new Error(`${current.condition} did not happen in ${current.timeoutMs} ms`))
      } else {
        requestAnimationFrame(check)
      }
    }
    requestAnimationFrame(check)
  }
  addEventListener('click', onInput, { capture: true })
  addEventListener('input', onInput, { capture: true })

  const api: BenchApi = {
    ready,
    errors,
    box(target) {
      const element = elementOf(target)
      if (!element) return null
      const rect = element.getBoundingClientRect()
      const inPicker = !['blank', 'mount', 'expandAll', 'collapseAll'].includes(target)
      const bounds = inPicker ? container.getBoundingClientRect() : null
      const x = rect.left + rect.width / 2
      const y = rect.top + rect.height / 2
      if (rect.width === 0 || rect.height === 0) return null
      if (bounds && (y < bounds.top || y > bounds.bottom || x < bounds.left || x > bounds.right))
        return null
      return { x, y }
    },
    arm(condition, timeoutMs = 120_000) {
      let resolve!: (ms: number) => void
      let reject!: (error: Error) => void
      const result = new Promise<number>((res, rej) => {
        resolve = res
        reject = rej
      })
      armed = { condition, timeoutMs, result, resolve, reject }
    },
    async settle() {
      if (!armed) throw new Error('nothing is armed')
      try {
        return await armed.result
      } finally {
        armed = undefined
        // The next step starts from a still page: antd animates expanding and collapsing.
        await animationsDone()
      }
    },
    async reveal(target) {
      const path = pathOf(target)
      const { children } = need()
      const ids = new Set([...expandedTargets].map((name) => pathOf(name).at(-1)?.id ?? ''))
      const index = visibleIndex(path, ids, children)
      adapter.scrollToRow(path, index)
      const start = performance.now()
      await nextFrame()
      await nextFrame()
      for (
        let frame = 1;
        adapter.row(path) === null || api.box(`expander:${target}`) === null;
        frame++
      ) {
        // Frames come slowly on a core shared with other work: allow 90 s (the smoke test, 300 s).
        if (performance.now() - start > 90_000) throw new Error(`${target} never came into view`)
        // A list still growing (a level arriving) clamps the offset: scroll again now and then.
        if (frame % 10 === 0) adapter.scrollToRow(path, index)
        await nextFrame()
      }
    },
    async preloadAll() {
      const answers = await walkTree(need().client)
      rows = countRows(answers)
      lastPath = lastRowOf(answers)
      adapter.preloadAll(answers)
      return info()
    },
    async scroll(frames) {
      const scroller = adapter.scroller()
      if (!scroller) throw new Error('nothing to scroll')
      const frameIntervals: number[] = []
      const startedAt = performance.now()
      let last = await nextFrame()
      for (let i = 1; i <= frames; i++) {
        // Read every frame: a list that measures its rows may correct its height as it goes.
        const max = scroller.scrollHeight - scroller.clientHeight
        adapter.scrollToOffset(Math.round((max * i) / frames))
        const now = await nextFrame()
        frameIntervals.push(now - last)
        last = now
      }
      // One more frame, then a task, so that the last frame's long task is reported.
      await nextFrame()
      await new Promise((resolve) => setTimeout(resolve, 100))
      const endedAt = performance.now()
      return {
        frameIntervals,
        longTasks: longTasks
          .filter((t) => t.startTime >= startedAt && t.startTime <= endedAt)
          .map((t) => t.duration),
        reachedEnd: lastPath !== null && adapter.row(lastPath) !== null,
      } satisfies ScrollSample
    },
    async scrollToTop() {
      adapter.scrollToOffset(0)
      await nextFrame()
      await nextFrame()
    },
  }

  window.__bench = api
}

/** Resolves once no CSS animation or transition runs (at most 10 s), plus one frame. */
async function animationsDone(): Promise<void> {
  const start = performance.now()
  while (
    document.getAnimations().some((a) => a.playState === 'running') &&
    performance.now() - start < 10_000
  ) {
    await nextFrame()
  }
  await nextFrame()
}

/** The path of the last row of the whole tree expanded. */
function lastRowOf(answers: Answers): NodePath | null {
  const path = []
  let list = answers.get('0')
  for (;;) {
    const last = list?.at(-1)
    if (!last) break
    path.push(last)
    if (!last.is_parent) break
    list = answers.get(last.id)
  }
  return path.length > 0 ? path : null
}

function button(id: string, label: string): HTMLButtonElement {
  const element = document.createElement('button')
  element.id = id
  element.type = 'button'
  element.textContent = label
  element.disabled = id === 'mount'
  return element
}
