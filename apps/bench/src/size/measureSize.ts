/**
 * Minified + gzipped size of what an app ships for a picker: one esbuild bundle per entry, the
 * same settings for all (ESM, minified, production, browser), React and React DOM left out
 * (every app has them). CSS imported by an entry is bundled and counted too.
 */
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build, version as esbuildVersion, type Metafile, type Plugin } from 'esbuild'

/** One measured bundle. */
export interface SizeEntry {
  /** Short name, e.g. `antd Tree`. */
  name: string
  /** What the bundle holds. */
  description: string
  /** The entry module bundled. */
  code: string
  /** Bytes of the minified JS and CSS, and of both gzipped (level 9) and brotli-compressed. */
  js: Sizes
  css: Sizes
  total: Sizes
  /**
   * The third-party packages whose code made it into the JS after tree-shaking, each with the
   * minified bytes it adds (esbuild's `bytesInOutput`, before compression), largest first.
   * Empty for a bundle of our own code only.
   */
  packages?: Record<string, number>
}

/** Byte counts. */
export interface Sizes {
  minified: number
  gzip: number
  brotli: number
}

/** `results/size.json`. */
export interface SizeResults {
  kind: 'size'
  createdAt: string
  command: string
  bundler: string
  settings: string
  entries: SizeEntry[]
}

/** What to bundle. */
export interface SizeSpec {
  name: string
  description: string
  code: string
  /** Bundle only the workspace's own packages, everything else external. */
  ownCodeOnly?: boolean
}

/** The comparison of issue 7, plus our own code alone (issue 4's budget). */
export const sizeSpecs: SizeSpec[] = [
  {
    name: 'ours',
    description:
      '`AddressBookPicker` with everything it pulls in (headless, protocol, react-window; no @radix-ui: the mobile list has a checkbox button of its own), its CSS, and the `QueryClient` and `QueryClientProvider` of @tanstack/react-query it needs above it',
    code: [
      "import '@epaas-picker/react/styles.css'",
      "export { AddressBookPicker } from '@epaas-picker/react'",
      "export { QueryClient, QueryClientProvider } from '@tanstack/react-query'",
    ].join('\n'),
  },
  {
    name: 'ours, in an app that already has react-query',
    description: 'the same without `QueryClient` and `QueryClientProvider`',
    code: "import '@epaas-picker/react/styles.css'\nexport { AddressBookPicker } from '@epaas-picker/react'",
  },
  {
    name: 'antd TreeSelect',
    description: "antd's `TreeSelect` and everything it pulls in (styles are CSS-in-JS, in the JS)",
    code: "export { TreeSelect } from 'antd'",
  },
  {
    name: 'antd Tree',
    description: "antd's `Tree` and everything it pulls in (styles are CSS-in-JS, in the JS)",
    code: "export { Tree } from 'antd'",
  },
  {
    name: 'react-arborist',
    description:
      "react-arborist's `Tree` and everything it pulls in (react-dnd, redux, react-window 1)",
    code: "export { Tree } from 'react-arborist'",
  },
  {
    name: 'ours, own code only',
    description:
      'our packages alone (react, headless, protocol) and the CSS in one bundle, the chunks of paste a list and recent picks included; third-party packages left out. The budgeted figure (17 KB for what loads with the picker, headless + react + CSS) is `pnpm --filter @epaas-picker/react size`',
    code: "import '@epaas-picker/react/styles.css'\nexport { AddressBookPicker } from '@epaas-picker/react'",
    ownCodeOnly: true,
  },
]

/** Left out of every bundle: the app has them already. */
export const sharedExternals = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'scheduler',
]

/** The settings, in words, for the report. */
export const sizeSettings =
  'esbuild, ESM, minify, `process.env.NODE_ENV = "production"`, platform browser, target es2020; React and React DOM external'

const benchDir = fileURLToPath(new URL('../..', import.meta.url))

const onlyOwnCode: Plugin = {
  name: 'only-own-code',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@epaas-picker/') ? undefined : { path: args.path, external: true },
    )
  },
}

/** The package a bundled file belongs to (`@scope/name` or `name`), or `undefined` for ours. */
export function packageOf(path: string): string | undefined {
  const at = path.lastIndexOf('node_modules/')
  if (at < 0) return undefined
  const [first, second] = path.slice(at + 'node_modules/'.length).split('/')
  return first?.startsWith('@') ? `${first}/${second}` : first
}

/** Bytes each third-party package adds to the JS outputs, largest first. */
function packagesIn(metafile: Metafile): Record<string, number> {
  const bytes = new Map<string, number>()
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.js')) continue
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = packageOf(path)
      // esbuild lists a module that tree-shaking emptied with 0 bytes.
      if (name && input.bytesInOutput > 0)
        bytes.set(name, (bytes.get(name) ?? 0) + input.bytesInOutput)
    }
  }
  return Object.fromEntries([...bytes].sort((a, b) => b[1] - a[1]))
}

function sizes(bytes: Uint8Array): Sizes {
  return {
    minified: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).byteLength,
  }
}

/** Bundles one entry and measures it. */
export async function measureSize(spec: SizeSpec): Promise<SizeEntry> {
  const result = await build({
    stdin: { contents: spec.code, resolveDir: benchDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    conditions: ['@epaas-picker/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    external: sharedExternals,
    plugins: spec.ownCodeOnly ? [onlyOwnCode] : [],
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const join = (ext: string) =>
    Buffer.concat(
      result.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => Buffer.from(f.contents)),
    )
  const js = join('.js')
  const css = join('.css')
  return {
    name: spec.name,
    description: spec.description,
    code: spec.code,
    js: sizes(js),
    css: sizes(css),
    total: sizes(Buffer.concat([js, css])),
    packages: packagesIn(result.metafile),
  }
}

/** Measures every spec. */
export async function measureSizes(specs: readonly SizeSpec[] = sizeSpecs): Promise<SizeResults> {
  const entries: SizeEntry[] = []
  for (const spec of specs) entries.push(await measureSize(spec))
  return {
    kind: 'size',
    createdAt: new Date().toISOString(),
    command: 'pnpm --filter @epaas-picker/bench bench:size',
    bundler: `esbuild ${esbuildVersion}`,
    settings: sizeSettings,
    entries,
  }
}
