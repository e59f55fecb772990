import { describe, expect, it } from 'vitest'
import { mergeExampleFiles, readmeExamples } from './readmeExamples.js'

const readme = [
  '# pkg',
  '',
  '```sh',
  'pnpm add @scope/pkg @tanstack/react-query',
  '# plus one of:',
  'pnpm add express && pnpm add -D @types/express # the types',
  'npm run build',
  '```',
  '',
  '```tsx title="src/App.tsx"',
  'export const App = () => <p>```not a fence```</p>',
  '```',
  '',
  '```ts',
  'const untitled = true',
  '```',
  '',
  '````md title="docs/nested.md"',
  '```ts',
  'inside',
  '```',
  '````',
].join('\n')

describe('readmeExamples', () => {
  it('takes the titled blocks as files and leaves the others out', () => {
    const { files } = readmeExamples(readme, 'README.md')
    expect(files).toEqual([
      {
        path: 'src/App.tsx',
        lang: 'tsx',
        code: 'export const App = () => <p>```not a fence```</p>\n',
        origin: 'README.md:10',
      },
      { path: 'docs/nested.md', lang: 'md', code: '```ts\ninside\n```\n', origin: 'README.md:18' },
    ])
  })

  it('reads every pnpm add command of the sh blocks, split at &&, without comments', () => {
    expect(readmeExamples(readme, 'README.md').installCommands).toEqual([
      ['add', '@scope/pkg', '@tanstack/react-query'],
      ['add', 'express'],
      ['add', '-D', '@types/express'],
    ])
  })

  it('refuses an unclosed block and two blocks writing one file', () => {
    expect(() => readmeExamples('```ts title="a.ts"\nx', 'A.md')).toThrow('A.md:1: unclosed')
    const a = readmeExamples('```ts title="a.ts"\n1\n```', 'A.md')
    const b = readmeExamples('\n```ts title="a.ts"\n2\n```', 'B.md')
    expect(() => mergeExampleFiles([a, b])).toThrow('B.md:2 and A.md:1 both write a.ts')
  })
})
