import { describe, expect, it } from 'vitest'
import { measureSize, packageOf, sizeSpecs } from './measureSize.js'

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
      // Third-party code (react-window, react-query) is in one and not the other.
      expect(own.js.minified).toBeLessThan(full.js.minified)
      // React is never bundled: its internals would weigh more than the whole picker.
      expect(full.js.minified).toBeLessThan(400_000)
      expect(own.packages).toEqual({})
    },
  )

  it('names the package of a bundled file', () => {
    const store = '../../node_modules/.pnpm/@radix-ui+react-checkbox@1.4.1_x/node_modules'
    expect(packageOf(`${store}/@radix-ui/react-checkbox/dist/index.mjs`)).toBe(
      '@radix-ui/react-checkbox',
    )
    expect(packageOf('../../node_modules/react-window/dist/index.js')).toBe('react-window')
    expect(packageOf('../../packages/react/src/DrillList.tsx')).toBeUndefined()
  })

  it(
    'leaves Radix out of the default picker, and keeps it for PickerCheckbox',
    { timeout: 60_000 },
    async () => {
      const picker = await measureSize(
        sizeSpecs.find((s) => s.name === 'ours, in an app that already has react-query')!,
      )
      const packages = Object.keys(picker.packages ?? {})
      expect(packages).toContain('react-window')
      expect(packages.filter((name) => name.startsWith('@radix-ui/'))).toEqual([])

      // The same measure sees Radix when it is there: the custom layouts' checkbox brings it.
      const checkbox = await measureSize({
        name: 'PickerCheckbox',
        description: 'the Radix checkbox for custom layouts',
        code: "export { PickerCheckbox } from '@epaas-picker/react'",
      })
      expect(Object.keys(checkbox.packages ?? {})).toEqual(
        expect.arrayContaining([
          '@radix-ui/react-checkbox',
          '@radix-ui/react-use-controllable-state',
        ]),
      )
      expect(checkbox.packages?.['react-window']).toBeUndefined()
    },
  )
})
