// A package's README is read on npm, where nothing of the repository is beside it: its links
// must be absolute (or anchors within the page).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { publishedPackages, workspaceRoot } from './consumerApp.js'

/** Link targets of Markdown links and images, and of HTML `href` / `src` attributes. */
function linkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '')
  const markdownLinks = [...withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)/g)].map((m) => m[1]!)
  const htmlLinks = [...withoutCode.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]!)
  return [...markdownLinks, ...htmlLinks]
}

const relative = (target: string) => !/^(https?:|mailto:|#)/.test(target)

describe('package READMEs', () => {
  it('find the relative links of a README, outside its code blocks', () => {
    const text = '[a](../a.md) [b](https://x.y/b) [c](#c) ![d](img/d.png)\n```md\n[e](e.md)\n```\n'
    expect(linkTargets(text).filter(relative)).toEqual(['../a.md', 'img/d.png'])
  })

  for (const name of publishedPackages) {
    it(`${name}: links only with absolute URLs (they are read on npm)`, async () => {
      const readme = await readFile(join(workspaceRoot, 'packages', name, 'README.md'), 'utf8')
      expect(linkTargets(readme).filter(relative)).toEqual([])
    })
  }
})
