import type { ProxyEventListener } from '../events.js'
import type { ProxyLogger } from '../logger.js'
import type { Redactor } from '../redact.js'
import type { TokenHandle, Upstream } from '../createUpstream.js'

/** What the proxy hands a token source when it starts using it. */
export interface TokenSourceContext {
  emit: ProxyEventListener
  logger: ProxyLogger
  redactor: Redactor
  /** The proxy's upstream caller, for sources that fetch tokens from ePaaS. */
  upstream: Upstream
}

/**
 * Supplies the organisation token (机构凭证) for the mapping endpoints. Use {@link staticToken},
 * {@link tokenFromFunction} or {@link suiteTokenSource}, or implement it yourself.
 */
export interface TokenSource {
  /** A name for logs and metrics (`org`, `suite`, ...). */
  readonly name: string
  /** A valid token, fetched or refreshed as needed. Concurrent calls share one fetch. */
  getToken(options?: { signal?: AbortSignal }): Promise<string>
  /**
   * Upstream refused `token` as invalid or expired: forget it (when it is still the cached one)
   * so that the next {@link getToken} fetches a new one.
   */
  invalidate(token: string): Promise<void>
  /**
   * `false` for a source that can never answer another token (a fixed one): a refused token then
   * fails at once with the upstream errcode, without asking the source again. Default `true`: a
   * source asked for a fresh token must answer a different one, or the call fails with 502
   * `token_not_refreshed`.
   */
  readonly refreshable?: boolean
  /** Called by the proxy once, before first use, to share its logger, metrics and upstream. */
  attach?(context: TokenSourceContext): void
}

/** A {@link TokenHandle} over a token source: refreshing invalidates and fetches again. */
export function tokenHandle(source: TokenSource): TokenHandle {
  const get = (signal?: AbortSignal) => source.getToken({ signal })
  if (source.refreshable === false) return { get, kind: 'source' }
  return {
    get,
    refresh: async (stale, signal) => {
      await source.invalidate(stale)
      return source.getToken({ signal })
    },
    kind: 'source',
  }
}

/**
 * A fixed token (e.g. from an environment variable). It is never refreshed: when upstream
 * refuses it, the call fails with the upstream errcode.
 *
 * @example
 * createEpaasProxy({ orgToken: staticToken(process.env.EPAAS_ORG_TOKEN!), ... })
 */
export function staticToken(token: string): TokenSource {
  if (!token) throw new TypeError('staticToken: the token is empty')
  let redactor: Redactor | undefined
  return {
    name: 'static',
    refreshable: false,
    async getToken() {
      return token
    },
    async invalidate() {},
    attach(context) {
      redactor = context.redactor
      redactor.register(token)
    },
  }
}
