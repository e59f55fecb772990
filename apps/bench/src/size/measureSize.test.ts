import { describe, expect, it } from 'vitest'
import { measureSize, sizeSpecs } from './measureSize.js'

describe('measureSize', () => {
  it(
    'bundles our picker with its CSS, React left out, and gzips it',
    { timeout: 60_000 },
    async () => {
      const ours = sizeSpecs.find((s) => s.name === 'ours')!
      const full = await measureSize(ours)
      const own = await measureSize(sizeSpecs.find((s) => s.name === 'ours, own code only')!)
      expect(full.css.minified).toBeGreaterThan(1000)
      expect(full.total.minified).toBe(full.js.minified + full.css.minified)
      expect(full.total.gzip).toBeLessThan(full.total.minified)
      // Third-party code (react-window, Radix, react-query) is in one and not the other.
      expect(own.js.minified).toBeLessThan(full.js.minified)
      // React is never bundled: its internals would weigh more than the whole picker.
      expect(full.js.minified).toBeLessThan(400_000)
    },
  )
})
