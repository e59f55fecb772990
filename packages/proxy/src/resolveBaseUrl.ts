/**
 * The upstream base URL: from options, else `EPAAS_BASE_URL`. Never from a request.
 */
export function resolveBaseUrl(fromOptions: string | undefined, who: string): string {
  const env = typeof process !== 'undefined' ? process.env.EPAAS_BASE_URL : undefined
  const baseUrl = fromOptions ?? env
  if (!baseUrl) {
    throw new TypeError(`${who}: set the baseUrl option or the EPAAS_BASE_URL environment variable`)
  }
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new TypeError(`${who}: baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`${who}: baseUrl must be http(s), got ${url.protocol}`)
  }
  return baseUrl.replace(/\/+$/, '')
}
