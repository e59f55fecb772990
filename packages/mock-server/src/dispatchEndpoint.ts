import type { EndpointName } from '@epaas-picker/protocol'
import type { Dataset } from './Dataset.js'
import { getDepartmentUsers } from './departmentUsers.js'
import * as mappings from './mappings.js'
import type { Params } from './Params.js'
import { selectDepartments } from './select.js'
import { getCorpToken, getSuiteToken, type MockCredentials } from './tokenEndpoints.js'
import type { TokenRecord, TokenStore } from './TokenStore.js'

/** What the endpoints read besides the request: the data, the tokens and the clock. */
export interface EndpointContext {
  data: Dataset
  credentials: MockCredentials
  tokens: TokenStore
  ttlSeconds: number
  dingtalkTokens: mappings.DingtalkTokens
  now: () => number
}

/** The answer's fields (besides `errcode` and `errmsg`) of the endpoint `name`. */
export function dispatchEndpoint(
  name: EndpointName,
  token: TokenRecord | undefined,
  params: Params,
  mock: EndpointContext,
) {
  const { data, credentials, tokens, ttlSeconds, dingtalkTokens, now } = mock
  const corpid = token?.corpid ?? 0
  const ctx = { data, corpid, params }
  const tokenCtx = { params, credentials, tokens, ttlSeconds }
  switch (name) {
    case 'getSuiteToken':
      return getSuiteToken(tokenCtx)
    case 'getCorpToken':
      return getCorpToken(tokenCtx)
    case 'selectDepartments':
      return selectDepartments(data, corpid, params)
    case 'getDepartmentUsers':
      return getDepartmentUsers(data, corpid, params)
    case 'getQywechatDepartmentIds':
      return mappings.getQywechatDepartmentIds(ctx)
    case 'getQywechatUserIds':
      return mappings.getQywechatUserIds(ctx)
    case 'getDepartmentIdsByQywechat':
      return mappings.getDepartmentIdsByQywechat(ctx)
    case 'getUserIdsByQywechat':
      return mappings.getUserIdsByQywechat(ctx)
    case 'getQywxCorpid':
      return mappings.getQywxCorpid(ctx)
    case 'getDingtalkDepartmentIds':
      return mappings.getDingtalkDepartmentIds(ctx)
    case 'getDingtalkUserIds':
      return mappings.getDingtalkUserIds(ctx)
    case 'getDingtalkToken':
      return mappings.getDingtalkToken(ctx, dingtalkTokens, now())
    case 'getDepartmentIdsByDingtalk':
      return mappings.getDepartmentIdsByDingtalk(ctx)
    case 'getUserIdsByDingtalk':
      return mappings.getUserIdsByDingtalk(ctx)
  }
}
