/**
 * Errors of the protocol layer and the table of upstream error codes.
 *
 * ePaaS publishes no error-code table. The codes below are assumed by analogy with WeCom, whose
 * API ePaaS mirrors; keep every such assumption in {@link defaultErrcodeTable} so that it can be
 * changed in one place.
 */

/** What a caller should do about a non-zero errcode. */
export type ErrcodeAction =
  /** Upstream is busy: retry with backoff, a bounded number of times. */
  | 'retry'
  /** The token is invalid or expired: drop it, get a new one, retry once. */
  | 'refresh-token'
  /** Anything else: report it. */
  | 'fail'

export interface ErrcodeTable {
  /** errcodes meaning "busy, try again" (default `[-1]`). */
  busy: readonly number[]
  /** errcodes meaning the token is bad (default `[40014, 42001]`). */
  invalidToken: readonly number[]
  /** How many times a busy answer is retried (default 3). */
  maxBusyRetries: number
}

/** The assumed table: `-1` busy, `40014` invalid token, `42001` expired token. */
export const defaultErrcodeTable: ErrcodeTable = {
  busy: [-1],
  invalidToken: [40014, 42001],
  maxBusyRetries: 3,
}

/** Well-known codes, for tests, mocks and messages. */
export const Errcode = {
  Ok: 0,
  Busy: -1,
  InvalidToken: 40014,
  ExpiredToken: 42001,
  /** The mock answers this for a bad request body (WeCom: 40058 "invalid parameter"). */
  InvalidParameter: 40058,
} as const

/** Classifies an errcode with a table (the default one unless given). */
export function classifyErrcode(
  errcode: number,
  table: ErrcodeTable = defaultErrcodeTable,
): ErrcodeAction {
  if (table.busy.includes(errcode)) return 'retry'
  if (table.invalidToken.includes(errcode)) return 'refresh-token'
  return 'fail'
}

/**
 * ePaaS answered with a non-zero errcode. Carries the endpoint path, never the token.
 *
 * @example
 * try { await client.selectDepartments({}) }
 * catch (e) { if (e instanceof EpaasError && e.errcode === 42001) refreshToken() }
 */
export class EpaasError extends Error {
  override readonly name = 'EpaasError'
  constructor(
    /** The upstream errcode (non-zero). */
    readonly errcode: number,
    /** The upstream errmsg. */
    readonly errmsg: string,
    /** The endpoint path, e.g. `/campus/department/select`. */
    readonly endpoint: string,
  ) {
    super(`${endpoint} answered errcode ${errcode}: ${errmsg || '(no errmsg)'}`)
  }

  /** What to do about this error under a table (the default one unless given). */
  action(table?: ErrcodeTable): ErrcodeAction {
    return classifyErrcode(this.errcode, table)
  }
}

/** Why a request failed before an errcode could be read. */
export type RequestFailureKind =
  /** Non-2xx HTTP status. */
  | 'http'
  /** No answer within `timeoutMs`. */
  | 'timeout'
  /** fetch itself failed (connection refused, DNS, CORS...). */
  | 'network'
  /** The body was not the JSON the endpoint promises. */
  | 'malformed'
  /** The request could not be built from the given input (bad ID, ...). */
  | 'invalid-input'

/**
 * A request failed at the transport level: HTTP error, timeout, network failure, malformed answer,
 * or input that cannot be encoded. Cancellation through an AbortSignal is not wrapped: the
 * signal's own reason (an `AbortError`) is thrown, as `fetch` does.
 */
export class EpaasRequestError extends Error {
  override readonly name = 'EpaasRequestError'
  constructor(
    readonly kind: RequestFailureKind,
    /** The endpoint path. */
    readonly endpoint: string,
    message: string,
    readonly details: {
      /** HTTP status for `http` failures. */
      status?: number
      /** Error code from a `{ error: { code, message } }` body (the proxy's error shape). */
      code?: string
      cause?: unknown
    } = {},
  ) {
    super(
      `${endpoint}: ${message}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    )
  }

  /** HTTP status for `http` failures. */
  get status(): number | undefined {
    return this.details.status
  }

  /** Error code from a proxy's `{ error: { code } }` answer. */
  get code(): string | undefined {
    return this.details.code
  }
}

/** Whether `error` is the rejection of an aborted request (fetch's `AbortError`). */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error as { name: unknown }).name === 'AbortError'
  )
}
