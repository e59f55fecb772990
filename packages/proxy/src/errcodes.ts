/**
 * The proxy's errcode table: the protocol's (busy, bad token) plus how upstream errcodes caused
 * by the request's own input are answered. One table, one option (`errcodes`), so that every
 * assumption about ePaaS's unpublished codes can be changed in one place.
 */
import { defaultErrcodeTable, endpoints, type ErrcodeTable } from '@epaas-picker/protocol'

/** The 4xx answers an input-caused upstream errcode may map to (each code has its status). */
export type InputErrcodeAnswer =
  /** 400: upstream found a parameter invalid (a wrong `select_node_type`, a bad ID). */
  | 'upstream_bad_request'
  /** 403: the input names something outside the token's reach (another organisation). */
  | 'upstream_forbidden'
  /** 404: the input names something upstream does not know (an unknown department). */
  | 'upstream_not_found'

/** Errcodes and what the proxy does about them. */
export interface ProxyErrcodeTable extends ErrcodeTable {
  /**
   * Upstream errcodes that a request's input can provoke, and the 4xx answered for them instead
   * of a 502: the caller sent something wrong, the proxy and ePaaS are fine. The answer keeps the
   * upstream `errcode`.
   */
  input: Readonly<Record<number, InputErrcodeAnswer>>
}

/**
 * The default table: the protocol's `-1` busy and `40014` / `42001` bad token, plus the
 * input-caused codes, assumed by analogy with WeCom (ePaaS publishes no table; the mock answers
 * the same): `40058` invalid parameter -> 400, `60003` department not found -> 404, `60011` no
 * privilege over that organisation -> 403.
 */
export const defaultProxyErrcodeTable: ProxyErrcodeTable = {
  ...defaultErrcodeTable,
  input: {
    40058: 'upstream_bad_request',
    60003: 'upstream_not_found',
    60011: 'upstream_forbidden',
  },
}

/** The table in force: the defaults with the given fields replaced. */
export function resolveErrcodeTable(table: Partial<ProxyErrcodeTable> = {}): ProxyErrcodeTable {
  return { ...defaultProxyErrcodeTable, ...table }
}

/**
 * Upstream paths the handler calls with the request's user token: when ePaaS still refuses the
 * token after `getUserToken` was asked for a fresh one, the user must sign in again (401), which
 * is no fault of the proxy. (The server client's org-token calls are not answered by the handler.)
 */
export const userTokenPaths: ReadonlySet<string> = new Set([
  endpoints.selectDepartments.path,
  endpoints.getDepartmentUsers.path,
  endpoints.getQywxCorpid.path,
])
