/**
 * The shared frame of an end-to-end test file: the demo server and a Chromium page, started
 * before the file's tests and stopped after them, with a screenshot of any failed test.
 */
import type { Dataset } from '@epaas-picker/mock-server'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright'
import { afterAll, afterEach, beforeAll } from 'vitest'
import {
  launchBrowser,
  recordTraffic,
  saveArtifact,
  saveScreenshot,
  type Traffic,
} from './browser.js'
import { exchangeTexts, findSecrets } from './checks.js'
import { startDemoServer, type DemoServer, type StartDemoOptions } from './startDemoServer.js'

/** What the tests of a file share (filled in by `beforeAll`). */
export interface DemoPage {
  demo: DemoServer
  browser: Browser
  context: BrowserContext
  page: Page
  traffic: Traffic
  /** The mock's data (the test oracle). */
  data: Dataset
  /** The page's HTML at moments the test chose, for the token search. */
  html: [where: string, html: string][]
  /** Records the page's HTML now. */
  snapshotHtml(where: string): Promise<void>
  /**
   * The server-side secrets (tokens, suite credentials) found anywhere the browser could see:
   * requests, responses, WebSocket frames, the recorded HTML, cookies and storage.
   */
  leakedSecrets(): Promise<string[]>
}

/**
 * Registers the hooks and answers the shared state.
 *
 * @example
 * const t = setupDemoPage({ cacheName: 'keyboard', context: { viewport: { width: 1280, height: 900 } } })
 * test('...', async () => { await t.page.goto(t.demo.url) })
 */
export function setupDemoPage(
  options: StartDemoOptions & { context: BrowserContextOptions },
): DemoPage {
  const state = { html: [] } as unknown as DemoPage
  state.snapshotHtml = async (where) => {
    state.html.push([where, await state.page.content()])
  }
  state.leakedSecrets = async () =>
    findSecrets(state.demo.secrets(), [
      ...exchangeTexts(await state.traffic.exchanges()),
      ...state.traffic.frames.map((frame): [string, string] => ['websocket frame', frame]),
      ...state.html,
      ['cookies', JSON.stringify(await state.context.cookies())],
      ['storage', JSON.stringify(await state.context.storageState())],
    ])
  beforeAll(async () => {
    ;[state.demo, state.browser] = await Promise.all([startDemoServer(options), launchBrowser()])
    const mock = state.demo.backend.mock
    if (!mock) throw new Error('these tests run against the mock')
    state.data = mock.mock.data
    state.context = await state.browser.newContext(options.context)
    state.page = await state.context.newPage()
    state.traffic = recordTraffic(state.page)
  }, 90_000)
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && state.page) {
      const name = `failed-${options.cacheName}-${task.name}`
      await saveScreenshot(state.page, name, { fullPage: true }).catch(() => undefined)
      // The page's API traffic, to tell a page bug from a backend one.
      const api = (await state.traffic.exchanges()).filter((e) => e.url.includes('/api/'))
      await saveArtifact(`${name}.traffic.json`, JSON.stringify(api, null, 2))
    }
  })
  afterAll(async () => {
    await state.context?.close()
    await state.browser?.close()
    await state.demo?.close()
  })
  return state
}
