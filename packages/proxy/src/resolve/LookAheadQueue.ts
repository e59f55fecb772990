/**
 * A queue of jobs consumed in order, with a window of jobs started ahead of the consumer: the
 * answers the consumer has not taken yet are at most `window`, however long the queue grows.
 * Jobs may join while it is drained, at the end or as the next to start.
 *
 * @example
 * const queue = new LookAheadQueue((id: string) => fetchDepartment(id), 8)
 * queue.pushLast('11')
 * for await (const { job, answer } of queue.drain()) if (answer.more) queue.pushNext(answer.more)
 */
export class LookAheadQueue<Job, Answer> {
  readonly #run: (job: Job) => Promise<Answer>
  readonly #window: number
  /** Jobs not started yet, in the order they will start. */
  readonly #waiting: Job[] = []
  /** Jobs started and not consumed yet, oldest first: at most `window`. */
  readonly #started: { job: Job; answer: Promise<Answer> }[] = []

  constructor(run: (job: Job) => Promise<Answer>, window: number) {
    this.#run = run
    this.#window = Math.max(1, window)
  }

  /** Adds a job after every other. */
  pushLast(job: Job): void {
    this.#waiting.push(job)
  }

  /** Adds a job before the others not started yet (it starts next). */
  pushNext(job: Job): void {
    this.#waiting.unshift(job)
  }

  /** Jobs started whose answer has not been taken (those in flight and those answered). */
  get ahead(): number {
    return this.#started.length
  }

  /**
   * Yields each job with its answer, in queue order, starting jobs up to the window before
   * waiting for the next answer. Throws the first failure met in order; the answers of jobs
   * started after it are dropped (their failures too: nothing is left unhandled).
   */
  async *drain(): AsyncGenerator<{ job: Job; answer: Answer }, void, undefined> {
    for (;;) {
      this.#startUpToWindow()
      const next = this.#started.shift()
      if (!next) return
      yield { job: next.job, answer: await next.answer }
    }
  }

  #startUpToWindow() {
    while (this.#started.length < this.#window) {
      if (this.#waiting.length === 0) return
      const job = this.#waiting.shift() as Job
      const answer = this.#run(job)
      answer.catch(() => undefined)
      this.#started.push({ job, answer })
    }
  }
}
