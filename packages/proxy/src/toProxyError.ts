import {
  classifyErrcode,
  EpaasError,
  EpaasRequestError,
  isAbortError,
} from '@epaas-picker/protocol'
import { defaultProxyErrcodeTable, userTokenPaths, type ProxyErrcodeTable } from './errcodes.js'
import { ProxyError } from './ProxyError.js'
import type { Redactor } from './redact.js'

/**
 * Maps anything thrown while serving a request to the {@link ProxyError} answered for it.
 * Messages are redacted; unknown errors answer a generic message (the details go to the log).
 * Upstream errcodes the input caused (the table's `input`) and a user token ePaaS keeps refusing
 * answer 4xx: they are the caller's to fix, not a failure of the proxy or of ePaaS.
 */
export function toProxyError(
  error: unknown,
  redactor: Redactor,
  table: ProxyErrcodeTable = defaultProxyErrcodeTable,
): ProxyError {
  if (error instanceof ProxyError) {
    return new ProxyError(error.code, redactor.redactString(error.message), {
      ...error.details,
      cause: error,
    })
  }
  if (error instanceof EpaasError) {
    const message = redactor.redactString(
      `ePaaS ${error.endpoint} answered errcode ${error.errcode}: ${error.errmsg || '(no errmsg)'}`,
    )
    const details = { errcode: error.errcode, cause: error }
    const input = Object.hasOwn(table.input, error.errcode) ? table.input[error.errcode] : undefined
    if (input) return new ProxyError(input, message, details)
    if (
      classifyErrcode(error.errcode, table) === 'refresh-token' &&
      userTokenPaths.has(error.endpoint)
    ) {
      return new ProxyError('user_token_rejected', message, details)
    }
    return new ProxyError('upstream_error', message, details)
  }
  if (error instanceof EpaasRequestError) {
    const message = redactor.redactString(`ePaaS ${error.message}`)
    switch (error.kind) {
      case 'timeout':
        return new ProxyError('upstream_timeout', message, { cause: error })
      case 'http':
        return new ProxyError('upstream_http_error', message, { cause: error })
      case 'malformed':
        return new ProxyError('upstream_malformed', message, { cause: error })
      case 'network':
        return new ProxyError('upstream_unreachable', message, { cause: error })
      case 'invalid-input':
        return new ProxyError('invalid_body', redactor.redactString(error.message), {
          cause: error,
        })
    }
  }
  if (isAbortError(error)) {
    return new ProxyError('client_closed_request', 'the request was aborted', { cause: error })
  }
  return new ProxyError('internal_error', 'internal error', { cause: error })
}
