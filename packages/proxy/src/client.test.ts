// `@epaas-picker/proxy/client` is imported by browser code: at run time it must reach no
// third-party package and no Node built-in, only our own modules and the dependency-free
// protocol package, which holds the stream reader (type imports are erased).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const srcDir = dirname(fileURLToPath(import.meta.url))
// Value imports and re-exports only: `import type` / `export type` are skipped by the `(?!type\s)`.
const valueImport = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/g

function runtimeImports(entry: string): string[] {
  const seen = new Set<string>()
  const external: string[] = []
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(valueImport)) {
      if (!specifier) continue
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')))
      else external.push(specifier)
    }
  }
  visit(join(srcDir, entry))
  return external
}

describe('the client entry', () => {
  it('reaches no package and no Node built-in at run time', () => {
    expect(runtimeImports('client.ts')).toEqual(['@epaas-picker/protocol'])
    const protocol = JSON.parse(
      readFileSync(join(srcDir, '../../protocol/package.json'), 'utf8'),
    ) as { dependencies?: Record<string, string> }
    expect(protocol.dependencies ?? {}).toEqual({})
    // The root entry does reach server packages, so the check can see an offender.
    expect(runtimeImports('index.ts')).toEqual(expect.arrayContaining(['pino', 'zod']))
  })
})
