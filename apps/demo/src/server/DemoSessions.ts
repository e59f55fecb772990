/**
 * The demo's stand-in for a real app's sign-in: opening the page starts a session (an opaque,
 * HttpOnly, SameSite=Strict cookie) and the session holds the ePaaS user token on the server.
 *
 * A real app replaces all of this with its own login and session store: `authorize` asks "is this
 * a signed-in user allowed to pick recipients?", and `getUserToken` reads the user token (用户凭证)
 * that the app obtained for that user through ePaaS's OAuth flow. The browser only ever holds the
 * session cookie, never a token.
 */
import { randomBytes } from 'node:crypto'

/** The session cookie's name. */
export const SESSION_COOKIE = 'epaas_demo_session'

/** What the server keeps for one browser. */
export interface DemoSession {
  readonly id: string
  /** The user token of this session. Server-side only. */
  userToken: string
  readonly createdAt: number
}

/** Options of {@link DemoSessions}. */
export interface DemoSessionsOptions {
  /** Gives the user token of a new session, and a fresh one when upstream refused the old one. */
  issueUserToken: () => string
  /** Most sessions kept; the oldest are dropped first. Default 1000. */
  maxSessions?: number
}

/** In-memory sessions keyed by the cookie's value. */
export class DemoSessions {
  private readonly sessions = new Map<string, DemoSession>()
  private readonly maxSessions: number

  constructor(private readonly options: DemoSessionsOptions) {
    this.maxSessions = options.maxSessions ?? 1000
  }

  /** Starts a session and answers it with the `Set-Cookie` value that carries it. */
  create(): { session: DemoSession; setCookie: string } {
    const id = randomBytes(24).toString('base64url')
    const session: DemoSession = {
      id,
      userToken: this.options.issueUserToken(),
      createdAt: Date.now(),
    }
    this.sessions.set(id, session)
    if (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value
      if (oldest !== undefined) this.sessions.delete(oldest)
    }
    return {
      session,
      // No `Secure`: the dev server speaks plain http on localhost. A real app over https sets it.
      setCookie: `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict`,
    }
  }

  /** The session of a request's `Cookie` header, if it names a live one. */
  fromCookieHeader(header: string | null | undefined): DemoSession | undefined {
    const id = readCookie(header, SESSION_COOKIE)
    return id === undefined ? undefined : this.sessions.get(id)
  }

  /** Replaces a session's user token after upstream refused `stale`, once per stale token. */
  refreshUserToken(session: DemoSession, stale: string): string {
    if (session.userToken === stale) session.userToken = this.options.issueUserToken()
    return session.userToken
  }

  /** Every user token held by a session now (for the no-token-leak tests). */
  userTokens(): string[] {
    return [...this.sessions.values()].map((session) => session.userToken)
  }
}

/** The value of one cookie in a `Cookie` header. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}
