/** The tuning of `resolve` and what it runs on. */
import type { TokenHandle, Upstream } from '../createUpstream.js'
import type { MappingLookup } from '../createMappingLookups.js'

/** Tuning of `resolve`. */
export interface ResolveOptions {
  /** Department IDs per `/department/user/get` call. Default 20. */
  departmentsPerCall?: number
  /** `/department/user/get` calls at once, per resolve. Default 4. */
  concurrency?: number
  /** Recipients per `recipients` event (and per NDJSON line). Default 500. */
  recipientsPerChunk?: number
  /**
   * For selected departments without `has_sub_org` only (values saved before the picker wrote
   * it, or built by hand): the `department_type`s searched for sub-organisations (one
   * `/campus/department/select` each). A department that carries `has_sub_org` is searched when
   * it is `true` and not when it is `false`, whatever its type and this list. Default
   * {@link defaultSubOrganizationTypes}: 9 上级单位, 11 上级单位根节点, 14 虚拟机构. Add 0 (学校)
   * when such older values tick schools that have branch schools as sub-organisations; `[]`
   * searches none of them. Sub-organisations found are searched in turn when they say
   * `has_sub_org`, whatever their type.
   */
  subOrganizationTypes?: readonly number[]
}

/**
 * The bureau kinds whose selected departments are searched for sub-organisations by default, when
 * a department does not carry `has_sub_org`: 9 上级单位, 11 上级单位根节点, 14 虚拟机构. Not 0
 * (学校): the seed's own example answers a class with `department_type` 0, so 0 does not tell a
 * school, and a search per selected class would double a resolve's calls.
 */
export const defaultSubOrganizationTypes: readonly number[] = [9, 11, 14]

/** What `resolve` runs on. */
export interface ResolveDependencies {
  upstream: Upstream
  userToken: TokenHandle
  mapping: MappingLookup
  maxRecipients: number
  /** Most sub-organisations (and searches for them below the value's departments). */
  maxSubOrganizations: number
  options: ResolveOptions
}
