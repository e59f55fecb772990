/** Where the benchmark suites write their results and documents. */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

/** `apps/bench/results/<name>`. */
export function resultsPath(name: string): string {
  return fileURLToPath(new URL(`../results/${name}`, import.meta.url))
}

/** `docs/<name>` at the root of the repository. */
export function docsPath(name: string): string {
  return fileURLToPath(new URL(`../../../docs/${name}`, import.meta.url))
}

/** `apps/bench/dist/<name>`: build output, not committed. */
export function distPath(name: string): string {
  return fileURLToPath(new URL(`../dist/${name}`, import.meta.url))
}

/** Writes `value` as indented JSON with a final newline, creating the folder. */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`)
}
