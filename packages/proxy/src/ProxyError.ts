/**
 * The proxy's error type and its JSON shape on the wire: `{ error: { code, message, errcode? } }`.
 */

/** Every `error.code` the proxy answers, with the HTTP status it comes with. */
export const errorStatus = {
  /**
   * The request itself is malformed: a request target or `Host` header that is not a URL, or a
   * method the web `Request` refuses (`TRACE`, ...). Answered by the adapters.
   */
  bad_request: 400,
  /** The body is not valid JSON. */
  invalid_json: 400,
  /** The body is JSON but does not have the route's shape; the message names the field. */
  invalid_body: 400,
  /** The app's `authorize` refused: no (or an invalid) session. */
  unauthorized: 401,
  /** No user token could be found for a route that needs one. */
  no_user_token: 401,
  /**
   * ePaaS refused the user token (invalid or expired), also after `getUserToken` was asked for a
   * fresh one: the user must sign in to ePaaS again. `errcode` is included.
   */
  user_token_rejected: 401,
  /** The app's `authorize` refused: this user may not call this route. */
  forbidden: 403,
  /** The CSRF guard refused a cross-site request. */
  csrf_rejected: 403,
  /** No such route under the base path. */
  not_found: 404,
  /** The route exists but not for this HTTP method; `Allow` lists the methods. */
  method_not_allowed: 405,
  /** The body did not arrive within `limits.bodyTimeoutMs` (the connection is then closed). */
  body_timeout: 408,
  /** The body is larger than the route's limit. */
  payload_too_large: 413,
  /** A POST body that is not `application/json`. */
  unsupported_media_type: 415,
  /** The per-user rate limit is exhausted; `Retry-After` says for how many seconds. */
  rate_limited: 429,
  /** A `resolve` would produce more recipients than `limits.resolveRecipients`. */
  too_many_recipients: 422,
  /** A `resolve` would find more sub-organisations than `limits.resolveSubOrganizations`. */
  too_many_sub_organizations: 422,
  /** A bug or a failing hook of the app; details are logged, not answered. */
  internal_error: 500,
  /** The route needs an option the proxy was not given (`getUserToken`, `orgToken`). */
  not_configured: 501,
  /** The proxy was closed (`close()`), e.g. during a shutdown. */
  unavailable: 503,
  /** ePaaS answered a non-zero errcode (after the retries it allows); `errcode` is included. */
  upstream_error: 502,
  /**
   * ePaaS refused a token from a token source (invalid or expired), and the source, asked for a
   * fresh one, answered the same token again (e.g. a `tokenFromFunction` whose function keeps
   * answering a stale token). Nothing is retried; fix the source. `errcode` is included.
   */
  token_not_refreshed: 502,
  /** ePaaS answered a non-2xx HTTP status. */
  upstream_http_error: 502,
  /** ePaaS answered something that is not the JSON the endpoint promises. */
  upstream_malformed: 502,
  /** ePaaS could not be reached. */
  upstream_unreachable: 502,
  /** ePaaS did not answer within the upstream timeout. */
  upstream_timeout: 504,
  /** The client went away before the answer was ready (nobody reads this answer). */
  client_closed_request: 499,
  /**
   * ePaaS found a parameter of the request invalid (errcode 40058 by default; see the `errcodes`
   * option's `input` table). `errcode` is included.
   */
  upstream_bad_request: 400,
  /** The request names an organisation outside the token's reach (errcode 60011 by default). */
  upstream_forbidden: 403,
  /** The request names something ePaaS does not know, e.g. a department (errcode 60003 by default). */
  upstream_not_found: 404,
} as const

/** A code of {@link errorStatus}. */
export type ProxyErrorCode = keyof typeof errorStatus

/** The JSON body of every error answer. */
export interface ProxyErrorBody {
  error: {
    code: ProxyErrorCode
    message: string
    /** The upstream errcode, for errors that come from an ePaaS answer. */
    errcode?: number
  }
}

/**
 * An error the proxy turns into a JSON answer with its status. Throw it from `authorize` or
 * `getUserToken` to answer, e.g., a 401 with a message of your own.
 *
 * @example
 * authorize: (request) => {
 *   if (!request.headers.get('cookie')) throw new ProxyError('unauthorized', 'please sign in')
 *   return true
 * }
 */
export class ProxyError extends Error {
  override readonly name = 'ProxyError'
  /** The HTTP status answered. */
  readonly status: number
  constructor(
    /** The stable machine-readable code. */
    readonly code: ProxyErrorCode,
    message: string,
    readonly details: {
      /** Upstream errcode, for errors that come from an ePaaS answer. */
      errcode?: number
      /** Seconds, for `rate_limited`. */
      retryAfterSeconds?: number
      /** Methods allowed, for `method_not_allowed`. */
      allow?: string[]
      cause?: unknown
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.status = errorStatus[code]
  }

  /** The JSON body answered for this error. */
  toJSON(): ProxyErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details.errcode === undefined ? {} : { errcode: this.details.errcode }),
      },
    }
  }
}
