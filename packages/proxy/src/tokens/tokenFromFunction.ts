import { cachedTokenSource, type CachingOptions } from './cachedTokenSource.js'
import type { TokenSource } from './TokenSource.js'

/** What a token function answers: a token, or a token with its lifetime. */
export type TokenFunctionResult = string | { token: string; expires_in?: number }

/** Options of {@link tokenFromFunction}. */
export interface TokenFromFunctionOptions extends CachingOptions {
  /** A name for logs and metrics. Default `org`. */
  name?: string
  /**
   * Store key: sources with the same key and a shared store share one token. Default: the name.
   */
  key?: string
}

/**
 * A token from your own code (a secrets manager, another service). The function is called when
 * no token is cached, when the cached one reaches its refresh margin, and after upstream refuses
 * it; concurrent callers share one call. Answer `{ token, expires_in }` (seconds) to have it
 * refreshed before it expires; a bare string is kept until upstream refuses it.
 *
 * @example
 * const orgToken = tokenFromFunction(async () => {
 *   const { token, ttl } = await vault.read('epaas/org-token')
 *   return { token, expires_in: ttl }
 * })
 */
export function tokenFromFunction(
  fetchToken: () => TokenFunctionResult | Promise<TokenFunctionResult>,
  options: TokenFromFunctionOptions = {},
): TokenSource {
  const name = options.name ?? 'org'
  return cachedTokenSource({
    ...options,
    name,
    key: options.key ?? `fn:${name}`,
    fetchToken: async () => {
      const result = await fetchToken()
      const { token, expires_in } = typeof result === 'string' ? { token: result } : result
      if (typeof token !== 'string' || token === '') {
        throw new TypeError(`token source ${name}: the function answered no token`)
      }
      return { token, expiresInSeconds: expires_in }
    },
  })
}
