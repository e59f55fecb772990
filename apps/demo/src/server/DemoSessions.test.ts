import { describe, expect, test } from 'vitest'
import { DemoSessions, readCookie, SESSION_COOKIE } from './DemoSessions.js'

const counter = () => {
  let n = 0
  return () => `token-${++n}`
}

describe('DemoSessions', () => {
  test('a new session answers an HttpOnly, SameSite=Strict cookie that finds it again', () => {
    const sessions = new DemoSessions({ issueUserToken: counter() })
    const { session, setCookie } = sessions.create()
    expect(setCookie).toMatch(
      new RegExp(`^${SESSION_COOKIE}=[\\w-]{20,}; Path=/; HttpOnly; SameSite=Strict$`),
    )
    const cookie = setCookie.split(';')[0]!
    expect(sessions.fromCookieHeader(`theme=dark; ${cookie}`)).toBe(session)
    expect(session.userToken).toBe('token-1')
    // The cookie carries an opaque ID, never the token.
    expect(setCookie).not.toContain(session.userToken)
  })

  test('unknown, missing or malformed cookies find nothing', () => {
    const sessions = new DemoSessions({ issueUserToken: counter() })
    sessions.create()
    expect(sessions.fromCookieHeader(undefined)).toBeUndefined()
    expect(sessions.fromCookieHeader('')).toBeUndefined()
    expect(sessions.fromCookieHeader(`${SESSION_COOKIE}=nope`)).toBeUndefined()
    expect(sessions.fromCookieHeader('garbage')).toBeUndefined()
  })

  test('a refused token is replaced once; a second caller with the same stale token gets the new one', () => {
    const sessions = new DemoSessions({ issueUserToken: counter() })
    const { session } = sessions.create()
    expect(sessions.refreshUserToken(session, 'token-1')).toBe('token-2')
    expect(sessions.refreshUserToken(session, 'token-1')).toBe('token-2')
    expect(sessions.userTokens()).toEqual(['token-2'])
  })

  test('the oldest sessions are dropped beyond the maximum', () => {
    const sessions = new DemoSessions({ issueUserToken: counter(), maxSessions: 2 })
    const first = sessions.create().setCookie.split(';')[0]!
    sessions.create()
    sessions.create()
    expect(sessions.fromCookieHeader(first)).toBeUndefined()
    expect(sessions.userTokens()).toEqual(['token-2', 'token-3'])
  })

  test('readCookie', () => {
    expect(readCookie('a=1; b = 2 ;c=3=4', 'b')).toBe('2')
    expect(readCookie('a=1; c=3=4', 'c')).toBe('3=4')
    expect(readCookie('a=1', 'b')).toBeUndefined()
  })
})
