// Writes the "Unreleased" section of each published package's CHANGELOG.md from the pending
// changesets in .changeset/, so that a reader of main sees what the next release will bring.
// `changeset version` writes the released sections; run this after it and the (then empty)
// Unreleased section goes away. Usage: node scripts/changelog-unreleased.mjs
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bumpTitles = { major: 'Major Changes', minor: 'Minor Changes', patch: 'Patch Changes' }

/** Reads one changeset: its packages with their bumps, and its summary. */
function parseChangeset(text, file) {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)
  if (!match) throw new Error(`${file}: no front matter`)
  const [, header, summary] = match
  const releases = header
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const release = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line)
      if (!release) throw new Error(`${file}: cannot read "${line}"`)
      return { name: release[1], bump: release[2] }
    })
  return { releases, summary: summary.trim() }
}

async function readChangesets() {
  const dir = join(root, '.changeset')
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()
  return Promise.all(
    files.map(async (file) => parseChangeset(await readFile(join(dir, file), 'utf8'), file)),
  )
}

async function publishedPackages() {
  const dirs = await readdir(join(root, 'packages'))
  const found = []
  for (const dir of dirs) {
    const manifest = JSON.parse(await readFile(join(root, 'packages', dir, 'package.json'), 'utf8'))
    if (!manifest.private) found.push({ name: manifest.name, dir: join(root, 'packages', dir) })
  }
  return found
}

function unreleasedSection(name, changesets) {
  const lines = []
  for (const bump of ['major', 'minor', 'patch']) {
    const entries = changesets.filter((c) =>
      c.releases.some((r) => r.name === name && r.bump === bump),
    )
    if (entries.length === 0) continue
    lines.push(`### ${bumpTitles[bump]}`, '')
    for (const { summary } of entries) {
      const [first, ...rest] = summary.split('\n')
      lines.push(`- ${first}`, ...rest.map((line) => (line ? `  ${line}` : line)))
    }
    lines.push('')
  }
  if (lines.length === 0) return ''
  return [
    '## Unreleased',
    '',
    '(pending changesets; the next release will carry them)',
    '',
    ...lines,
  ].join('\n')
}

/** Keeps the released sections (from the first `## ` heading other than Unreleased) as they are. */
function releasedSections(text) {
  const sections = text.split(/^(?=## )/m).slice(1)
  return sections.filter((section) => !section.startsWith('## Unreleased')).join('')
}

const changesets = await readChangesets()
for (const { name, dir } of await publishedPackages()) {
  const file = join(dir, 'CHANGELOG.md')
  const existing = await readFile(file, 'utf8').catch(() => '')
  const released = releasedSections(existing)
  const unreleased = unreleasedSection(name, changesets)
  const body = [unreleased, released.trimEnd()].filter(Boolean).join('\n')
  const placeholder = 'No release yet.\n'
  await writeFile(file, `# ${name}\n\n${body ? `${body}\n` : placeholder}`)
  console.info(`${name}: CHANGELOG.md`)
}
