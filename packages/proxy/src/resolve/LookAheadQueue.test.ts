/**
 * The look-ahead queue under a slow consumer: order, jobs joining at either end, the window, and
 * a failure in order with the later ones handled.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { LookAheadQueue } from './LookAheadQueue.js'

/** Jobs answered on a later turn, with the number started so far. */
function counted() {
  const state = { started: 0 }
  const run = async (job: string) => {
    state.started += 1
    await sleep(0)
    if (job.startsWith('fail')) throw new Error(job)
    return job.toUpperCase()
  }
  return { state, run }
}

describe('LookAheadQueue', () => {
  it('answers in queue order, a job pushed next before the waiting ones, pushed last after them', async () => {
    const { run } = counted()
    const queue = new LookAheadQueue(run, 2)
    for (const job of ['a', 'b', 'c', 'd']) queue.pushLast(job)
    const order: string[] = []
    for await (const { job, answer } of queue.drain()) {
      order.push(`${job}=${answer}`)
      if (job === 'a') {
        queue.pushNext('x')
        queue.pushNext('y')
        queue.pushLast('z')
      }
    }
    // `b` had started with `a` (window 2); `y` then `x` start before `c`.
    expect(order).toEqual(['a=A', 'b=B', 'y=Y', 'x=X', 'c=C', 'd=D', 'z=Z'])
  })

  it('starts no more than the window ahead of a slow consumer', async () => {
    const { state, run } = counted()
    const queue = new LookAheadQueue(run, 3)
    for (let i = 0; i < 20; i++) queue.pushLast(String(i))
    let taken = 0
    let mostAhead = 0
    for await (const _ of queue.drain()) {
      taken += 1
      await sleep(2)
      mostAhead = Math.max(mostAhead, state.started - taken, queue.ahead)
    }
    expect(taken).toBe(20)
    expect(mostAhead).toBeLessThanOrEqual(3)
  })

  it('throws the first failure in order, and leaves the later failures handled', async () => {
    const { state, run } = counted()
    const queue = new LookAheadQueue(run, 4)
    for (const job of ['a', 'fail-1', 'fail-2', 'b']) queue.pushLast(job)
    const taken: string[] = []
    const drain = async () => {
      for await (const { job } of queue.drain()) taken.push(job)
    }
    await expect(drain()).rejects.toThrow('fail-1')
    expect(taken).toEqual(['a'])
    expect(state.started).toBe(4)
    await sleep(5) // an unhandled rejection of fail-2 would fail the run
  })
})
