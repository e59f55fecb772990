/**
 * Renders the form field against the mock's real handler (no network): a fresh mock, transport
 * and QueryClient per call; `ui` builds the page around the field with them.
 */
import { createMockEpaas, type MockEpaas } from '@epaas-picker/mock-server'
import { createEpaasClient, type EpaasClient } from '@epaas-picker/protocol'
import { render, type RenderResult } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import { WithQueryClient } from './WithQueryClient.js'

/** What {@link renderField} answers. */
export interface RenderedField {
  mock: MockEpaas
  transport: EpaasClient
  view: RenderResult
}

export function renderField(
  ui: (backend: { mock: MockEpaas; transport: EpaasClient }) => ReactNode,
): RenderedField {
  const mock = createMockEpaas({ dataset: 'small' })
  const transport = createEpaasClient({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    token: mock.issueUserToken(),
  })
  const view = render(
    <StrictMode>
      <WithQueryClient>{ui({ mock, transport })}</WithQueryClient>
    </StrictMode>,
  )
  return { mock, transport, view }
}
