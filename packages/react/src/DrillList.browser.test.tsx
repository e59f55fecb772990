// The mobile list's checkboxes in Chromium with real key presses and clicks (Playwright): the
// browser's own button behaviour (Enter clicks a button on key down, Space on key up) is what
// the checkbox has to tame, and the focus ring is the stylesheet's.
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import './styles.css'
import { renderPicker } from './test/renderPicker.js'

afterEach(cleanup)

const SCHOOL = '深圳市南山区第一实验学校'
const escape = (name: string) => name.replace(/[()]/g, '\\$&')

const box = (name: string) =>
  screen.findByRole('checkbox', { name: new RegExp(`^${escape(name)}(,|$)`) })

async function drill(names: readonly string[]) {
  const nav = screen.getByRole('navigation', { name: '当前位置' })
  for (const name of names) {
    await userEvent.click(
      await screen.findByRole('button', { name: new RegExp(`^进入\\s*${escape(name)}`) }),
    )
    await waitFor(() =>
      expect(within(nav).getByRole('button', { current: 'location' })).toHaveTextContent(name),
    )
  }
}

describe('DrillList checkboxes in Chromium', () => {
  it('tick on Space, not on Enter, with the focus ring of the stylesheet', async () => {
    renderPicker({ layout: 'mobile', style: { height: 640, width: 375 } })
    await drill([SCHOOL])
    const students = await box('学生')
    const open = screen.getByRole('button', { name: /^进入\s*学生/ })
    // Reach the box by keyboard, as a keyboard user does: the ring shows.
    open.focus()
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
    expect(students).toHaveFocus()
    expect(students.matches(':focus-visible')).toBe(true)
    const style = getComputedStyle(students)
    expect(style.outlineStyle).toBe('solid')
    expect(style.outlineWidth).toBe('2px')
    const uncheckedBackground = style.backgroundColor

    await userEvent.keyboard('{Enter}')
    expect(students).toHaveAttribute('aria-checked', 'false')
    await userEvent.keyboard(' ')
    await waitFor(() => expect(students).toHaveAttribute('aria-checked', 'true'))
    expect(students).toHaveAttribute('data-state', 'checked')
    // The mark is drawn: a checked box takes the accent background.
    expect(style.backgroundColor).not.toBe(uncheckedBackground)
    await userEvent.keyboard('{Enter}')
    expect(students).toHaveAttribute('aria-checked', 'true')
    await userEvent.keyboard(' ')
    await waitFor(() => expect(students).toHaveAttribute('aria-checked', 'false'))
  })

  it('tick a person through the name, and refuse a disabled row with its reason', async () => {
    renderPicker({ layout: 'mobile', select_tag_list: [5], style: { height: 640, width: 375 } })
    await drill([SCHOOL, '学生', '本部'])
    const grade = await box('一年级')
    expect(grade).toHaveAttribute('aria-disabled', 'true')
    // Playwright waits for an `aria-disabled` element to become enabled; a tap does not.
    await userEvent.click(grade, { force: true })
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('一年级不可选'))
    expect(grade).toHaveAttribute('aria-checked', 'false')

    await drill(['一年级', '一年级(1)班'])
    const people = await screen.findAllByRole('checkbox', { name: /, 学生/ })
    const person = people.find((el) => !el.hasAttribute('aria-disabled'))
    const label = [...document.querySelectorAll('label')].find((l) => l.htmlFor === person!.id)
    await userEvent.click(label!)
    await waitFor(() => expect(person).toHaveAttribute('aria-checked', 'true'))
    expect(screen.getByRole('status')).toHaveTextContent('')
  })
})
