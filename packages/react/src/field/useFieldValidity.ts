import { useEffect, useState, type RefObject } from 'react'

/** Options of {@link useFieldValidity}. */
export interface FieldValidityOptions {
  /** The field's input: the element the browser validates, focuses and points its message at. */
  input: RefObject<HTMLInputElement | null>
  /** Whether an empty field is invalid. */
  required: boolean
  /** Whether the field picks nobody. */
  empty: boolean
  /** The browser's message for an empty required field. */
  requiredMessage: string
}

/** The two messages an input's validity comes from: the app's, and the built-in `required` one. */
class FieldValidity {
  #app = ''
  #builtIn = ''
  constructor(readonly input: RefObject<HTMLInputElement | null>) {}

  /** A message of the app's (`''` clears it): it wins over the built-in one. */
  setCustomValidity = (message: string) => {
    this.#app = message
    this.#apply()
  }

  setBuiltIn(message: string) {
    this.#builtIn = message
    this.#apply()
  }

  #apply() {
    this.input.current?.setCustomValidity(this.#app || this.#builtIn)
  }
}

/**
 * The field's constraint validation, on its input: a required field that picks nobody is
 * invalid through `setCustomValidity` (the input itself always holds an empty string, so
 * `required` on it would always fail). A message the app sets (react-hook-form's native
 * validation, say) wins over the built-in one. Disabled and read-only inputs are barred from
 * validation by the browser, as for any input.
 */
export function useFieldValidity({
  input,
  required,
  empty,
  requiredMessage,
}: FieldValidityOptions) {
  // One object for the life of the field: its `setCustomValidity` keeps its identity for the ref.
  const [validity] = useState(() => new FieldValidity(input))
  const builtIn = required && empty ? requiredMessage : ''
  useEffect(() => validity.setBuiltIn(builtIn), [validity, builtIn])
  return { setCustomValidity: validity.setCustomValidity }
}
