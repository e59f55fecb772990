/** How a failed request is logged: by who is at fault, at the level that deserves. */
import type { ProxyLogger } from './logger.js'
import type { ProxyError } from './ProxyError.js'

/** The proxy's failure log. */
export function createFailureLog(logger: ProxyLogger) {
  return {
    log(error: ProxyError, route: string) {
      if (error.status < 500 && error.details.errcode !== undefined) {
        // Upstream refused the caller's input or user token: worth seeing, not an alert.
        logger.info({ route, code: error.code, errcode: error.details.errcode }, error.message)
      } else if (error.status >= 500 && error.code !== 'internal_error') {
        logger.warn(
          { route, code: error.code, errcode: error.details.errcode, err: error.cause },
          error.message,
        )
      } else if (error.code === 'internal_error') {
        logger.error({ route, err: error.cause }, 'internal error')
      }
    },
  }
}
