/** A signal that aborts with the caller's, or when the work ends first. */
export interface AbortScope {
  readonly signal: AbortSignal
  /** Aborts what is still running on {@link signal} and lets go of the caller's signal. */
  end(): void
}

/**
 * Links one signal for everything a resolve starts to the caller's: aborting the caller's aborts
 * it (with the caller's reason); `end()` aborts it too, so that calls still in flight when the
 * consumer stops or fails are stopped, and removes the listener from the caller's signal.
 *
 * @example
 * const scope = abortTogether(request.signal)
 * try { await work(scope.signal) } finally { scope.end() }
 */
export function abortTogether(signal: AbortSignal | undefined): AbortScope {
  const controller = new AbortController()
  const onAbort = () => controller.abort(signal?.reason)
  if (signal?.aborted) controller.abort(signal.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  return {
    signal: controller.signal,
    end() {
      controller.abort(new DOMException('resolve ended', 'AbortError'))
      signal?.removeEventListener('abort', onAbort)
    },
  }
}
