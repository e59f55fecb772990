// @vitest-environment node
// The server-rendering tests of the picker and of the headless hook, run again here with React
// DOM 18's server renderer, in Node (no `window`), as in their own files.
import { version } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import '../../AddressBookPicker.ssr.test.js'
import '../../../../headless/src/react/usePicker.ssr.test.js'

describe('the react18 project on the server', () => {
  it('renders with React DOM 18', () => {
    expect(version).toMatch(/^18\./)
    // React 19 no longer inserts `<!-- -->` between adjacent text nodes; React 18 does.
    expect(renderToString(['a', 'b'])).toBe('a<!-- -->b')
  })
})
