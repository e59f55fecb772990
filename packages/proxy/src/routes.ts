/**
 * The allow-list of routes, built from the protocol's endpoint table: one route per endpoint a
 * browser may call, plus `/resolve`. Everything else is 404. The token endpoints and
 * `get_dingtalk_token` (whose answer is itself a credential) are never routed.
 */
import { endpoints, type EndpointName } from '@epaas-picker/protocol'

/** Endpoints reachable through the handler. */
export const routedEndpoints = [
  'selectDepartments',
  'getDepartmentUsers',
  'getQywechatDepartmentIds',
  'getQywechatUserIds',
  'getDepartmentIdsByQywechat',
  'getUserIdsByQywechat',
  'getQywxCorpid',
  'getDingtalkDepartmentIds',
  'getDingtalkUserIds',
  'getDepartmentIdsByDingtalk',
  'getUserIdsByDingtalk',
] as const satisfies readonly EndpointName[]

/** A routed endpoint's name. */
export type RoutedEndpoint = (typeof routedEndpoints)[number]

/** What a route calls: an endpoint, or `resolve`. */
export type RouteName = RoutedEndpoint | 'resolve'

/** A check a route makes on its validated body, beyond its schema. */
export type RouteCheck =
  /** `is_get_all_student: true` only with the proxy's `allowGetAllStudent`. */
  'getAllStudentAllowed'

/** One route of the handler: what the request path does differently for it. */
export interface Route {
  name: RouteName
  /** Path under the base path, e.g. `/campus/department/select`. */
  path: string
  /** HTTP methods accepted. */
  methods: readonly string[]
  /** Which token the route's upstream calls use. */
  token: 'user' | 'org'
  /** Which of the proxy's limits bounds the body. */
  bodyLimit: 'bodyBytes' | 'resolveBodyBytes'
  /** Whether a request without a body means `{}` (a GET route) rather than a missing body. */
  emptyBodyIsObject: boolean
  /** Checks beyond the schema. */
  checks: readonly RouteCheck[]
}

/** The route table by path. */
export const routes: ReadonlyMap<string, Route> = new Map(
  [
    ...routedEndpoints.map((name): Route => {
      const spec = endpoints[name]
      return {
        name,
        path: spec.path,
        // The browser client GETs get_qywx_corpid as upstream does; POST {} is accepted too.
        methods: spec.method === 'GET' ? ['GET', 'POST'] : ['POST'],
        token: spec.token === 'org' ? 'org' : 'user',
        bodyLimit: 'bodyBytes',
        emptyBodyIsObject: spec.method === 'GET',
        checks: name === 'selectDepartments' ? ['getAllStudentAllowed'] : [],
      }
    }),
    {
      name: 'resolve',
      path: '/resolve',
      methods: ['POST'],
      token: 'user',
      // A value of thousands of departments and people is a legitimate resolve.
      bodyLimit: 'resolveBodyBytes',
      emptyBodyIsObject: false,
      checks: [],
    } satisfies Route,
  ].map((route) => [route.path, route]),
)
