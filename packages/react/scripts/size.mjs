// Size of our own code: @epaas-picker/headless and @epaas-picker/react bundled from source with
// everything else external (react, react-dom, @tanstack/react-query, react-window, @radix-ui/*,
// and @epaas-picker/protocol, reported apart), minified, gzipped; plus the stylesheet.
//
// Budget: 17 KB for what an app ships with `AddressBookPicker` (headless + react + CSS), counting
// what loads with it. Features not every app uses stay out of that figure: paste a list and recent
// picks are chunks loaded with `import()` only when enabled (reported apart), the form field and
// the en-US texts are entry points of their own.
//
//   pnpm --filter @epaas-picker/react size
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, defaultClientConditions, minify } from 'vite'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const BUDGET = 17 * 1024

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
  const chunks = outputs.filter((file) => file.type === 'chunk')
  // What loads with the entry: it and the chunks it imports statically. Chunks reached only
  // through `import()` (paste a list, recent picks) load when a feature is enabled.
  const initialNames = new Set()
  const visit = (name) => {
    if (initialNames.has(name)) return
    initialNames.add(name)
    for (const imported of chunks.find((c) => c.fileName === name)?.imports ?? []) visit(imported)
  }
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName)
  const join = (list) => list.map((file) => file.code).join('\n')
  const code = join(chunks)
  const initialCode = join(chunks.filter((c) => initialNames.has(c.fileName)))
  const lazyChunks = chunks.filter((c) => !initialNames.has(c.fileName))
  const css = outputs
    .filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'))
    .map((file) => String(file.source))
    .join('\n')
  // Library builds keep whitespace (for tree-shaking by the app's bundler); an app's production
  // build removes it, so measure the fully minified code.
  const min = async (text) => (await minify('size.js', text, { compress: true, mangle: true })).code
  const lazy = await Promise.all(
    lazyChunks.map(async (c) => ({ name: c.name, code: await min(c.code) })),
  )
  return { code: await min(code), initial: await min(initialCode), lazy, css }
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

const style = gz(own.css)
const picker = await bundle(
  "export { AddressBookPicker } from '@epaas-picker/react'\nimport '@epaas-picker/react/styles.css'",
  ['@epaas-picker/headless', '@epaas-picker/react'],
)
const shipped = gz(picker.initial) + style
const row = (label, bytes, note = '') => console.info(label.padEnd(52), kb(bytes).padStart(9), note)
row('AddressBookPicker: JS loaded with it', gz(picker.initial))
row('  + styles.css', style)
row(
  '  = what loads with the picker',
  shipped,
  `budget ${kb(BUDGET)} ${shipped <= BUDGET ? 'OK' : 'OVER'}`,
)
for (const chunk of picker.lazy) row(`  chunk loaded when enabled: ${chunk.name}`, gz(chunk.code))
row('every export of headless + react, JS', gz(own.code))
row('  of which headless alone', gz(headless.code))
row('  with protocol too', gz(withProtocol.code))
row('an app importing all of react, with the CSS', gz(app.code) + style)
row('  the same app in English (+ locales/en-US)', gz(english.code) + style)
row('an app with the field (+ react/field and field.css)', gz(withField.code) + gz(withField.css))
if (shipped > BUDGET) process.exitCode = 1
