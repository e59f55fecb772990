// PickerCheckbox, the Radix checkbox kept for custom layouts, in Chromium (its hidden form input
// measures the box with a ResizeObserver): its tri-state and the form integration its docs
// promise. The built-in picker no longer uses it (see DrillList.test.tsx).
import type { CheckedState } from '@epaas-picker/headless'
import { cleanup, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { PickerCheckbox } from './PickerCheckbox.js'

afterEach(cleanup)

function Form({ initial }: { initial: CheckedState }) {
  const [checked, setChecked] = useState(initial)
  return (
    <form aria-label="notice">
      <PickerCheckbox
        className="epp-checkbox"
        name="grade"
        value="g1"
        required
        checked={checked}
        aria-label="一年级"
        onCheckedChange={(next) => setChecked(next)}
      />
      <button type="reset">reset</button>
    </form>
  )
}

const form = () => screen.getByRole('form', { name: 'notice' }) as HTMLFormElement

describe('PickerCheckbox', () => {
  it('shows the tri-state and ticks a mixed box', async () => {
    render(<Form initial="indeterminate" />)
    const box = screen.getByRole('checkbox', { name: '一年级' })
    expect(box).toHaveAttribute('aria-checked', 'mixed')
    expect(box).toHaveAttribute('data-state', 'indeterminate')
    await userEvent.click(box)
    expect(box).toHaveAttribute('aria-checked', 'true')
    expect(box).toHaveAttribute('data-state', 'checked')
  })

  it("carries its name, value and required into the form's data, and follows the form's reset", async () => {
    render(<Form initial={false} />)
    const box = screen.getByRole('checkbox', { name: '一年级' })
    expect(new FormData(form()).get('grade')).toBeNull()
    expect(form().checkValidity()).toBe(false)
    await userEvent.click(box)
    expect(new FormData(form()).get('grade')).toBe('g1')
    expect(form().checkValidity()).toBe(true)
    await userEvent.click(screen.getByRole('button', { name: 'reset' }))
    expect(box).toHaveAttribute('aria-checked', 'false')
  })
})
