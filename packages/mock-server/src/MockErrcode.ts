/**
 * Every errcode the mock answers, in one table. ePaaS publishes none; like the protocol package,
 * the mock borrows WeCom's codes, whose API ePaaS mirrors.
 */
export const MockErrcode = {
  Ok: 0,
  /** Fault switch `busyRate`: "system busy", retry. */
  Busy: -1,
  /** get_suite_token: wrong suite_secret. */
  InvalidSecret: 40001,
  /** get_corp_token: wrong auth_corpid. */
  InvalidCorpid: 40013,
  /** Unknown or revoked token (access_token or suite_access_token). */
  InvalidToken: 40014,
  /** A field of the request is missing or has the wrong type or value; errmsg names it. */
  InvalidParameter: 40058,
  /** get_suite_token: wrong suite_id. */
  InvalidSuiteId: 40083,
  /** get_corp_token: wrong permanent_code. */
  InvalidPermanentCode: 40084,
  /** get_suite_token: wrong suite_ticket. */
  InvalidSuiteTicket: 40085,
  /** No access_token (or suite_access_token) in the query. */
  MissingToken: 41001,
  /** The token has expired. */
  ExpiredToken: 42001,
  /** A GET endpoint called with another method. */
  GetRequired: 43001,
  /** A POST endpoint called with GET. */
  PostRequired: 43002,
  /** The body is not JSON. */
  InvalidJson: 47001,
  /** Wrong kind of token: a user token where an org token belongs, or the reverse. */
  ApiUnauthorized: 48001,
  /** The department does not exist in the given (or the token's) organisation. */
  DepartmentNotFound: 60003,
  /** `corpid` is not the token's organisation nor one of its sub-organisations. */
  NoPrivilege: 60011,
} as const

/** One of the {@link MockErrcode} values. */
export type MockErrcode = (typeof MockErrcode)[keyof typeof MockErrcode]

/** Thrown by endpoint implementations; the handler answers `{ errcode, errmsg }` with HTTP 200. */
export class MockEpaasError extends Error {
  override readonly name = 'MockEpaasError'
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${errcode}: ${errmsg}`)
  }
}

/** A 40058 naming the field. */
export function invalidParameter(field: string, problem: string): MockEpaasError {
  return new MockEpaasError(MockErrcode.InvalidParameter, `invalid parameter ${field}: ${problem}`)
}
