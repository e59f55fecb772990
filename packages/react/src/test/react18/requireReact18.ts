/**
 * Setup file of the `react18` project. React DOM 18 is CommonJS, loaded by Node, not by Vite, so
 * the project's alias does not reach its own `require('react')`; and pnpm links React 19 to it
 * (the workspace root's `react` wins the peer), where it would fail on React 19's internals.
 * This sends those requires to React 18.
 */
import Module, { createRequire } from 'node:module'
import { dirname, sep } from 'node:path'

type ResolveFilename = (
  request: string,
  parent: { filename?: string } | undefined,
  ...rest: unknown[]
) => string

const require = createRequire(import.meta.url)
const react18 = dirname(require.resolve('react-18/package.json'))
const reactDom18 = dirname(require.resolve('react-dom-18/package.json')) + sep

const loader = Module as unknown as { _resolveFilename: ResolveFilename }
const resolveFilename = loader._resolveFilename
loader._resolveFilename = function (request, parent, ...rest) {
  const fromReactDom18 = parent?.filename?.startsWith(reactDom18) ?? false
  const target = fromReactDom18 ? request.replace(/^react(?=\/|$)/, react18) : request
  return resolveFilename.call(this, target, parent, ...rest)
}
