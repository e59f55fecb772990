import { describe, expect, it } from 'vitest'
import { retryBusy } from './retryBusy.js'

class Busy extends Error {}

const policy = (overrides = {}) => ({
  retries: 3,
  minDelayMs: 1,
  maxDelayMs: 4,
  isBusy: (error: unknown) => error instanceof Busy,
  random: () => 0.5,
  ...overrides,
})

describe('retryBusy', () => {
  it('retries busy failures with growing, capped delays, then answers', async () => {
    let calls = 0
    const delays: number[] = []
    const answer = await retryBusy(
      async () => {
        calls += 1
        if (calls < 4) throw new Busy()
        return 'ok'
      },
      policy({ onRetry: ({ delayMs }: { delayMs: number }) => delays.push(delayMs) }),
    )
    expect(answer).toBe('ok')
    expect(calls).toBe(4)
    // 1 * 1.5, 2 * 1.5, 4 * 1.5 capped at 4
    expect(delays).toEqual([2, 3, 4])
  })

  it('gives up after the retries, and never retries other failures', async () => {
    let calls = 0
    await expect(
      retryBusy(async () => {
        calls += 1
        throw new Busy('still busy')
      }, policy()),
    ).rejects.toThrow('still busy')
    expect(calls).toBe(4)

    calls = 0
    await expect(
      retryBusy(async () => {
        calls += 1
        throw new Error('broken')
      }, policy()),
    ).rejects.toThrow('broken')
    expect(calls).toBe(1)
  })

  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController()
    let calls = 0
    const run = retryBusy(
      async () => {
        calls += 1
        throw new Busy()
      },
      policy({ minDelayMs: 60_000, maxDelayMs: 60_000 }),
      controller.signal,
    )
    await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort(new Error('gone'))
    await expect(run).rejects.toThrow('gone')
    expect(calls).toBe(1)
  })
})
