/**
 * Every ePaaS endpoint this project speaks, in one table: its path, HTTP method and the kind of
 * token it takes. The client, the mock server and the proxy's allow-list are all built from it.
 */

/**
 * Which credential an endpoint accepts.
 * - `user`: a user token (用户凭证) or the picker token from `/open/get_app_token`.
 * - `org`: the organisation token (机构凭证).
 * - `user-or-org`: either.
 * - `suite`: the suite token, passed as `suite_access_token`.
 * - `none`: no token (the suite-token endpoint authenticates with its body).
 */
export type TokenKind = 'user' | 'org' | 'user-or-org' | 'suite' | 'none'

export interface EndpointSpec {
  path: string
  method: 'GET' | 'POST'
  token: TokenKind
}

export const endpoints = {
  getSuiteToken: { path: '/service/get_suite_token', method: 'POST', token: 'none' },
  getCorpToken: { path: '/service/get_corp_token', method: 'POST', token: 'suite' },
  selectDepartments: { path: '/campus/department/select', method: 'POST', token: 'user' },
  getDepartmentUsers: { path: '/department/user/get', method: 'POST', token: 'user' },
  getQywechatDepartmentIds: {
    path: '/department/qywechat/get_qywechat_ids',
    method: 'POST',
    token: 'org',
  },
  getQywechatUserIds: { path: '/user/qywechat/get_qywechat_ids', method: 'POST', token: 'org' },
  getDepartmentIdsByQywechat: {
    path: '/department/qywechat/get_department_ids',
    method: 'POST',
    token: 'org',
  },
  getUserIdsByQywechat: { path: '/user/qywechat/get_user_ids', method: 'POST', token: 'org' },
  getQywxCorpid: { path: '/user/qywechat/get_qywx_corpid', method: 'GET', token: 'user-or-org' },
  getDingtalkDepartmentIds: {
    path: '/depart/dingtalk/get_dingtalk_departid',
    method: 'POST',
    token: 'org',
  },
  getDingtalkUserIds: { path: '/user/dingtalk/get_dingtalk_userid', method: 'POST', token: 'org' },
  getDingtalkToken: { path: '/corp/dingtalk/get_dingtalk_token', method: 'GET', token: 'org' },
  getDepartmentIdsByDingtalk: {
    path: '/depart/dingtalk/get_epaas_departid',
    method: 'POST',
    token: 'org',
  },
  getUserIdsByDingtalk: { path: '/user/dingtalk/get_epaas_userid', method: 'POST', token: 'org' },
} as const satisfies Record<string, EndpointSpec>

/** The name of an endpoint in {@link endpoints}, which is also the client method calling it. */
export type EndpointName = keyof typeof endpoints

/** Production host of ePaaS. */
export const EPAAS_PRODUCTION_URL = 'https://oapi.epaas.qq.com'
/** Test host of ePaaS. */
export const EPAAS_TEST_URL = 'https://test-oapi.epaas.qq.com'
