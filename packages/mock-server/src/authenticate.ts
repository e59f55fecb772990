import type { TokenKind } from '@epaas-picker/protocol'
import type { RecordedRequest } from './MockEpaas.js'
import { MockEpaasError, MockErrcode } from './MockErrcode.js'
import type { TokenRecord, TokenStore } from './TokenStore.js'

/**
 * The token a request carries, checked as ePaaS does: present, known, not expired, and of the
 * kind the endpoint takes (suite, user or org). Notes the token's kind on the request's record;
 * throws the errcode ePaaS answers otherwise. `undefined` for endpoints that take no token.
 */
export function authenticate(
  tokens: TokenStore,
  kind: TokenKind,
  query: Map<string, string[]>,
  record: RecordedRequest,
): TokenRecord | undefined {
  if (kind === 'none') return undefined
  const param = kind === 'suite' ? 'suite_access_token' : 'access_token'
  const token = query.get(param)?.[0]
  if (!token) throw new MockEpaasError(MockErrcode.MissingToken, `${param} missing`)
  const found = tokens.lookup(token)
  if (found.status === 'unknown') {
    throw new MockEpaasError(MockErrcode.InvalidToken, `invalid ${param}`)
  }
  record.tokenKind = found.record.kind
  if (found.status === 'expired') {
    throw new MockEpaasError(MockErrcode.ExpiredToken, `${param} expired`)
  }
  const { record: t } = found
  if (kind === 'suite' ? t.kind !== 'suite' : t.kind === 'suite') {
    throw new MockEpaasError(
      MockErrcode.InvalidToken,
      `invalid ${param}: ${kind === 'suite' ? 'not a suite token' : 'a suite token is not an access token'}`,
    )
  }
  if ((kind === 'user' && t.kind !== 'user') || (kind === 'org' && t.kind !== 'org')) {
    throw new MockEpaasError(
      MockErrcode.ApiUnauthorized,
      kind === 'user'
        ? 'api unauthorized: this endpoint takes a user token (用户凭证), not an org token'
        : 'api unauthorized: this endpoint takes an org token (机构凭证), not a user token',
    )
  }
  return t
}
