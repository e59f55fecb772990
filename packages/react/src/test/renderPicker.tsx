/**
 * Renders the picker against the mock's real handler (no network): a fresh mock and a fresh
 * QueryClient per call.
 */
import { createMockEpaas, type MockEpaas, type MockEpaasOptions } from '@epaas-picker/mock-server'
import { createEpaasClient, Role, type EpaasClient } from '@epaas-picker/protocol'
import { render, type RenderResult } from '@testing-library/react'
import { StrictMode, type ComponentProps } from 'react'
import { AddressBookPicker } from '../AddressBookPicker.js'

/** The picker's props, its ref included. */
type AddressBookPickerProps = ComponentProps<typeof AddressBookPicker>
import { WithQueryClient } from './WithQueryClient.js'

/** What {@link renderPicker} answers. */
export interface RenderedPicker {
  mock: MockEpaas
  transport: EpaasClient
  view: RenderResult
  /** Renders again with some props changed. */
  rerender: (extra: Partial<AddressBookPickerProps>) => void
}

export function renderPicker(
  props: Partial<AddressBookPickerProps> = {},
  mockOptions: MockEpaasOptions = { dataset: 'small' },
): RenderedPicker {
  const mock = createMockEpaas(mockOptions)
  const transport = createEpaasClient({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    token: mock.issueUserToken(),
  })
  const element = (extra: Partial<AddressBookPickerProps> = {}) => (
    <StrictMode>
      <WithQueryClient>
        <AddressBookPicker
          transport={transport}
          is_show_root
          need_users_total
          select_role_list={[Role.Student, Role.Teacher, Role.Parent]}
          layout="desktop"
          style={{ height: 480, width: 800 }}
          {...props}
          {...extra}
        />
      </WithQueryClient>
    </StrictMode>
  )
  const view = render(element())
  return {
    mock,
    transport,
    view,
    rerender: (extra: Partial<AddressBookPickerProps>) => view.rerender(element(extra)),
  }
}
