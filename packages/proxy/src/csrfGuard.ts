import { ProxyError } from './ProxyError.js'

/** How browser requests are protected against cross-site request forgery. */
export interface CsrfOptions {
  /**
   * - `same-origin` (default): a request passes when it carries the custom header, or when the
   *   browser says it is same-origin (`Sec-Fetch-Site: same-origin`, or without fetch metadata an
   *   `Origin` whose host is the request's host), or comes from `trustedOrigins`. Requests with
   *   neither `Sec-Fetch-Site` nor `Origin` (servers, curl) pass: they carry no browser cookies.
   * - `header`: every request must carry the custom header (any non-empty value). Browsers only
   *   send custom headers cross-site after a CORS preflight, which the proxy never grants.
   * - `off`: no check (only behind another CSRF defence).
   */
  mode?: 'same-origin' | 'header' | 'off'
  /** The custom header's name. Default `x-epaas-proxy`. */
  headerName?: string
  /** Extra origins accepted, e.g. `['https://app.example.edu']`. Default none. */
  trustedOrigins?: string[]
  /** Accept `Sec-Fetch-Site: same-site` (a sibling subdomain). Default `false`. */
  allowSameSite?: boolean
}

/** The default CSRF header name. */
export const DEFAULT_CSRF_HEADER = 'x-epaas-proxy'

/** Builds the guard; it throws a `csrf_rejected` {@link ProxyError} for a refused request. */
export function createCsrfGuard(options: CsrfOptions | false | undefined) {
  if (options === false || options?.mode === 'off') return () => undefined
  const mode = options?.mode ?? 'same-origin'
  const headerName = options?.headerName ?? DEFAULT_CSRF_HEADER
  const trusted = new Set((options?.trustedOrigins ?? []).map((o) => new URL(o).origin))
  const allowSameSite = options?.allowSameSite ?? false

  return (request: Request) => {
    if (request.headers.get(headerName)) return
    if (mode === 'header') {
      throw new ProxyError('csrf_rejected', `the ${headerName} header is required`)
    }
    const origin = request.headers.get('origin')
    if (origin !== null && trusted.has(origin)) return
    const site = request.headers.get('sec-fetch-site')
    if (site !== null) {
      if (site === 'same-origin' || site === 'none') return
      if (site === 'same-site' && allowSameSite) return
      throw new ProxyError('csrf_rejected', `cross-site request refused (Sec-Fetch-Site: ${site})`)
    }
    if (origin === null) return
    let host: string | undefined
    try {
      host = new URL(origin).host
    } catch {
      host = undefined
    }
    if (host !== undefined && host === new URL(request.url).host) return
    throw new ProxyError('csrf_rejected', 'cross-origin request refused')
  }
}
