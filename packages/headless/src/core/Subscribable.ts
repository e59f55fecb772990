/**
 * Listeners and the current snapshot, for `useSyncExternalStore`: one immutable snapshot per
 * change, the same object between changes.
 */
export class Subscribable<S> {
  readonly #listeners = new Set<() => void>()
  readonly #makeSnapshot: () => S
  #snapshot: S

  /** `makeSnapshot` is called once now and once per {@link emit}. */
  constructor(makeSnapshot: () => S) {
    this.#makeSnapshot = makeSnapshot
    this.#snapshot = makeSnapshot()
  }

  /** Adds a listener; answers the function removing it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** The current snapshot. */
  readonly getSnapshot = (): S => this.#snapshot

  /** Makes a new snapshot and tells every listener (those added meanwhile wait for the next). */
  emit(): void {
    this.#snapshot = this.#makeSnapshot()
    for (const listener of [...this.#listeners]) listener()
  }
}
