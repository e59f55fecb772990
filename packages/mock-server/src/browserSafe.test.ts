// The root entry must run in a browser (MSW, Storybook): nothing reachable from it may import a
// Node built-in or the Node server adapter.
import { readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const srcDir = dirname(fileURLToPath(import.meta.url))
const importPattern =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function reachable(entry: string): Map<string, string[]> {
  const imports = new Map<string, string[]>()
  const visit = (file: string) => {
    if (imports.has(file)) return
    const specifiers = [...readFileSync(file, 'utf8').matchAll(importPattern)].map(
      (m) => (m[1] ?? m[2]) as string,
    )
    imports.set(file, specifiers)
    for (const s of specifiers) {
      if (s.startsWith('.')) visit(join(dirname(file), s.replace(/\.js$/, '.ts')))
    }
  }
  visit(join(srcDir, entry))
  return imports
}

describe('the root entry', () => {
  it('imports no node: module and no Node-only package, directly or indirectly', () => {
    const graph = reachable('index.ts')
    expect(graph.size).toBeGreaterThan(10)
    const offending = [...graph].flatMap(([file, specifiers]) =>
      specifiers
        .filter(
          (s) =>
            s.startsWith('node:') || s.startsWith('@hono/') || s === 'msw' || s.startsWith('msw/'),
        )
        .map((s) => `${relative(srcDir, file)} -> ${s}`),
    )
    expect(offending).toEqual([])
    // The Node entry does reach them, so the check would see an offender.
    expect([...reachable('node.ts').values()].flat()).toContain('@hono/node-server')
  })
})
