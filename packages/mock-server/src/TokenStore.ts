/**
 * Tokens the mock has issued: their kind, organisation and expiry. Expired tokens are kept so that
 * they answer 42001 (expired) rather than 40014 (unknown); revoked ones are forgotten.
 */

/** Kinds of token: user (用户凭证), org (机构凭证), and the suite token of the token flow. */
export type MockTokenKind = 'user' | 'org' | 'suite'

export interface TokenRecord {
  kind: MockTokenKind
  /** The organisation the token belongs to (`0` for suite tokens). */
  corpid: number
  /** Expiry on the mock's clock, in ms. */
  expiresAt: number
}

export type TokenLookup =
  | { status: 'ok'; record: TokenRecord }
  | { status: 'expired'; record: TokenRecord }
  | { status: 'unknown' }

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>()

  constructor(private readonly now: () => number) {}

  issue(kind: MockTokenKind, corpid: number, ttlSeconds: number): string {
    const token = randomToken()
    this.tokens.set(token, { kind, corpid, expiresAt: this.now() + ttlSeconds * 1000 })
    return token
  }

  lookup(token: string): TokenLookup {
    const record = this.tokens.get(token)
    if (!record) return { status: 'unknown' }
    return this.now() >= record.expiresAt ? { status: 'expired', record } : { status: 'ok', record }
  }

  revoke(token: string): void {
    this.tokens.delete(token)
  }

  revokeAll(): void {
    this.tokens.clear()
  }
}

/** 40 random hex digits from the Web Crypto API (present in browsers and Node 20). */
export function randomToken(): string {
  const bytes = new Uint8Array(20)
  globalThis.crypto.getRandomValues(bytes)
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}
