import type { UsePickerResult } from '@epaas-picker/headless'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPickerHandle } from './createPickerHandle.js'
import { RefusalNotice } from './RefusalNotice.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

// Only the fields matter here; the handle copies them without calling any.
const result = { rows: [], getRowState: () => null } as unknown as UsePickerResult
const register = () => () => {}

describe('createPickerHandle', () => {
  it('hides every field from enumeration in development builds', () => {
    vi.stubEnv('NODE_ENV', 'development')
    const handle = createPickerHandle(result, register)
    expect(Object.keys(handle)).toEqual([])
    expect(handle.rows).toBe(result.rows)
    expect(handle.getRowState).toBe(result.getRowState)
    expect(handle.registerScroller).toBe(register)
  })

  it('is a plain object in production builds, with the same fields', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const handle = createPickerHandle(result, register)
    expect(Object.keys(handle).sort()).toEqual(['getRowState', 'registerScroller', 'rows'])
    expect(handle.rows).toBe(result.rows)
    expect(handle.registerScroller).toBe(register)
  })
})

describe('usePickerContext', () => {
  it('says where a part belongs when it is rendered outside the picker', () => {
    vi.stubEnv('NODE_ENV', 'development')
    expect(() => renderToString(createElement(RefusalNotice))).toThrow(
      'Picker parts must be rendered inside <PickerRoot> or <AddressBookPicker>',
    )
  })

  it('throws a short error in production builds', () => {
    vi.stubEnv('NODE_ENV', 'production')
    expect(() => renderToString(createElement(RefusalNotice))).toThrow('No PickerRoot')
  })
})
