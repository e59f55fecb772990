import type {
  PickerSnapshot,
  PickerStore,
  RowState,
  StatusRow,
  TreeRow,
  UsePickerResult,
} from '@epaas-picker/headless'
import type { PickerController } from './PickerContext.js'

/**
 * The picker handed to the parts: `usePicker`'s result behind getters, plus the scroller hook.
 *
 * Its fields are getters on the prototype, not own properties, on purpose: React's development
 * build compares the props of every re-rendered component property by property for its
 * performance tracks, and `for...in` over a 100,000-row array costs milliseconds per component
 * and per render. An object without enumerable fields costs nothing to compare.
 */
export class PickerHandle implements PickerController {
  readonly #result: UsePickerResult
  /** Registers the mounted list's scroll function (a bound function: callers may detach it). */
  readonly registerScroller: (scrollTo: (index: number) => void) => () => void

  constructor(
    result: UsePickerResult,
    register: (scrollTo: (index: number) => void) => () => void,
  ) {
    this.#result = result
    this.registerScroller = register
  }

  get snapshot(): PickerSnapshot {
    return this.#result.snapshot
  }
  get rows(): readonly TreeRow[] {
    return this.#result.rows
  }
  get store(): PickerStore {
    return this.#result.store
  }
  getRowState(row: TreeRow): RowState {
    return this.#result.getRowState(row)
  }
  getTreeProps(...args: Parameters<UsePickerResult['getTreeProps']>) {
    return this.#result.getTreeProps(...args)
  }
  getRowProps(...args: Parameters<UsePickerResult['getRowProps']>) {
    return this.#result.getRowProps(...args)
  }
  getCheckboxProps(...args: Parameters<UsePickerResult['getCheckboxProps']>) {
    return this.#result.getCheckboxProps(...args)
  }
  getExpanderProps(...args: Parameters<UsePickerResult['getExpanderProps']>) {
    return this.#result.getExpanderProps(...args)
  }
  getRetryProps(row: StatusRow, ...rest: DropFirst<Parameters<UsePickerResult['getRetryProps']>>) {
    return this.#result.getRetryProps(row, ...rest)
  }
  getSearchInputProps(...args: Parameters<UsePickerResult['getSearchInputProps']>) {
    return this.#result.getSearchInputProps(...args)
  }
}

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never
