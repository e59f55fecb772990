/** `pnpm --filter @epaas-picker/bench bench:size`: bundle sizes, written to `results/size.json`. */
import { resultsPath, writeJson } from '../resultsDir.js'
import { measureSizes } from './measureSize.js'

const results = await measureSizes()
for (const entry of results.entries) {
  console.info(
    `[size] ${entry.name}: ${entry.total.minified} B minified, ${entry.total.gzip} B gzipped`,
  )
}
await writeJson(resultsPath('size.json'), results)
