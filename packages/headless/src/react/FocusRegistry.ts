/**
 * Roving focus that survives virtualization: the focused row's key lives in the store; this
 * registry knows which rows are mounted, focuses the one the keyboard moved to, and when it is
 * not mounted asks the view to scroll it into view and focuses it once it mounts.
 */
import type { RefCallback } from 'react'

/** Mounted row elements by key, and the key waiting for focus. */
export class FocusRegistry {
  readonly #elements = new Map<string, HTMLElement>()
  readonly #refs = new Map<string, RefCallback<HTMLElement>>()
  #pending: string | null = null

  /** The ref callback of a row (one per key, so that React does not detach and attach it again). */
  refFor(key: string): RefCallback<HTMLElement> {
    let ref = this.#refs.get(key)
    if (!ref) {
      ref = (element) => {
        if (!element) {
          this.#elements.delete(key)
          return
        }
        this.#elements.set(key, element)
        if (this.#pending === key) {
          this.#pending = null
          element.focus()
        }
      }
      this.#refs.set(key, ref)
    }
    return ref
  }

  /** Asks for focus on a row: now if it is mounted, else when it mounts. */
  request(key: string | null): void {
    this.#pending = key
  }

  /**
   * After a render: focuses the row waiting for it if it is the store's focused row, or asks
   * `scrollTo` to bring it into view (it takes focus when it mounts).
   */
  settle(focusedKey: string | null, scrollTo: () => void): void {
    const key = this.#pending
    if (key === null || focusedKey !== key) return
    const element = this.#elements.get(key)
    if (!element) {
      scrollTo()
      return
    }
    this.#pending = null
    element.focus()
  }

  /** Focuses a row now if mounted (answers whether it was). */
  focusNow(key: string): boolean {
    const element = this.#elements.get(key)
    element?.focus()
    return element !== undefined
  }
}
