/** Test helpers: a mock with a user client, an org client, and raw requests for wire-level checks. */
import { createEpaasClient, type EpaasClient } from '@epaas-picker/protocol'
import { createMockEpaas, type MockEpaas, type MockEpaasOptions } from '../createMockEpaas.js'

export const BASE_URL = 'http://mock.epaas'

export interface Harness {
  mock: MockEpaas
  /** A client with a user token of the top organisation. */
  user: EpaasClient
  /** A client with an org token of the top organisation. */
  org: EpaasClient
  userToken: string
  orgToken: string
  /** Sends a request as is and answers the parsed JSON body (and the status). */
  raw(
    path: string,
    options?: { token?: string; body?: unknown; method?: string; query?: Record<string, string> },
  ): Promise<{ status: number; body: Record<string, unknown> }>
}

export function harness(options: MockEpaasOptions = {}): Harness {
  const mock = createMockEpaas(options)
  const userToken = mock.issueUserToken()
  const orgToken = mock.issueOrgToken()
  const client = (token: string) =>
    createEpaasClient({ baseUrl: BASE_URL, fetch: mock.fetch, token })
  return {
    mock,
    userToken,
    orgToken,
    user: client(userToken),
    org: client(orgToken),
    async raw(path, { token, body, method, query } = {}) {
      const url = new URL(path, BASE_URL)
      if (token !== undefined) url.searchParams.set('access_token', token)
      for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v)
      const response = await mock.handle(
        new Request(url, {
          method: method ?? (body === undefined ? 'GET' : 'POST'),
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body:
            body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        }),
      )
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    },
  }
}

/** The rejection of `promise`, which must reject. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the promise to reject')
}
