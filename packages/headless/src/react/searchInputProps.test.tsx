import '@testing-library/jest-dom/vitest'
import { createMockEpaas } from '@epaas-picker/mock-server'
import { createEpaasClient } from '@epaas-picker/protocol'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { RefObject } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { usePicker } from './usePicker.js'

afterEach(cleanup)

const mock = createMockEpaas({ dataset: 'small' })
const transport = createEpaasClient({
  baseUrl: 'http://mock.epaas',
  fetch: mock.fetch,
  token: mock.issueUserToken(),
})

function Search({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const picker = usePicker({ transport })
  return <input aria-label="search" {...picker.getSearchInputProps({ ref: inputRef })} />
}

describe('getSearchInputProps', () => {
  it("forwards the caller's ref to the input, and keeps its own handlers", async () => {
    const inputRef: RefObject<HTMLInputElement | null> = { current: null }
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Search inputRef={inputRef} />
      </QueryClientProvider>,
    )
    const input = screen.getByRole('searchbox', { name: 'search' })
    expect(inputRef.current).toBe(input)
    await userEvent.type(input, '张')
    expect(input).toHaveValue('张')
  })
})
