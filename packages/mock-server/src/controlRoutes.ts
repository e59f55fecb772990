/**
 * `/__mock/*`: JSON routes to drive a mock from outside the process (a browser, curl, another
 * test runner). Never subject to faults, never recorded in `requests`.
 *
 * - `GET  /__mock/info`      dataset summary, organisations and the token-flow credentials
 * - `GET  /__mock/faults`    current fault settings
 * - `POST /__mock/faults`    `Partial<FaultSettings>` -> the settings now in force
 * - `POST /__mock/reset`     faults back to the initial ones, request log emptied
 * - `POST /__mock/tokens`    `{ kind: 'user' | 'org', corpid?, ttlSeconds? }` -> `{ access_token, expires_in }`
 * - `POST /__mock/revoke`    `{ token? }`: revoke one token, or all of them without `token`
 * - `GET  /__mock/requests`  `{ requests }`, the request log
 */
import type { MockEpaas } from './createMockEpaas.js'

const headers = {
  'content-type': 'application/json; charset=utf-8',
  'access-control-allow-origin': '*',
}

const ok = (body: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ errcode: 0, errmsg: 'ok', ...body }), { status: 200, headers })

const fail = (status: number, errmsg: string) =>
  new Response(JSON.stringify({ errcode: 40058, errmsg }), { status, headers })

async function readObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text()
  if (text.trim() === '') return {}
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('the body must be a JSON object')
  }
  return value as Record<string, unknown>
}

/** Answers a control route of `mock`. */
// One case per route, each a few lines: long as the list of routes is.
export async function handleControlRoute(
  mock: MockEpaas,
  request: Request,
  path: string,
  defaults: { tokenTtlSeconds: number },
): Promise<Response> {
  const route = `${request.method.toUpperCase()} ${path}`
  try {
    switch (route) {
      case 'GET /__mock/info': {
        const { data } = mock
        return ok({
          dataset: data.kind,
          seed: data.seed,
          top_corpid: data.topCorpid,
          organizations: data.organizations.map((o) => ({
            corpid: o.corpid,
            name: o.name,
            root_id: o.rootId,
            parent_corpid: o.parentCorpid,
          })),
          departments: data.departments.length,
          users: data.users.length,
          credentials: mock.credentials,
        })
      }
      case 'GET /__mock/faults':
        return ok({ faults: mock.faults.get() })
      case 'POST /__mock/faults':
        mock.faults.set(await readObject(request))
        return ok({ faults: mock.faults.get() })
      case 'POST /__mock/reset':
        mock.faults.reset()
        mock.resetLog()
        return ok({ faults: mock.faults.get() })
      case 'POST /__mock/tokens': {
        const body = await readObject(request)
        const { kind, corpid, ttlSeconds } = body
        if (kind !== 'user' && kind !== 'org') throw new TypeError("kind must be 'user' or 'org'")
        if (corpid !== undefined && typeof corpid !== 'string' && typeof corpid !== 'number') {
          throw new TypeError('corpid must be a string or a number')
        }
        if (ttlSeconds !== undefined && (typeof ttlSeconds !== 'number' || !(ttlSeconds > 0))) {
          throw new TypeError('ttlSeconds must be a positive number')
        }
        const options = { corpid, ttlSeconds }
        const access_token =
          kind === 'user' ? mock.issueUserToken(options) : mock.issueOrgToken(options)
        return ok({ access_token, expires_in: ttlSeconds ?? defaults.tokenTtlSeconds })
      }
      case 'POST /__mock/revoke': {
        const { token } = await readObject(request)
        if (token === undefined) mock.revokeAllTokens()
        else if (typeof token === 'string') mock.revokeToken(token)
        else throw new TypeError('token must be a string')
        return ok()
      }
      case 'GET /__mock/requests':
        return ok({ requests: mock.requests })
      default:
        return fail(404, `no such control route: ${route}`)
    }
  } catch (error) {
    return fail(400, error instanceof Error ? error.message : String(error))
  }
}
