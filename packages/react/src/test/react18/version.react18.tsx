import '@testing-library/jest-dom/vitest'
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import { useState, version } from 'react'
import { version as domVersion } from 'react-dom'
import { afterEach, describe, expect, it } from 'vitest'

afterEach(cleanup)

function Versions() {
  // Hooks throw when the React that renders is not the React they were imported from, so this
  // also proves Testing Library and TanStack Query use this project's React.
  const [shown] = useState(version)
  const client = useQueryClient()
  return <p>{`${shown} ${client instanceof QueryClient}`}</p>
}

describe('the react18 project', () => {
  it('runs React 18 and React DOM 18', () => {
    expect(version).toMatch(/^18\./)
    expect(domVersion).toBe(version)
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Versions />
      </QueryClientProvider>,
    )
    expect(screen.getByText(`${version} true`)).toBeVisible()
  })
})
