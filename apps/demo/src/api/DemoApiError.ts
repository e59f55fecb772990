/** A failed call: the backend's `{ error: { code, message } }`, or a network failure. */
export class DemoApiError extends Error {
  override readonly name = 'DemoApiError'
  constructor(
    /** The backend's error code (`unauthorized`, `upstream_error`...), `network` or `incomplete`. */
    readonly code: string,
    message: string,
    /** HTTP status, when an answer came. */
    readonly status?: number,
  ) {
    super(message)
  }
}

/** The backend's error body (`{ error: { code, message } }`) as a {@link DemoApiError}. */
export async function errorOf(response: Response): Promise<DemoApiError> {
  try {
    const { error } = (await response.json()) as { error: { code: string; message: string } }
    return new DemoApiError(error.code, error.message, response.status)
  } catch {
    return new DemoApiError('http', `HTTP ${response.status}`, response.status)
  }
}
