import { EpaasError, EpaasRequestError, isAbortError } from '@epaas-picker/protocol'
import { ProxyError } from './ProxyError.js'
import type { Redactor } from './redact.js'

/**
 * Maps anything thrown while serving a request to the {@link ProxyError} answered for it.
 * Messages are redacted; unknown errors answer a generic message (the details go to the log).
 */
export function toProxyError(error: unknown, redactor: Redactor): ProxyError {
  if (error instanceof ProxyError) {
    return new ProxyError(error.code, redactor.redactString(error.message), {
      ...error.details,
      cause: error,
    })
  }
  if (error instanceof EpaasError) {
    return new ProxyError(
      'upstream_error',
      redactor.redactString(
        `ePaaS ${error.endpoint} answered errcode ${error.errcode}: ${error.errmsg || '(no errmsg)'}`,
      ),
      { errcode: error.errcode, cause: error },
    )
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
