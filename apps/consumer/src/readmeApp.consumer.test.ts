/**
 * The packages as a user meets them: packed, installed in a new Vite + React + TypeScript app by
 * the READMEs' own install lines (pnpm, isolated node_modules, engines and peers strict), the
 * READMEs' titled examples compiled with strict TypeScript, the app built by Vite, the picker
 * rendered on the server, and the README's backends run against the mock.
 *
 * Needs a fresh `pnpm build` (it packs the built packages) and the npm registry (or a warm store).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startMockServer, type MockServer } from '@epaas-picker/mock-server/node'
import { createEpaasClient } from '@epaas-picker/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTemplateApp,
  installWarnings,
  packPackages,
  publishedPackages,
  sh,
  workspaceRoot,
  writeExampleFiles,
} from './consumerApp.js'
import { mergeExampleFiles, readmeExamples, type ReadmeExamples } from './readmeExamples.js'
import { startBackend } from './startBackend.js'

// Generous bounds for one busy core (measured at a load of 29 on 2 cores: set-up 120 s, the
// strict compile 107 s); every wait below stays inside its test's timeout.
const STEP_TIMEOUT_MS = 300_000
const SETUP_TIMEOUT_MS = 420_000

let root: string
let app: string
let mock: MockServer
let installOutput = ''
const readmes = new Map<string, ReadmeExamples>()

/** Package names an import specifier needs installed (`@scope/a/b` -> `@scope/a`). */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return undefined
  if (builtinModules.includes(specifier)) return undefined
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function importsOf(code: string): string[] {
  const found = [...code.matchAll(/(?:from|import)\s+'([^']+)'/g)].map((match) => match[1]!)
  return [...new Set(found.flatMap((specifier) => packageOf(specifier) ?? []))]
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'epaas-consumer-'))
  app = join(root, 'notice-app')
  await mkdir(app)
  const tarballs = await packPackages(join(root, 'tarballs'))
  for (const name of publishedPackages) {
    const source = `packages/${name}/README.md`
    readmes.set(name, readmeExamples(await readFile(join(workspaceRoot, source), 'utf8'), source))
  }
  await createTemplateApp(app, tarballs)
  installOutput += await sh(app, 'pnpm', ['install'])
  for (const { installCommands } of readmes.values()) {
    for (const command of installCommands) installOutput += await sh(app, 'pnpm', command)
  }
  await writeExampleFiles(app, mergeExampleFiles([...readmes.values()]))
  mock = await startMockServer()
}, SETUP_TIMEOUT_MS)

afterAll(async () => {
  await mock?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

describe.sequential('a new app built from the READMEs', () => {
  it('installs with no engine or peer warning', () => {
    expect(installWarnings(installOutput)).toEqual([])
    expect(installOutput).not.toMatch(/Unsupported engine|missing peer|unmet peer/i)
  })

  it("imports in each README's examples only what that README's install lines add", async () => {
    const manifest = JSON.parse(await readFile(join(app, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
      devDependencies: Record<string, string>
    }
    const template = new Set(['react', 'react-dom', ...Object.keys(manifest.devDependencies)])
    for (const [name, { files, installCommands }] of readmes) {
      const named = new Set(installCommands.flat().filter((word) => !word.startsWith('-')))
      for (const file of files) {
        const missing = importsOf(file.code).filter((pkg) => !template.has(pkg) && !named.has(pkg))
        expect(missing, `${file.origin} (${name}'s README) imports`).toEqual([])
      }
    }
  })

  it(
    'compiles every titled example with strict TypeScript',
    async () => {
      await sh(app, 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.json'])
      await sh(app, 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.server.json'])
      expect(await readdir(join(app, 'build-server'))).toEqual(
        expect.arrayContaining(['express.js', 'hono.js', 'epaasProxy.js', 'listTopLevel.js']),
      )
    },
    STEP_TIMEOUT_MS,
  )

  it(
    'builds with Vite, the picker and its styles included',
    async () => {
      await sh(app, 'pnpm', ['exec', 'vite', 'build'])
      const assets = join(app, 'dist', 'assets')
      const read = async (suffix: string) => {
        const files = (await readdir(assets)).filter((file) => file.endsWith(suffix))
        const texts = await Promise.all(files.map((file) => readFile(join(assets, file), 'utf8')))
        return texts.join('\n')
      }
      expect(await read('.css')).toContain('.epp-root')
      const js = await read('.js')
      expect(js).toContain('选择接收人') // the form
      expect(js).toContain('/api/epaas') // the picker's default transport
    },
    STEP_TIMEOUT_MS,
  )

  it(
    "renders the README's form on the server, with no request",
    async () => {
      await sh(app, 'pnpm', [
        'exec',
        'vite',
        'build',
        '--ssr',
        'src/NoticeForm.tsx',
        '--outDir',
        'dist-ssr',
      ])
      await writeFile(
        join(app, 'render.mjs'),
        [
          "import { QueryClient, QueryClientProvider } from '@tanstack/react-query'",
          "import { createElement } from 'react'",
          "import { renderToString } from 'react-dom/server'",
          "import { NoticeForm } from './dist-ssr/NoticeForm.js'",
          'let requests = 0',
          "globalThis.fetch = async () => { requests++; throw new Error('no fetch on the server') }",
          'const client = new QueryClient()',
          'const html = renderToString(',
          '  createElement(QueryClientProvider, { client }, createElement(NoticeForm)),',
          ')',
          'console.log(JSON.stringify({ html, requests }))',
        ].join('\n'),
      )
      const output = await sh(app, process.execPath, ['render.mjs'])
      const { html, requests } = JSON.parse(output.trim().split('\n').at(-1)!) as {
        html: string
        requests: number
      }
      expect(requests).toBe(0)
      expect(html).toMatch(/role="tree"[^>]*aria-label="通讯录"/)
      expect(html).toContain('加载中…')
      expect(html).toContain('选择接收人')
    },
    STEP_TIMEOUT_MS,
  )

  for (const backend of ['express', 'hono']) {
    it(
      `answers select through the README's ${backend} backend on the mock`,
      async () => {
        const server = await startBackend(
          app,
          `build-server/${backend}.js`,
          {
            EPAAS_BASE_URL: mock.url,
            EPAAS_USER_TOKEN: mock.mock.issueUserToken(),
            EPAAS_ORG_TOKEN: mock.mock.issueOrgToken(),
            NODE_ENV: 'development',
            EPAAS_PROXY_LOG_LEVEL: 'warn',
          },
          Date.now() + 60_000,
        )
        try {
          const browser = createEpaasClient({
            baseUrl: `${server.url}/api/epaas`,
            headers: { 'x-epaas-proxy': '1' },
          })
          const direct = createEpaasClient({ baseUrl: mock.url, token: mock.mock.issueUserToken() })
          const [through, upstream] = await Promise.all([
            browser.selectDepartments({ id: '0' }),
            direct.selectDepartments({ id: '0' }),
          ])
          expect(through.node_list.length, server.output()).toBeGreaterThan(0)
          expect(through.node_list.map((node) => node.name)).toEqual(
            upstream.node_list.map((node) => node.name),
          )
        } finally {
          await server.stop()
        }
      },
      STEP_TIMEOUT_MS,
    )
  }

  it(
    "runs the protocol README's server example against the mock",
    async () => {
      const script =
        "import('./build-server/listTopLevel.js').then(async (m) => console.log(JSON.stringify(await m.listTopLevel())))"
      const output = await sh(app, process.execPath, ['--input-type=module', '-e', script], {
        EPAAS_BASE_URL: mock.url,
        EPAAS_USER_TOKEN: mock.mock.issueUserToken(),
      })
      const names = JSON.parse(output.trim().split('\n').at(-1)!) as string[]
      const direct = createEpaasClient({ baseUrl: mock.url, token: mock.mock.issueUserToken() })
      const { node_list } = await direct.selectDepartments({ id: '0', select_role_list: [11] })
      expect(names).toEqual(node_list.map((node) => node.name))
    },
    STEP_TIMEOUT_MS,
  )
})
