import type { EndpointTypes, Role } from '@epaas-picker/protocol'
import pLimit from 'p-limit'
import type { TokenHandle, Upstream } from '../createUpstream.js'
import type { DepartmentGroup } from './groupByCorp.js'
import type { SearchTarget } from './planResolve.js'

/** `/department/user/get` for one group of departments. */
export type DepartmentUsersCall = (
  group: DepartmentGroup,
) => Promise<EndpointTypes['getDepartmentUsers'][1]>

/** `/campus/department/select` of one department, with its sub-organisations shown. */
export type SubOrganizationSearchCall = (
  target: SearchTarget,
) => Promise<EndpointTypes['selectDepartments'][1]>

/** The two upstream calls of a resolve, sharing one concurrency limit. */
export interface DepartmentCalls {
  getDepartmentUsers: DepartmentUsersCall
  searchSubOrganizations: SubOrganizationSearchCall
}

/** What the calls are made with. */
export interface DepartmentCallsOptions {
  upstream: Upstream
  userToken: TokenHandle
  /** Calls at once, both kinds together. */
  concurrency: number
  /** Sent as `role_ids` with every expansion; `undefined`: every role. */
  roles: ReadonlySet<Role> | undefined
  /** Aborts every call of the resolve. */
  signal: AbortSignal
}

/**
 * The upstream calls of one resolve, at most `concurrency` at once (the exclusions' and the
 * expansions' alike). Holds nothing but the limit's queue of calls waiting for a slot.
 *
 * @example
 * const calls = createDepartmentCalls({ upstream, userToken, concurrency: 4, roles, signal })
 * const { user_infos } = await calls.getDepartmentUsers({ corpid: '1001', ids: ['11'] })
 */
export function createDepartmentCalls(options: DepartmentCallsOptions): DepartmentCalls {
  const { upstream, userToken: token, signal } = options
  const limit = pLimit(options.concurrency)
  const roleIds = options.roles ? [...options.roles] : undefined
  return {
    getDepartmentUsers: (group) =>
      limit(() =>
        upstream.call(
          'getDepartmentUsers',
          {
            ...(roleIds ? { role_ids: roleIds } : {}),
            org_department_info_list: [
              {
                ...(group.corpid === '' ? {} : { corpid: group.corpid }),
                department_ids: group.ids,
              },
            ],
          },
          { token, signal },
        ),
      ),
    // The same request the picker makes to open the node, with the sub-organisations shown.
    searchSubOrganizations: (target) =>
      limit(() =>
        upstream.call(
          'selectDepartments',
          {
            id: target.id,
            select_node_type: target.select_node_type,
            corpid: target.corpid,
            is_include_sub_org: true,
          },
          { token, signal },
        ),
      ),
  }
}
