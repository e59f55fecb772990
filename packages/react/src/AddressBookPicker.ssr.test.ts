import type { SelectDepartmentsRequest } from '@epaas-picker/protocol'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createElement, StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AddressBookPicker, type AddressBookPickerProps } from './AddressBookPicker.js'
import { AddressBookPickerDialog } from './AddressBookPickerDialog.js'
import { enUS } from './locales/en-US.js'

function renderShell(props: Partial<AddressBookPickerProps> = {}) {
  const requests: SelectDepartmentsRequest[] = []
  const html = renderToString(
    createElement(
      StrictMode,
      null,
      createElement(
        QueryClientProvider,
        { client: new QueryClient() },
        createElement(AddressBookPicker, {
          transport: async (request: SelectDepartmentsRequest) => {
            requests.push(request)
            return []
          },
          onConfirm: () => {},
          ...props,
        }),
      ),
    ),
  )
  return { html, requests }
}

describe('AddressBookPicker on the server', () => {
  it('renders the desktop shell with a loading row, without window and without requests', () => {
    expect(typeof window).toBe('undefined')
    const { html, requests } = renderShell()
    expect(html).toContain(
      'class="epp-root epp-theme-light epp-density-comfortable epp-layout-desktop"',
    )
    expect(html).toMatch(/<input[^>]*type="search"/)
    const tree = /<div[^>]*role="tree"[^>]*>/.exec(html)?.[0]
    expect(tree).toContain('aria-label="通讯录"')
    expect(tree).toContain('aria-multiselectable="true"')
    expect(html).toMatch(/role="treeitem"[^>]*aria-level="1"/)
    expect(html).toContain('加载中…')
    expect(html).toContain('尚未选择')
    expect(html).toContain('>确定</button>')
    expect(requests).toEqual([])
  })

  it('renders the mobile layout when asked, in English', () => {
    const { html } = renderShell({ layout: 'mobile', locale: enUS })
    expect(html).toContain('epp-layout-mobile')
    expect(html).toContain('aria-label="Current location"')
    expect(html).toContain('Loading…')
    expect(html).toContain('lang="en-US"')
  })

  it('renders a saved value with names', () => {
    const { html } = renderShell({
      defaultValue: {
        departments: [
          {
            type: 'department',
            corpid: '1',
            id: '2',
            name: '一年级(1)班',
            path: '',
            id_path: ['2'],
          },
        ],
        users: [],
        excluded: [],
      },
    })
    expect(html).toContain('一年级(1)班')
    expect(html).toContain('移除 一年级(1)班')
  })

  it('renders nothing for a closed dialog', () => {
    const html = renderToString(
      createElement(
        QueryClientProvider,
        { client: new QueryClient() },
        createElement(AddressBookPickerDialog, { open: false, onOpenChange: () => {} }),
      ),
    )
    expect(html).toBe('')
  })
})
