/**
 * A user token as a key: its SHA-256, so that no cache, limiter or store ever holds the token
 * itself under a key (a Redis `KEYS *` or a memory dump shows hashes, not credentials).
 */

/**
 * The key of a token: `user:` and the hex SHA-256 of the token, or `anonymous` for none.
 *
 * @example
 * await hashToken('abc') // 'user:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function hashToken(token: string | undefined): Promise<string> {
  if (!token) return 'anonymous'
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  let hex = 'user:'
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0')
  return hex
}
