/**
 * `pnpm --filter @epaas-picker/bench bench:experiment:checkbox`: how much of our rows' cost is the
 * Radix checkbox. Builds our page twice, as is and with `PickerCheckbox` (imported by
 * `packages/react/src/PickerRow.tsx`) swapped at build time for a plain `span` with the same
 * `data-state` and class, then runs both the same way as the benchmark (interleaved, CPU throttled)
 * and writes `results/experiment-light-checkbox.json`. Nothing in `packages/react` changes; the
 * swap only shows what a lighter checkbox would buy.
 *
 * Options: `--runs 3`, `--throttle 4`, `--frames 240`.
 */
import { parseArgs } from 'node:util'
import type { Plugin } from 'vite'
import { distPath, resultsPath, writeJson } from '../../resultsDir.js'
import { OPERATIONS, figureOf, type OperationName } from '../browserResults.js'
import { buildPages } from '../driver/buildPages.js'
import { launchChromium } from '../driver/chromium.js'
import { runSession, type SessionSample } from '../driver/runSession.js'
import { serveStatic } from '../driver/staticServer.js'
import { defaultBenchParams, toQuery } from '../page/benchParams.js'

const swapped = '\0bench-light-checkbox'

/** Replaces `PickerRow`'s `./PickerCheckbox.js` with a `span` showing the same state. */
export const lightCheckbox: Plugin = {
  name: 'bench-light-checkbox',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './PickerCheckbox.js' && importer?.includes('packages/react/src/PickerRow'))
      return swapped
    return undefined
  },
  load(id) {
    if (id !== swapped) return undefined
    return `import { jsx } from 'react/jsx-runtime'
import { forwardRef } from 'react'
export const PickerCheckbox = forwardRef(function PickerCheckbox({ checked, ...props }, ref) {
  const state = checked === 'indeterminate' ? 'indeterminate' : checked ? 'checked' : 'unchecked'
  return jsx('span', {
    ref,
    ...props,
    'data-state': state,
    children: checked
      ? jsx('span', { className: 'epp-checkbox-mark', children: checked === 'indeterminate' ? '–' : '✓' })
      : null,
  })
})`
  },
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    throttle: { type: 'string', default: '4' },
    frames: { type: 'string', default: '240' },
  },
})
const variants = { radix: [], span: [lightCheckbox] } as const
const servers = []
for (const [name, plugins] of Object.entries(variants)) {
  const outDir = distPath(`experiment-${name}`)
  await buildPages(outDir, ['ours'], [...plugins])
  servers.push({ name, server: await serveStatic(outDir) })
}
const browser = await launchChromium()
const samples: Record<string, SessionSample[]> = { radix: [], span: [] }
try {
  for (let run = 1; run <= Number(values.runs); run++) {
    for (const { name, server } of servers) {
      console.info(`[experiment] run ${run}: ${name}`)
      samples[name]?.push(
        await runSession(browser, {
          url: `${server.url}/pages/ours.html?${toQuery(defaultBenchParams)}`,
          throttle: Number(values.throttle),
          frames: Number(values.frames),
          searchKey: defaultBenchParams.searchKey,
        }),
      )
    }
  }
} finally {
  await browser.close()
  for (const { server } of servers) await server.close()
}
const operations = Object.fromEntries(
  (Object.keys(OPERATIONS) as OperationName[]).map((operation) => [
    operation,
    {
      radix: figureOf(samples.radix ?? [], operation),
      span: figureOf(samples.span ?? [], operation),
    },
  ]),
)
for (const [operation, figures] of Object.entries(operations)) {
  console.info(
    `[experiment] ${operation}: Radix ${figures.radix.median.toFixed(1)}, span ${figures.span.median.toFixed(1)}`,
  )
}
await writeJson(resultsPath('experiment-light-checkbox.json'), {
  kind: 'experiment-light-checkbox',
  createdAt: new Date().toISOString(),
  command: 'pnpm --filter @epaas-picker/bench bench:experiment:checkbox',
  settings: {
    runs: Number(values.runs),
    throttle: Number(values.throttle),
    frames: Number(values.frames),
  },
  operations,
})
