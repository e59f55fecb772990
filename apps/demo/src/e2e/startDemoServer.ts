/**
 * Starts the demo as `pnpm dev` does, in the test's process: Vite's `createServer` with the app's
 * own config (so the `epaasDemo()` plugin starts the mock ePaaS and mounts the proxy), on an
 * ephemeral loopback port.
 *
 * Every secret the server side handles is collected on the way (tokens in upstream URLs and in
 * the token endpoints' answers, the mock's suite credentials, the sessions' user tokens) so that
 * a test can prove none of them reached the browser.
 */
import { fileURLToPath } from 'node:url'
import { createServer, type ViteDevServer } from 'vite'
import type { DemoBackend } from '../server/createDemoBackend.js'
import { EPAAS_DEMO_PLUGIN, type EpaasDemoApi } from '../server/epaasDemoPlugin.js'

/** The app's folder (`apps/demo`). */
export const appRoot = fileURLToPath(new URL('../..', import.meta.url))

/** A running demo. */
export interface DemoServer {
  /** e.g. `http://127.0.0.1:41234/` */
  url: string
  server: ViteDevServer
  backend: DemoBackend
  /** Every token and credential the server side has seen so far (strings of 12+ characters). */
  secrets(): string[]
  close(): Promise<void>
}

/** Options of {@link startDemoServer}. */
export interface StartDemoOptions {
  /** Environment for the plugin (`DEMO_DATASET`, `EPAAS_BASE_URL`...), set while it starts. */
  env?: Record<string, string>
  /**
   * A name for this file's Vite cache: test files run in parallel, and two dependency
   * optimisations must not write one folder.
   */
  cacheName: string
}

/**
 * Starts the demo server.
 *
 * @example
 * const demo = await startDemoServer({ cacheName: 'mouse' })
 * await page.goto(demo.url)
 * await demo.close()
 */
export async function startDemoServer(options: StartDemoOptions): Promise<DemoServer> {
  const seen = new Set<string>()
  const restoreFetch = tapUpstreamFetch((secret) => seen.add(secret))
  const restoreEnv = setEnv(options.env ?? {})
  let server: ViteDevServer
  try {
    server = await createServer({
      configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
      root: appRoot,
      cacheDir: fileURLToPath(
        new URL(`../../node_modules/.vite-e2e/${options.cacheName}`, import.meta.url),
      ),
      // Upstream failures the tests cause on purpose are logged as warnings; errors still show.
      logLevel: 'error',
      clearScreen: false,
      server: { port: 0, host: '127.0.0.1', watch: null },
    })
    await server.listen()
  } catch (error) {
    restoreFetch()
    throw error
  } finally {
    restoreEnv()
  }
  const url = server.resolvedUrls?.local[0]
  const plugin = server.config.plugins.find((p) => p.name === EPAAS_DEMO_PLUGIN)
  const backend = (plugin?.api as EpaasDemoApi | undefined)?.backend
  if (!url || !backend) throw new Error('the demo server did not start its backend')
  if (backend.mock) {
    const { suite_secret, suite_ticket, permanent_code } = backend.mock.mock.credentials
    for (const secret of [suite_secret, suite_ticket, permanent_code]) seen.add(secret)
  }
  return {
    url,
    server,
    backend,
    secrets: () => [...seen, ...backend.sessions.userTokens()].filter((s) => s.length >= 12),
    async close() {
      await server.close()
      await backend.close()
      restoreFetch()
    },
  }
}

/**
 * Wraps `globalThis.fetch` (which the proxy and its token source use to reach ePaaS) to note
 * every token passing: `access_token` / `suite_access_token` in URLs, and the tokens the token
 * endpoints answer.
 */
function tapUpstreamFetch(onSecret: (secret: string) => void): () => void {
  const original = globalThis.fetch
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    for (const name of ['access_token', 'suite_access_token']) {
      const value = url.searchParams.get(name)
      if (value) onSecret(value)
    }
    const response = await original(input, init)
    if (url.pathname.startsWith('/service/')) {
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as Record<string, unknown>
      for (const name of ['access_token', 'suite_access_token']) {
        const value = body[name]
        if (typeof value === 'string') onSecret(value)
      }
    }
    return response
  }
  return () => {
    globalThis.fetch = original
  }
}

function setEnv(values: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]))
  Object.assign(process.env, values)
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}
