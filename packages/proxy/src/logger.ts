/**
 * Logging: pino by default, any pino-compatible logger accepted, every call redacted first.
 */
import { pino } from 'pino'
import { type Redactor, REDACTED, secretFieldNames } from './redact.js'

/** A log method in pino's style: an object of fields, then a message. */
export type LogMethod = (fields: object, message?: string) => void

/**
 * The logger the proxy writes to: pino, or anything with pino's `(fields, message)` methods
 * (a pino child logger, a Fastify `request.log`, a small adapter over your own logger).
 */
export interface ProxyLogger {
  debug: LogMethod
  info: LogMethod
  warn: LogMethod
  error: LogMethod
}

/** Paths pino censors in the default logger, on top of the proxy's own redaction. */
export const defaultRedactPaths = [
  ...secretFieldNames.flatMap((name) => [`"${name}"`, `*["${name}"]`]),
  'headers.authorization',
  'headers.cookie',
]

/**
 * The default logger: pino at level `info` (or `EPAAS_PROXY_LOG_LEVEL`) with redaction of every
 * secret field name. Lines go to stdout as JSON.
 */
export function createDefaultLogger(): ProxyLogger {
  const level =
    (typeof process !== 'undefined' ? process.env.EPAAS_PROXY_LOG_LEVEL : undefined) ?? 'info'
  return pino({
    name: 'epaas-proxy',
    level,
    redact: { paths: defaultRedactPaths, censor: REDACTED },
  })
}

/** Wraps a logger so that every field and message passes through the redactor first. */
export function createRedactingLogger(logger: ProxyLogger, redactor: Redactor): ProxyLogger {
  const wrap =
    (method: keyof ProxyLogger): LogMethod =>
    (fields, message) => {
      const safeFields = redactor.redact(fields) as object
      if (message === undefined) logger[method](safeFields)
      else logger[method](safeFields, redactor.redactString(message))
    }
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') }
}
