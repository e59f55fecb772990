/** The mock's HTTP plumbing: JSON answers, CORS preflight, the request body, the logged query. */

/** Headers of every JSON answer (the mock answers any origin). */
export const jsonHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'access-control-allow-origin': '*',
}

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: jsonHeaders })
}

/** The query without its token parameters (as the request log keeps it). */
export function withoutTokens(query: Map<string, string[]>): Map<string, string[]> {
  const out = new Map(query)
  out.delete('access_token')
  out.delete('suite_access_token')
  return out
}

/** The answer to a CORS preflight: any origin, GET and POST, the headers asked for. */
export function preflight(request: Request): Response {
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? '*',
    },
  })
}

/** The request's JSON body, or that it was not JSON (answered later, after the token check). */
export async function readBody(
  request: Request,
  method: string,
): Promise<{ value: unknown; malformed: boolean }> {
  const text = method === 'GET' || method === 'HEAD' ? '' : await request.text()
  if (text.trim() === '') return { value: undefined, malformed: false }
  try {
    return { value: JSON.parse(text), malformed: false }
  } catch {
    return { value: undefined, malformed: true }
  }
}
