/**
 * A new app outside the workspace, made the way a user makes one: a Vite + React + TypeScript
 * template, then the READMEs' install commands with the packed packages in place of the registry
 * (pnpm overrides to the tarballs), with pnpm's isolated `node_modules`.
 */
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import type { ExampleFile } from './readmeExamples.js'

const run = promisify(execFile)

/** The packages a user installs from npm. */
export const publishedPackages = ['protocol', 'headless', 'react', 'proxy'] as const

export const workspaceRoot = join(import.meta.dirname, '..', '..', '..')

/** Runs a command; its output (both streams) is answered, and is in the error when it fails. */
export async function sh(
  cwd: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      maxBuffer: 64 * 1024 * 1024,
    })
    return `${stdout}${stderr}`
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`, {
      cause: error,
    })
  }
}

/** Packs each published package (its build must be fresh: `pnpm build`); answers the tarballs. */
export async function packPackages(destination: string): Promise<Record<string, string>> {
  const tarballs: Record<string, string> = {}
  for (const name of publishedPackages) {
    const dir = join(workspaceRoot, 'packages', name)
    const output = await sh(dir, 'pnpm', ['pack', '--pack-destination', destination])
    const tarball = output.trim().split('\n').at(-1)!.trim()
    if (!tarball.endsWith('.tgz')) throw new Error(`pnpm pack printed no tarball:\n${output}`)
    tarballs[`@epaas-picker/${name}`] = `file:${tarball}`
  }
  return tarballs
}

/** The versions the workspace itself uses, so the template installs from the local store. */
async function workspaceVersions(): Promise<Record<string, string>> {
  const manifest = JSON.parse(await readFile(join(workspaceRoot, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>
  }
  return manifest.devDependencies
}

/** What `create vite --template react-ts` starts from (plus Node's types, for the server). */
const templateDevDependencies = [
  '@types/node',
  '@types/react',
  '@types/react-dom',
  '@vitejs/plugin-react',
  'typescript',
  'vite',
]

const strictOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noFallthroughCasesInSwitch: true,
  skipLibCheck: false,
  isolatedModules: true,
  verbatimModuleSyntax: true,
}

/** Writes the template app: manifest with the overrides, `.npmrc`, TypeScript, `index.html`. */
export async function createTemplateApp(
  dir: string,
  overrides: Record<string, string>,
): Promise<void> {
  const versions = await workspaceVersions()
  const pick = (names: string[]) => Object.fromEntries(names.map((n) => [n, versions[n]!]))
  const manifest = {
    name: 'notice-app',
    private: true,
    type: 'module',
    dependencies: pick(['react', 'react-dom']),
    devDependencies: pick(templateDevDependencies),
    pnpm: { overrides },
  }
  const files: Record<string, string> = {
    'package.json': JSON.stringify(manifest, null, 2),
    // Any engine or peer mismatch fails the install instead of printing a warning.
    '.npmrc': 'engine-strict=true\nstrict-peer-dependencies=true\nprefer-offline=true\n',
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        ...strictOptions,
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'bundler',
        jsx: 'react-jsx',
        noEmit: true,
        types: ['vite/client'],
      },
      include: ['src', 'vite.config.ts'],
    }),
    'tsconfig.server.json': JSON.stringify({
      compilerOptions: {
        ...strictOptions,
        target: 'ES2022',
        lib: ['ES2022'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        rootDir: 'server',
        outDir: 'build-server',
        types: ['node'],
        // Hono's declarations name DOM types (CloseEvent) that a Node-only lib lacks; create-hono's
        // template skips them too. Our declarations are checked by the client build and attw.
        skipLibCheck: true,
      },
      include: ['server'],
    }),
    'index.html':
      '<!doctype html>\n<html lang="zh-CN">\n  <head><meta charset="UTF-8" /><title>通知</title></head>\n' +
      '  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n' +
      '  </body>\n</html>\n',
  }
  for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text)
}

/** Writes the README examples into the app. */
export async function writeExampleFiles(dir: string, files: readonly ExampleFile[]) {
  for (const file of files) {
    const path = join(dir, file.path)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, `// From ${file.origin}\n${file.code}`)
  }
}

/**
 * Lines of pnpm's output that warn about engines or peers. `engine-strict` and
 * `strict-peer-dependencies` already fail such installs; this catches what is only printed.
 */
export function installWarnings(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /\bWARN\b/.test(line) && /engine|peer/i.test(line))
    .map((line) => line.trim())
}
