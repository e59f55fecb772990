/**
 * The Vite plugin that makes `vite` the whole demo: in `configureServer` it starts the backend
 * (the mock ePaaS on loopback, or a remote server) and mounts the proxy and the send route as
 * middleware in front of Vite's own, so one command and one process serve everything.
 *
 * The backend is not imported statically: it is loaded through Vite's SSR module loader,
 * which resolves the workspace packages to their TypeScript sources (the `@epaas-picker/source`
 * condition), so a fresh clone runs without building them.
 */
import type { Logger, Plugin } from 'vite'
import type { ProxyLogger } from '@epaas-picker/proxy'
import type * as BackendModule from './createDemoBackend.js'
import type { DemoBackend, DemoBackendOptions } from './createDemoBackend.js'
import { readDemoConfig, type DemoUpstreamConfig } from './readDemoConfig.js'

/** Options of {@link epaasDemo}. */
export interface EpaasDemoOptions {
  /** Environment to read `EPAAS_BASE_URL`, `EPAAS_USER_TOKEN`, ... from. Default `process.env`. */
  env?: Record<string, string | undefined>
  /** Command line to look for `--district` in. Default `process.argv`. */
  argv?: readonly string[]
  /** Extra backend options (tests pass proxy options here). */
  backend?: Omit<DemoBackendOptions, 'upstream'>
}

/** What the plugin exposes to code holding the dev server (`plugin.api`), e.g. tests. */
export interface EpaasDemoApi {
  /** The running backend, once `configureServer` has started it. */
  readonly backend: DemoBackend | undefined
}

/** The plugin's name, to find it in `server.config.plugins`. */
export const EPAAS_DEMO_PLUGIN = 'epaas-picker-demo'

/**
 * Serves the demo's backend from the Vite dev server.
 *
 * @example
 * // vite.config.ts
 * export default defineConfig({ plugins: [react(), epaasDemo()] })
 */
export function epaasDemo(options: EpaasDemoOptions = {}): Plugin<EpaasDemoApi> {
  let backend: DemoBackend | undefined
  return {
    name: EPAAS_DEMO_PLUGIN,
    apply: 'serve',
    api: {
      get backend() {
        return backend
      },
    },
    async configureServer(server) {
      const { createDemoBackend } = (await server.ssrLoadModule(
        '/src/server/createDemoBackend.ts',
      )) as typeof BackendModule
      const upstream = readDemoConfig(options.env ?? process.env, options.argv ?? process.argv)
      const logger = server.config.logger
      backend = await createDemoBackend({
        upstream,
        ...options.backend,
        proxyOptions: { logger: viteProxyLogger(logger), ...options.backend?.proxyOptions },
        onSent:
          options.backend?.onSent ??
          ((notice) =>
            logger.info(
              `[demo] notice #${notice.id} "${notice.title}" sent via ${notice.channel} to ` +
                `${notice.reached} of ${notice.recipients} recipients`,
              { timestamp: true },
            )),
      })
      const started = backend
      server.httpServer?.once('close', () => void started.close())
      const printUrls = server.printUrls.bind(server)
      server.printUrls = () => {
        printUrls()
        for (const line of describeUpstream(upstream, started)) logger.info(line)
      }
      server.middlewares.use(started.middleware)
    },
    async closeBundle() {
      await backend?.close()
    },
  }
}

function describeUpstream(upstream: DemoUpstreamConfig, backend: DemoBackend): string[] {
  const proxy = `  ➜  Proxy:   /api/epaas (send: /api/notices)`
  if (upstream.kind === 'mock') {
    return [
      proxy,
      `  ➜  ePaaS:   mock, ${upstream.dataset} dataset, on ${backend.upstreamUrl}` +
        (upstream.dataset === 'small' ? ' (--district for 32 schools)' : ''),
    ]
  }
  return [
    proxy,
    `  ➜  ePaaS:   ${upstream.baseUrl}` +
      (upstream.orgToken ? '' : ' (no EPAAS_ORG_TOKEN: WeCom and DingTalk mapping unavailable)'),
  ]
}

/**
 * The proxy's (already redacted) log lines through Vite's logger, so they read like Vite's: the
 * message and its short fields; stacks only for internal errors.
 */
function viteProxyLogger(logger: Logger): ProxyLogger {
  const line = (fields: object, message?: string, withError = false) => {
    const { err, ...rest } = fields as { err?: unknown }
    const shown = withError && err !== undefined ? { ...rest, err } : rest
    const details = Object.keys(shown).length > 0 ? ` ${JSON.stringify(shown)}` : ''
    return `[epaas-proxy] ${message ?? ''}${details}`
  }
  return {
    debug: () => undefined,
    info: (fields, message) => logger.info(line(fields, message), { timestamp: true }),
    warn: (fields, message) => logger.warn(line(fields, message), { timestamp: true }),
    error: (fields, message) => logger.error(line(fields, message, true), { timestamp: true }),
  }
}
