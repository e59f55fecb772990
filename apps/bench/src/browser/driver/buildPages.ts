/**
 * Builds the benchmark pages with Vite: one HTML entry per picker, production mode, minified,
 * workspace packages from source (the same export condition as everywhere in the workspace).
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build, defaultClientConditions } from 'vite'

/** The pickers measured, in the order of the tables. */
export const PICKERS = ['ours', 'antd', 'arborist'] as const
/** One of {@link PICKERS}. */
export type PickerName = (typeof PICKERS)[number]

/** `src/browser`: the root of the pages' sources. */
export const browserRoot = fileURLToPath(new URL('..', import.meta.url))

/** The HTML entry of a picker's page. */
export function pageEntry(picker: PickerName): string {
  return fileURLToPath(new URL(`../pages/${picker}.html`, import.meta.url))
}

/** Pickers whose page exists (ours needs `@epaas-picker/react`). */
export function availablePickers(): PickerName[] {
  return PICKERS.filter((picker) => existsSync(pageEntry(picker)))
}

/**
 * Builds the pages of `pickers` into `outDir` (emptied first). Each page is then at
 * `<outDir>/pages/<picker>.html`.
 */
export async function buildPages(
  outDir: string,
  pickers: readonly PickerName[],
  { minify = true }: { minify?: boolean } = {},
): Promise<void> {
  await build({
    configFile: false,
    root: browserRoot,
    base: './',
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    resolve: { conditions: ['@epaas-picker/source', ...defaultClientConditions] },
    build: {
      outDir,
      emptyOutDir: true,
      // Unminified for profiles, whose function names must be readable.
      minify,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rollupOptions: {
        input: Object.fromEntries(pickers.map((picker) => [picker, pageEntry(picker)])),
      },
    },
  })
}
