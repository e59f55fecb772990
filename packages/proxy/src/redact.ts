/**
 * Keeps secrets out of everything the proxy writes: log lines, error messages, answers.
 *
 * Two nets: a pattern for secret-looking query parameters and fields (`access_token=...`), and
 * the exact values of the tokens the proxy has held recently, which token sources and
 * `getUserToken` register as they obtain them.
 */
import { LRUCache } from 'lru-cache'

/** What a redacted secret is replaced with. */
export const REDACTED = '[REDACTED]'

/** Field names whose values are always secret. */
export const secretFieldNames = [
  'access_token',
  'suite_access_token',
  'suite_secret',
  'suite_ticket',
  'permanent_code',
  'dingtalk_token',
  'token',
  'authorization',
  'cookie',
  'set-cookie',
] as const

const secretFieldSet = new Set<string>(secretFieldNames)
const secretParameter = new RegExp(
  `((?:${secretFieldNames.filter((n) => n.includes('_')).join('|')})["']?\\s*[=:]\\s*["']?)[^&\\s"',}]+`,
  'gi',
)

/** Redacts registered secrets from strings and structured values. */
export interface Redactor {
  /** Remembers a secret so that it is redacted wherever it shows up. Empty strings are ignored. */
  register(secret: string | undefined): void
  /** The string with every known secret and secret-looking parameter replaced. */
  redactString(text: string): string
  /** A deep copy of `value` with secrets removed (Errors become plain objects). */
  redact(value: unknown): unknown
}

/**
 * Creates a redactor remembering the last `capacity` secrets (default 1000).
 *
 * @example
 * const redactor = createRedactor()
 * redactor.register(token)
 * redactor.redactString(`failed with ${token}`) // 'failed with [REDACTED]'
 */
export function createRedactor(capacity = 1000): Redactor {
  const secrets = new LRUCache<string, true>({ max: capacity })

  function redactString(text: string): string {
    let out = text.replace(secretParameter, `$1${REDACTED}`)
    for (const secret of secrets.keys()) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED)
    }
    return out
  }

  function redact(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return redactString(value)
    if (value === null || typeof value !== 'object') return value
    if (depth > 8) return '[Too deep]'
    if (value instanceof Error) {
      const error = value as Error & { code?: unknown; errcode?: unknown; kind?: unknown }
      return {
        type: error.name,
        message: redactString(error.message),
        ...(error.code === undefined ? {} : { code: redact(error.code, depth + 1) }),
        ...(error.errcode === undefined ? {} : { errcode: error.errcode }),
        ...(error.kind === undefined ? {} : { kind: error.kind }),
        ...(error.stack ? { stack: redactString(error.stack) } : {}),
        ...(error.cause === undefined ? {} : { cause: redact(error.cause, depth + 1) }),
      }
    }
    if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) {
      out[key] = secretFieldSet.has(key.toLowerCase()) ? REDACTED : redact(v, depth + 1)
    }
    return out
  }

  return {
    register(secret) {
      // Very short values would redact ordinary words; real tokens are long.
      if (secret && secret.length >= 8) secrets.set(secret, true)
    },
    redactString,
    redact: (value) => redact(value),
  }
}
