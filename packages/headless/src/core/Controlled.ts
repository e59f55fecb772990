/**
 * One value that is either controlled (its owner passes it in on every `setOptions` and hears of
 * changes through a callback) or uncontrolled (kept here, starting from a default): React's
 * `value` / `defaultValue` / `onValueChange` triple, outside React. The store has three of them:
 * the value, the expanded rows and the search text.
 */
export class Controlled<T> {
  #current: T
  #lastProp: T | undefined
  readonly #same: (a: T, b: T) => boolean

  /**
   * @param prop the controlled value, `undefined` when uncontrolled
   * @param fallback the value when `prop` is not given (the default, or an empty value)
   * @param same whether two values are the same for the view (default `Object.is`)
   */
  constructor(prop: T | undefined, fallback: T, same: (a: T, b: T) => boolean = Object.is) {
    this.#current = prop ?? fallback
    this.#lastProp = prop
    this.#same = same
  }

  /** The value in force. */
  get current(): T {
    return this.#current
  }

  /**
   * A change asked for from inside (a tick, an expand, typing). Uncontrolled (`prop` of the
   * current options is `undefined`), it is applied, the store emits, then `onChange` hears it;
   * controlled, only `onChange` hears it, and the owner may pass it back in.
   */
  propose(
    next: T,
    prop: T | undefined,
    onChange: ((value: T) => void) | undefined,
    apply: (next: T) => void,
  ): void {
    if (prop === undefined) apply(next)
    onChange?.(next)
  }

  /** Records `next` as the value in force (the caller updates what depends on it). */
  set(next: T): void {
    this.#current = next
  }

  /**
   * The controlled value of new options: answers it when it is a new prop that differs from the
   * value in force (the caller applies it), else `undefined`.
   */
  sync(prop: T | undefined): T | undefined {
    if (prop === undefined || prop === this.#lastProp) return undefined
    this.#lastProp = prop
    return this.#same(prop, this.#current) ? undefined : prop
  }
}
