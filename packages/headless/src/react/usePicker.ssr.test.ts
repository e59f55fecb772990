import type { SelectDepartmentsRequest } from '@epaas-picker/protocol'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { usePicker } from './usePicker.js'

function Shell() {
  const picker = usePicker({
    transport: async (request: SelectDepartmentsRequest) => {
      requests.push(request)
      return []
    },
  })
  return createElement(
    'ul',
    picker.getTreeProps(),
    picker.rows.map((row) => createElement('li', { key: row.key, ...picker.getRowProps(row) })),
  )
}

const requests: SelectDepartmentsRequest[] = []

describe('usePicker on the server', () => {
  it('renders a shell with a loading row, without window and without requests', () => {
    expect(typeof window).toBe('undefined')
    const html = renderToString(
      createElement(QueryClientProvider, { client: new QueryClient() }, createElement(Shell)),
    )
    expect(html).toContain('role="tree"')
    expect(html).toContain('aria-busy="true"')
    expect(html).toMatch(/role="treeitem"[^>]*aria-level="1"/)
    expect(requests).toEqual([])
  })
})
