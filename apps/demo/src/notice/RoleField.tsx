/** Which roles of the selection receive the notice (the `role_ids` of `resolve`). */
import type { Role } from '@epaas-picker/protocol'
import { useId, type Ref } from 'react'
import { useI18n } from '../i18n/I18nContext.js'

/** Props of {@link RoleField}. */
export interface RoleFieldProps {
  value: readonly Role[]
  onChange: (roles: Role[]) => void
  /** A validation message. */
  error?: string
  /** The fieldset, to focus its first box after a failed validation. */
  ref?: Ref<HTMLFieldSetElement>
}

const roles: readonly Role[] = [11, 12, 13]

/** Three checkboxes: students, teachers, parents. */
export function RoleField({ value, onChange, error, ref }: RoleFieldProps) {
  const { messages } = useI18n()
  const errorId = useId()
  return (
    <fieldset
      className="choice-group"
      ref={ref}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{messages.roles}</legend>
      {roles.map((role) => (
        <label key={role} className="choice">
          <input
            type="checkbox"
            name="roles"
            value={role}
            checked={value.includes(role)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? roles.filter((r) => r === role || value.includes(r))
                  : value.filter((r) => r !== role),
              )
            }
          />
          <span>{messages.roleNames[role]}</span>
        </label>
      ))}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
