import type { IdInput } from '@epaas-picker/protocol'
import { createUpstream, type Upstream } from '../createUpstream.js'
import { createRedactor } from '../redact.js'
import { resolveBaseUrl } from '../resolveBaseUrl.js'
import { cachedTokenSource, type CachingOptions } from './cachedTokenSource.js'
import { tokenHandle, type TokenSource, type TokenSourceContext } from './TokenSource.js'

/** Options of {@link suiteTokenSource}. */
export interface SuiteTokenSourceOptions extends CachingOptions {
  /**
   * The ePaaS base URL. Default: the proxy's `baseUrl` when used by a proxy, else
   * `EPAAS_BASE_URL`.
   */
  baseUrl?: string
  /** The suite (third-party application) ID. */
  suite_id: string
  /** The suite secret. */
  suite_secret: string
  /**
   * The current `suite_ticket`, which ePaaS pushes to your app periodically: read it from where
   * your ticket callback stores it. Called before each suite-token fetch.
   */
  getSuiteTicket: () => string | Promise<string>
  /** The authorising organisation's corpid. */
  auth_corpid: IdInput
  /** The permanent code obtained when the organisation installed the suite. */
  permanent_code: string
  /** A name for logs and metrics. Default `org`. */
  name?: string
  /** `fetch` for the token calls. Default: the proxy's, else `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch
  /** Milliseconds per token call. Default: the proxy's `timeoutMs`, else 10000. */
  timeoutMs?: number
}

/**
 * The organisation token through the suite flow: `POST /service/get_suite_token` with the suite
 * credentials and the current ticket, then `POST /service/get_corp_token` with the suite token,
 * `auth_corpid` and `permanent_code`. Both tokens are cached until a margin before their
 * `expires_in` and refreshed single-flight; a refused suite token is dropped and fetched again
 * once.
 *
 * @example
 * const orgToken = suiteTokenSource({
 *   suite_id: process.env.EPAAS_SUITE_ID!,
 *   suite_secret: process.env.EPAAS_SUITE_SECRET!,
 *   getSuiteTicket: () => ticketStore.latest(),
 *   auth_corpid: school.corpid,
 *   permanent_code: school.permanentCode,
 *   store: redisTokenStore(redis),
 * })
 */
export function suiteTokenSource(options: SuiteTokenSourceOptions): TokenSource {
  const { suite_id, suite_secret, auth_corpid, permanent_code } = options
  for (const [field, value] of Object.entries({ suite_id, suite_secret, permanent_code })) {
    if (typeof value !== 'string' || value === '') {
      throw new TypeError(`suiteTokenSource: ${field} is required`)
    }
  }
  if (auth_corpid === undefined || auth_corpid === '') {
    throw new TypeError('suiteTokenSource: auth_corpid is required')
  }

  let context: TokenSourceContext | undefined
  let ownUpstream: Upstream | undefined
  // Without a proxy, the source calls ePaaS through an upstream of its own.
  const upstream = (): Upstream => {
    if (context && !options.baseUrl && !options.fetch && options.timeoutMs === undefined) {
      return context.upstream
    }
    ownUpstream ??= createUpstream({
      baseUrl: resolveBaseUrl(options.baseUrl, 'suiteTokenSource'),
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? 10_000,
      emit: (event) => context?.emit(event),
      redactor: context?.redactor ?? createRedactor(10),
    })
    return ownUpstream
  }

  const name = options.name ?? 'org'
  const suite = cachedTokenSource({
    ...options,
    name: `${name}:suite`,
    key: `suite:${suite_id}`,
    fetchToken: async () => {
      const suite_ticket = await options.getSuiteTicket()
      const answer = await upstream().call('getSuiteToken', {
        suite_id,
        suite_secret,
        suite_ticket,
      })
      return { token: answer.suite_access_token, expiresInSeconds: answer.expires_in }
    },
  })
  const corp = cachedTokenSource({
    ...options,
    name,
    key: `corp:${suite_id}:${String(auth_corpid)}`,
    fetchToken: async () => {
      const answer = await upstream().call(
        'getCorpToken',
        { auth_corpid, permanent_code },
        { token: tokenHandle(suite) },
      )
      return { token: answer.access_token, expiresInSeconds: answer.expires_in }
    },
    onAttach: (ctx) => {
      context = ctx
      suite.attach?.(ctx)
    },
  })
  return corp
}
