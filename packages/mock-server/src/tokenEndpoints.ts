/**
 * The token flow: `/service/get_suite_token` (suite credentials in the body) and
 * `/service/get_corp_token?suite_access_token=` (the organisation's permanent code), which issues
 * an org token (机构凭证).
 */
import { MockEpaasError, MockErrcode, invalidParameter } from './MockErrcode.js'
import type { Params } from './Params.js'
import { show } from './Params.js'
import type { TokenStore } from './TokenStore.js'

/** Credentials the token endpoints accept. */
export interface MockCredentials {
  /** The suite (third-party app) ID, default `mock-suite-id`. */
  suite_id: string
  /** The suite secret, default `mock-suite-secret`. */
  suite_secret: string
  /** The suite ticket ePaaS would push to the app, default `mock-suite-ticket`. */
  suite_ticket: string
  /** The organisation the org token is for: the top organisation's corpid, as a string. */
  auth_corpid: string
  /** The organisation's permanent authorisation code, default `mock-permanent-code`. */
  permanent_code: string
}

interface Context {
  params: Params
  credentials: MockCredentials
  tokens: TokenStore
  ttlSeconds: number
}

function requiredString(params: Params, name: string): string {
  const value = params.string(name)
  if (value === undefined || value === '') throw invalidParameter(name, 'is required (a string)')
  return value
}

export function getSuiteToken(ctx: Context): Record<string, unknown> {
  const { params, credentials } = ctx
  const suiteId = requiredString(params, 'suite_id')
  const secret = requiredString(params, 'suite_secret')
  const ticket = requiredString(params, 'suite_ticket')
  if (suiteId !== credentials.suite_id) {
    throw new MockEpaasError(MockErrcode.InvalidSuiteId, 'invalid suite_id')
  }
  if (secret !== credentials.suite_secret) {
    throw new MockEpaasError(MockErrcode.InvalidSecret, 'invalid suite_secret')
  }
  if (ticket !== credentials.suite_ticket) {
    throw new MockEpaasError(MockErrcode.InvalidSuiteTicket, 'invalid suite_ticket')
  }
  return {
    suite_access_token: ctx.tokens.issue('suite', 0, ctx.ttlSeconds),
    expires_in: ctx.ttlSeconds,
  }
}

export function getCorpToken(ctx: Context): Record<string, unknown> {
  const { params, credentials } = ctx
  const raw = params.raw('auth_corpid')
  if (raw === undefined) throw invalidParameter('auth_corpid', 'is required')
  if (typeof raw.value !== 'string' && typeof raw.value !== 'number') {
    throw invalidParameter('auth_corpid', `must be a string, got ${show(raw.value)}`)
  }
  const permanentCode = requiredString(params, 'permanent_code')
  if (String(raw.value) !== credentials.auth_corpid) {
    throw new MockEpaasError(MockErrcode.InvalidCorpid, 'invalid auth_corpid')
  }
  if (permanentCode !== credentials.permanent_code) {
    throw new MockEpaasError(MockErrcode.InvalidPermanentCode, 'invalid permanent_code')
  }
  return {
    access_token: ctx.tokens.issue('org', Number(credentials.auth_corpid), ctx.ttlSeconds),
    expires_in: ctx.ttlSeconds,
  }
}
