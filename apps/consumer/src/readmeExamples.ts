/**
 * Reads what a README tells a user to do: the install commands of its `sh` blocks and the files of
 * its code blocks that carry a title (```tsx title="src/NoticeForm.tsx"). The consumer test runs
 * the first and compiles the second, so an example cannot drift from the packages.
 */

/** A code block meant to be copied into a file. */
export interface ExampleFile {
  /** The file's path in the app, from the block's `title`. */
  path: string
  /** The block's language (`ts`, `tsx`, ...). */
  lang: string
  code: string
  /** Where it came from, e.g. `packages/react/README.md:29`, for error messages. */
  origin: string
}

/** What one README asks for. */
export interface ReadmeExamples {
  files: ExampleFile[]
  /** Every `pnpm add ...` command of its `sh` blocks, split at `&&`, in order. */
  installCommands: string[][]
}

const fence = /^(`{3,})([\w-]*)(.*)$/
const titleAttribute = /\btitle="([^"]+)"/

/** Splits a README into its titled code blocks and its install commands. */
export function readmeExamples(markdown: string, source: string): ReadmeExamples {
  const files: ExampleFile[] = []
  const installCommands: string[][] = []
  const lines = markdown.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const opening = fence.exec(lines[index]!)
    if (!opening) continue
    const [, ticks, lang = '', info = ''] = opening
    const start = index
    const body: string[] = []
    for (index++; index < lines.length && lines[index]!.trimEnd() !== ticks; index++) {
      body.push(lines[index]!)
    }
    if (index === lines.length) throw new Error(`${source}:${start + 1}: unclosed code block`)
    const origin = `${source}:${start + 1}`
    const title = titleAttribute.exec(info)?.[1]
    if (title) files.push({ path: title, lang, code: `${body.join('\n')}\n`, origin })
    if (lang === 'sh') installCommands.push(...installCommandsOf(body))
  }
  return { files, installCommands }
}

/** `pnpm add a b && pnpm add -D c` (comments dropped) as `[['add','a','b'], ['add','-D','c']]`. */
function installCommandsOf(lines: string[]): string[][] {
  return lines
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.startsWith('pnpm add '))
    .flatMap((line) => line.split('&&'))
    .map((command) => command.trim().split(/\s+/))
    .map((words) => {
      if (words[0] !== 'pnpm' || words[1] !== 'add') {
        throw new Error(`not a pnpm add command: ${words.join(' ')}`)
      }
      return words.slice(1)
    })
}

/** The files of several READMEs; two blocks may not claim one path. */
export function mergeExampleFiles(examples: readonly ReadmeExamples[]): ExampleFile[] {
  const byPath = new Map<string, ExampleFile>()
  for (const file of examples.flatMap((e) => e.files)) {
    const earlier = byPath.get(file.path)
    if (earlier) {
      throw new Error(`${file.origin} and ${earlier.origin} both write ${file.path}`)
    }
    byPath.set(file.path, file)
  }
  return [...byPath.values()]
}
