import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (path: string) =>
  readFileSync(new URL(path, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
const css = read('./styles.css')
// The form field's stylesheet, an entry of its own (`@epaas-picker/react/field.css`).
const fieldCss = read('./field/field.css')

/** Selectors of every style rule, outside @keyframes (whose `to` / `from` are not selectors). */
function selectors(source: string): string[] {
  const out: string[] = []
  const withoutKeyframes = source.replace(/@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '')
  for (const match of withoutKeyframes.matchAll(/([^{};]+)\{/g)) {
    const prelude = (match[1] ?? '').trim()
    if (prelude.startsWith('@')) continue
    out.push(...splitTopLevel(prelude))
  }
  return out
}

/** Splits a selector list on the commas outside parentheses. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < list.length; i++) {
    const char = list[i]
    if (char === '(') depth++
    else if (char === ')') depth--
    else if (char === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(list.slice(start).trim())
  return parts
}

describe('styles.css', () => {
  it('scopes every selector under an epp- class (no global leakage)', () => {
    const all = selectors(css)
    expect(all.length).toBeGreaterThan(50)
    const unscoped = all.filter((selector) => !/^(:where\()?\.epp-/.test(selector))
    expect(unscoped).toEqual([])
  })

  it('scopes every selector of field.css under an epp- class, and reads only defined properties', () => {
    const all = selectors(fieldCss)
    expect(all.length).toBeGreaterThan(10)
    expect(all.filter((selector) => !/^(:where\()?\.epp-/.test(selector))).toEqual([])
    const lightBlock = css.slice(css.indexOf('.epp-root,'), css.indexOf('.epp-theme-dark'))
    // The field's root carries the same custom properties as the picker's.
    expect(lightBlock).toContain('.epp-field {')
    for (const [, name] of fieldCss.matchAll(/var\((--epp-[\w-]+)/g))
      expect(lightBlock, name).toContain(`${name}:`)
  })

  it('prefixes its keyframes', () => {
    const names = [...css.matchAll(/@keyframes\s+([\w-]+)/g)].map((m) => m[1])
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(name).toMatch(/^epp-/)
  })

  it('defines every custom property it reads, in the light and dark themes', () => {
    const used = new Set([...css.matchAll(/var\((--epp-[\w-]+)/g)].map((m) => m[1]))
    const lightBlock = css.slice(css.indexOf('.epp-root,'), css.indexOf('.epp-theme-dark'))
    for (const name of used) {
      // The level comes from each row's inline style, the row height from PickerRoot's.
      if (name === '--epp-level' || name === '--epp-row-height') continue
      expect(lightBlock, name).toContain(`${name}:`)
    }
    const darkBlock = css.slice(css.indexOf('.epp-theme-dark'), css.indexOf('@media'))
    for (const name of ['--epp-bg', '--epp-fg', '--epp-muted', '--epp-accent', '--epp-accent-fg']) {
      expect(darkBlock, name).toContain(`${name}:`)
    }
  })
})
