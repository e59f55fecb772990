/**
 * The mock ePaaS behind the stories: one mock per backend, reached through MSW at its own path,
 * with a protocol client carrying a user token, as the proxy would add it.
 */
import { createMockEpaas, type MockEpaas, type MockEpaasOptions } from '@epaas-picker/mock-server'
import { createMswHandlers } from '@epaas-picker/mock-server/msw'
import { createEpaasClient, type EpaasClient } from '@epaas-picker/protocol'
import type { HttpHandler } from 'msw'

/** A mock, the MSW handlers answering from it, and a client for the picker's `transport`. */
export interface StoryBackend {
  readonly mock: MockEpaas
  readonly baseUrl: string
  readonly handlers: HttpHandler[]
  readonly transport: EpaasClient
}

/** A backend at `/epaas/<name>` answering from a mock created with `options`. */
export function storyBackend(name: string, options: MockEpaasOptions = {}): StoryBackend {
  const mock = createMockEpaas(options)
  const baseUrl = `/epaas/${name}`
  return {
    mock,
    baseUrl,
    handlers: createMswHandlers(mock, { baseUrl }),
    transport: createEpaasClient({ baseUrl, token: mock.issueUserToken() }),
  }
}
