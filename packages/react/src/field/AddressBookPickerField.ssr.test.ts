import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createElement, StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import {
  AddressBookPickerField,
  type AddressBookPickerFieldProps,
} from './AddressBookPickerField.js'

const item = {
  type: 'department' as const,
  corpid: '1',
  id: '12',
  name: '一年级(1)班',
  path: '学生/本部/一年级/一年级(1)班',
  id_path: ['1', '2', '12'],
}

function render(props: Partial<AddressBookPickerFieldProps>) {
  const requests: unknown[] = []
  const html = renderToString(
    createElement(
      StrictMode,
      null,
      createElement(
        QueryClientProvider,
        { client: new QueryClient() },
        createElement(AddressBookPickerField, {
          transport: async (request) => {
            requests.push(request)
            return []
          },
          'aria-label': '接收人',
          ...props,
        }),
      ),
    ),
  )
  return { html, requests }
}

describe('AddressBookPickerField on the server', () => {
  it('renders its chips and the hidden input without window, the picker or a request', () => {
    expect(typeof window).toBe('undefined')
    const value = { departments: [item], users: [], excluded: [] }
    const { html, requests } = render({ name: 'recipients', defaultValue: value, required: true })
    expect(html).toMatch(/<input[^>]*role="combobox"[^>]*aria-expanded="false"/)
    expect(html).toContain('aria-required="true"')
    expect(html).toContain('>一年级(1)班</span>')
    expect(html).toContain(`value="${JSON.stringify(value).replaceAll('"', '&quot;')}"`)
    expect(html).not.toContain('<dialog')
    expect(requests).toEqual([])
  })

  it('renders the placeholder when empty and the error with its id', () => {
    const { html } = render({ error: '请选择接收人', placeholder: '选择接收人' })
    expect(html).toContain('placeholder="选择接收人"')
    // Described by the error alone: an empty field has no summary to point at.
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)![1]
    const errorId = /<div id="([^"]+)" class="epp-field-error">请选择接收人<\/div>/.exec(html)![1]
    expect(describedBy).toBe(errorId)
    expect(html).toContain('aria-invalid="true"')
  })
})
