// Size of our own code: @epaas-picker/headless and @epaas-picker/react, every export, bundled
// from source with everything else external (react, react-dom, @tanstack/react-query,
// react-window, @radix-ui/*, and @epaas-picker/protocol, reported apart), minified, gzipped;
// plus the stylesheet, minified and gzipped. Budget: 15 KB for the two packages with the CSS.
// The en-US texts and the form field are entry points of their own
// (`@epaas-picker/react/locales/en-US`, `@epaas-picker/react/field`): what an app in English, or
// with the field, adds with them is reported too.
//
//   pnpm --filter @epaas-picker/react size
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, defaultClientConditions, minify } from 'vite'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const BUDGET = 15 * 1024

/** Bundles `entry` (a module source) with only our packages in `inline` bundled in. */
async function bundle(entry, inline) {
  const virtual = '\0size-entry'
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    // As an app's production build does: development-only branches are dropped.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { conditions: ['@epaas-picker/source', ...defaultClientConditions] },
    plugins: [
      {
        name: 'size-entry',
        enforce: 'pre',
        resolveId: (id) => (id.endsWith('size-entry') ? virtual : null),
        load: (id) => (id === virtual ? entry : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: 'size-entry', formats: ['es'], fileName: 'size' },
      rolldownOptions: {
        external: (id) =>
          !id.startsWith('.') &&
          !id.startsWith('/') &&
          !id.startsWith('\0') &&
          !id.endsWith('size-entry') &&
          !inline.some((name) => id === name || id.startsWith(`${name}/`)),
      },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output)
  const code = outputs
    .filter((file) => file.type === 'chunk')
    .map((file) => file.code)
    .join('\n')
  const css = outputs
    .filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'))
    .map((file) => String(file.source))
    .join('\n')
  // Library builds keep whitespace (for tree-shaking by the app's bundler); an app's production
  // build removes it, so measure the fully minified code.
  const minified = await minify('size.js', code, { compress: true, mangle: true })
  return { code: minified.code, css }
}

const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`

const entry = [
  "export * from '@epaas-picker/headless'",
  "export * from '@epaas-picker/react'",
  "import '@epaas-picker/react/styles.css'",
].join('\n')
const own = await bundle(entry, ['@epaas-picker/headless', '@epaas-picker/react'])
const withProtocol = await bundle(entry, [
  '@epaas-picker/headless',
  '@epaas-picker/react',
  '@epaas-picker/protocol',
])
// What an app importing the styled package pays: headless tree-shaken to what react uses.
const app = await bundle(
  "export * from '@epaas-picker/react'\nimport '@epaas-picker/react/styles.css'",
  ['@epaas-picker/headless', '@epaas-picker/react'],
)
// An app in English: the same plus the en-US texts.
const english = await bundle(
  [
    "export * from '@epaas-picker/react'",
    "export * from '@epaas-picker/react/locales/en-US'",
    "import '@epaas-picker/react/styles.css'",
  ].join('\n'),
  ['@epaas-picker/headless', '@epaas-picker/react'],
)
// An app with the form field (`@epaas-picker/react/field`, an entry of its own, and its stylesheet).
const withField = await bundle(
  [
    "export * from '@epaas-picker/react'",
    "export * from '@epaas-picker/react/field'",
    "import '@epaas-picker/react/styles.css'",
    "import '@epaas-picker/react/field.css'",
  ].join('\n'),
  ['@epaas-picker/headless', '@epaas-picker/react'],
)
// The headless package on its own (every export), for the share of the total it makes.
const headless = await bundle("export * from '@epaas-picker/headless'", ['@epaas-picker/headless'])
if (!own.css) throw new Error('the stylesheet was not bundled')

const js = gz(own.code)
const style = gz(own.css)
const total = js + style
console.info('headless + react JS (min+gz) ', kb(js), `(${kb(own.code.length)} minified)`)
console.info('  of which headless alone     ', kb(gz(headless.code)))
console.info('styles.css (min+gz)          ', kb(style))
console.info(
  'total                        ',
  kb(total),
  `budget ${kb(BUDGET)}`,
  total <= BUDGET ? 'OK' : 'OVER',
)
console.info('for reference, with protocol ', kb(gz(withProtocol.code) + style))
console.info('an app importing only react   ', kb(gz(app.code) + style), '(headless tree-shaken)')
console.info('  the same app in English     ', kb(gz(english.code) + style), '(+ locales/en-US)')
console.info(
  '  the same app with the field ',
  kb(gz(withField.code) + gz(withField.css)),
  '(+ react/field and field.css)',
)
if (total > BUDGET) process.exitCode = 1
