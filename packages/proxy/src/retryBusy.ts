/**
 * The bounded retry of a "busy" upstream answer: exponential backoff with jitter, abortable.
 * A loop of our own rather than a library: the proxy supports Node 20.19, and the retry libraries'
 * current majors need Node 22.
 */

/** Backoff of {@link retryBusy}. */
export interface BusyRetryPolicy {
  /** Retries after the first attempt (so `retries + 1` attempts at most). */
  retries: number
  /** Milliseconds before the first retry, before jitter. */
  minDelayMs: number
  /** Upper bound of one wait, in milliseconds. */
  maxDelayMs: number
  /** Whether a failure is worth another attempt. */
  isBusy: (error: unknown) => boolean
  /** Told before each wait: the retry's number (1 for the first), the error and the delay. */
  onRetry?: (retry: { attempt: number; error: unknown; delayMs: number }) => void
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number
}

/**
 * Runs `attempt` until it succeeds, fails with an error that is not busy, or the retries are
 * spent. The wait before retry `n` is `minDelayMs * 2^(n-1)`, times a jitter of x1 to x2, capped
 * at `maxDelayMs`. An abort of `signal` during a wait rejects with the signal's reason.
 *
 * @example
 * await retryBusy(() => client.call('selectDepartments', body), policy, request.signal)
 */
export async function retryBusy<T>(
  attempt: () => Promise<T>,
  policy: BusyRetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  const random = policy.random ?? Math.random
  for (let retry = 1; ; retry += 1) {
    try {
      return await attempt()
    } catch (error) {
      if (retry > policy.retries || !policy.isBusy(error)) throw error
      const delayMs = Math.min(
        policy.maxDelayMs,
        Math.round(policy.minDelayMs * 2 ** (retry - 1) * (1 + random())),
      )
      policy.onRetry?.({ attempt: retry, error, delayMs })
      await sleep(delayMs, signal)
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
