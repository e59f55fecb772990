/**
 * Browser side of the end-to-end tests: Debian's Chromium through Playwright, a recorder of
 * everything the page sends and receives, an axe-core scan, and screenshots.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import axe from 'axe-core'
import { chromium, type Browser, type Page } from 'playwright'
import { chromiumLaunchOptions } from '../../../../scripts/chromium.js'

/** Launches headless Chromium (Debian's, never a downloaded one). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions())
}

/** One exchange the page had with the server, as the browser saw it. */
export interface Exchange {
  method: string
  url: string
  /** Request headers (cookies included). */
  requestHeaders: Record<string, string>
  /** The request body, if any. */
  requestBody: string | undefined
  status: number | undefined
  responseHeaders: Record<string, string>
  /** The response body as text (streams are read to their end). */
  responseBody: string | undefined
  /** Order of the request and of the response's arrival among all events. */
  requestSeq: number
  responseSeq: number | undefined
}

/** Everything a page sent and received: HTTP exchanges and WebSocket frames. */
export interface Traffic {
  /** Waits for pending response bodies, then answers the exchanges in order. */
  exchanges(): Promise<Exchange[]>
  /** WebSocket frames sent and received (Vite's HMR channel). */
  frames: string[]
}

/**
 * Records the page's traffic from now on.
 *
 * @example
 * const traffic = recordTraffic(page)
 * const selects = (await traffic.exchanges()).filter((e) => e.url.endsWith('/select'))
 */
export function recordTraffic(page: Page): Traffic {
  let seq = 0
  const pending: Promise<void>[] = []
  const byRequest = new Map<object, Exchange>()
  const exchanges: Exchange[] = []
  const frames: string[] = []
  page.on('request', (request) => {
    const exchange: Exchange = {
      method: request.method(),
      url: request.url(),
      requestHeaders: {},
      requestBody: request.postData() ?? undefined,
      status: undefined,
      responseHeaders: {},
      responseBody: undefined,
      requestSeq: seq++,
      responseSeq: undefined,
    }
    exchanges.push(exchange)
    byRequest.set(request, exchange)
    pending.push(
      request.allHeaders().then(
        (headers) => void (exchange.requestHeaders = headers),
        () => undefined,
      ),
    )
  })
  page.on('response', (response) => {
    const exchange = byRequest.get(response.request())
    if (!exchange) return
    exchange.status = response.status()
    exchange.responseSeq = seq++
    pending.push(
      (async () => {
        exchange.responseHeaders = await response.allHeaders().catch(() => ({}))
        exchange.responseBody = await response.text().catch(() => undefined)
      })(),
    )
  })
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => frames.push(String(frame.payload)))
    socket.on('framereceived', (frame) => frames.push(String(frame.payload)))
  })
  return {
    async exchanges() {
      await Promise.all(pending)
      return exchanges
    },
    frames,
  }
}

/**
 * Runs axe-core on the page as it is now and answers the violations, one line each.
 *
 * @example
 * expect(await axeViolations(page)).toEqual([])
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: axe.source })
  }
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} -> ` +
      violation.nodes.map((node) => node.target.join(' ')).join(' | '),
  )
}

const resultsDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const docsDir = fileURLToPath(new URL('../../../../docs/images/', import.meta.url))

/** Saves a text file next to the screenshots (`apps/demo/test-results/screenshots/`). */
export async function saveArtifact(name: string, text: string): Promise<void> {
  await mkdir(resultsDir, { recursive: true })
  await writeFile(`${resultsDir}${name}`, text)
}

/**
 * Saves a screenshot as a test artifact (`apps/demo/test-results/screenshots/<name>.png`). With
 * `DEMO_SCREENSHOTS=1` and `publish`, also writes `docs/images/demo-<name>.png` for the READMEs;
 * normal runs never touch committed files.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { publish?: boolean; fullPage?: boolean } = {},
): Promise<void> {
  await mkdir(resultsDir, { recursive: true })
  const file = `${resultsDir}${name}.png`
  await writeFile(
    file,
    await page.screenshot({ fullPage: options.fullPage ?? false, animations: 'disabled' }),
  )
  if (options.publish && process.env.DEMO_SCREENSHOTS === '1') {
    await mkdir(docsDir, { recursive: true })
    await copyFile(file, `${docsDir}demo-${name}.png`)
  }
}
