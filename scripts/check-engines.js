// Installs the packed proxy the way an app would, with `npm install --engine-strict`, in a temp
// directory, and checks that every package it pulls in supports the oldest Node the proxy claims.
// The workspace packages come from their packed tarballs (nothing of ours is fetched from the
// registry); third-party dependencies come from the npm registry (or npm's cache).
// Run after `pnpm build`: the tarballs hold `dist/`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import semver from 'semver'

const root = new URL('..', import.meta.url).pathname
const workspacePackages = ['protocol', 'proxy']
const proxyManifest = readJson(join(root, 'packages/proxy/package.json'))
const oldestNode = semver.minVersion(proxyManifest.engines.node)?.version
if (!oldestNode) throw new Error('packages/proxy has no usable engines.node')

const dir = mkdtempSync(join(tmpdir(), 'epaas-engines-'))
try {
  const tarballs = {}
  for (const name of workspacePackages) {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', dir], {
      cwd: join(root, 'packages', name),
      encoding: 'utf8',
    })
    const file = out.trim().split('\n').at(-1)?.trim().split('/').at(-1)
    tarballs[`@epaas-picker/${name}`] = `file:./${file}`
  }
  // `overrides` points the proxy's own dependency on the protocol at the tarball too.
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'engines-check',
        private: true,
        type: 'module',
        dependencies: tarballs,
        overrides: tarballs,
      },
      null,
      2,
    ),
  )
  execFileSync(
    'npm',
    [
      'install',
      '--engine-strict',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--prefer-offline',
    ],
    { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
  )
  // The installed package loads (its ESM graph resolves without the workspace).
  execFileSync(
    'node',
    ['-e', "await import('@epaas-picker/proxy'); await import('@epaas-picker/proxy/node')"],
    {
      cwd: dir,
      stdio: 'inherit',
    },
  )

  const refusals = []
  let checked = 0
  for (const manifest of installedManifests(join(dir, 'node_modules'))) {
    checked += 1
    const range = manifest.engines?.node
    if (range && !semver.satisfies(oldestNode, range)) {
      refusals.push(`${manifest.name}@${manifest.version} wants node ${range}`)
    }
  }
  if (refusals.length > 0) {
    console.error(`check-engines: the proxy claims node ${proxyManifest.engines.node}, but:`)
    for (const refusal of refusals) console.error(`  ${refusal}`)
    process.exitCode = 1
  } else {
    console.log(
      `check-engines: @epaas-picker/proxy installs with --engine-strict on node ${process.versions.node}; ` +
        `${checked} installed packages all support node ${oldestNode}`,
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/** Every package.json directly under a node_modules tree (scoped and nested included). */
function* installedManifests(modules) {
  let names
  try {
    names = readdirSync(modules)
  } catch {
    return
  }
  for (const name of names) {
    if (name.startsWith('.')) continue
    if (name.startsWith('@')) {
      for (const scoped of readdirSync(join(modules, name))) {
        yield* packageAt(join(modules, name, scoped))
      }
    } else yield* packageAt(join(modules, name))
  }
}

function* packageAt(dir) {
  try {
    yield readJson(join(dir, 'package.json'))
  } catch {
    return
  }
  yield* installedManifests(join(dir, 'node_modules'))
}
