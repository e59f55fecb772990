// The mobile list's checkboxes in jsdom, against the mock's real handler: the WAI-ARIA checkbox
// pattern (Space ticks, Enter does not, `mixed` for a partly ticked department), refusals of
// disabled rows, ticks through a row's label, and a picker inside a form (the demo's case). Real
// keys in Chromium: DrillList.browser.test.tsx.
import '@testing-library/jest-dom/vitest'
import { createMockEpaas } from '@epaas-picker/mock-server'
import { createEpaasClient } from '@epaas-picker/protocol'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AddressBookPicker } from './AddressBookPicker.js'
import { renderPicker } from './test/renderPicker.js'
import { WithQueryClient } from './test/WithQueryClient.js'

afterEach(cleanup)

const SCHOOL = '深圳市南山区第一实验学校'
const escape = (name: string) => name.replace(/[()]/g, '\\$&')

/** The checkbox of the row whose name starts with `name`. */
const box = (name: string) =>
  screen.findByRole('checkbox', { name: new RegExp(`^${escape(name)}(,|$)`) })

/** The level shown, as the breadcrumb's current entry says. */
const currentLevel = () =>
  within(screen.getByRole('navigation', { name: '当前位置' })).getByRole('button', {
    current: 'location',
  })

/** Opens each level of `names` in turn through its row's button. */
async function drill(user: ReturnType<typeof userEvent.setup>, names: readonly string[]) {
  for (const name of names) {
    await user.click(
      await screen.findByRole('button', { name: new RegExp(`^进入\\s*${escape(name)}`) }),
    )
    await waitFor(() => expect(currentLevel()).toHaveTextContent(name))
  }
}

/** Goes back up to the level `name` through the breadcrumb. */
async function back(user: ReturnType<typeof userEvent.setup>, name: string) {
  const nav = screen.getByRole('navigation', { name: '当前位置' })
  await user.click(within(nav).getByRole('button', { name }))
  await waitFor(() => expect(currentLevel()).toHaveTextContent(name))
}

const selectedSummary = () => screen.getByRole('button', { name: /^已选/ })

describe('DrillList checkboxes', () => {
  it('are buttons with role checkbox, outside any form, with no hidden input', async () => {
    renderPicker({ layout: 'mobile' })
    const school = await box(SCHOOL)
    expect(school.tagName).toBe('BUTTON')
    expect(school).toHaveAttribute('type', 'button')
    expect(school).toHaveAttribute('aria-checked', 'false')
    expect(school).toHaveAttribute('data-state', 'unchecked')
    expect(school).toHaveClass('epp-checkbox')
    expect(school).not.toHaveAttribute('aria-disabled')
    expect(school).not.toHaveAttribute('data-disabled')
    expect(document.querySelector('.epp-drill-list input')).toBeNull()
  })

  it('tick and untick on Space', async () => {
    const user = userEvent.setup()
    renderPicker({ layout: 'mobile' })
    await drill(user, [SCHOOL])
    const students = await box('学生')
    students.focus()
    await user.keyboard(' ')
    await waitFor(() => expect(students).toHaveAttribute('aria-checked', 'true'))
    expect(students).toHaveAttribute('data-state', 'checked')
    expect(students).toHaveFocus()
    expect(selectedSummary()).not.toHaveTextContent('已选：尚未选择')
    await user.keyboard(' ')
    await waitFor(() => expect(students).toHaveAttribute('aria-checked', 'false'))
    expect(selectedSummary()).toHaveTextContent('已选：尚未选择')
  })

  it('do not tick on Enter', async () => {
    const user = userEvent.setup()
    renderPicker({ layout: 'mobile' })
    await drill(user, [SCHOOL])
    const students = await box('学生')
    students.focus()
    await user.keyboard('{Enter}')
    expect(students).toHaveAttribute('aria-checked', 'false')
    expect(selectedSummary()).toHaveTextContent('已选：尚未选择')
    // The same box ticked, so the key reached it: Enter is refused, not lost.
    await user.keyboard(' ')
    await waitFor(() => expect(students).toHaveAttribute('aria-checked', 'true'))
    await user.keyboard('{Enter}')
    expect(students).toHaveAttribute('aria-checked', 'true')
  })

  it('say mixed for a department with something ticked below it', async () => {
    const user = userEvent.setup()
    renderPicker({ layout: 'mobile' })
    await drill(user, [SCHOOL, '学生', '本部', '一年级'])
    const klass = await box('一年级(1)班')
    await user.click(klass)
    await waitFor(() => expect(klass).toHaveAttribute('aria-checked', 'true'))
    await back(user, '本部')
    const grade = await box('一年级')
    expect(grade).toHaveAttribute('aria-checked', 'mixed')
    expect(grade).toHaveAttribute('data-state', 'indeterminate')
    expect(await box('二年级')).toHaveAttribute('aria-checked', 'false')
    await back(user, '学生')
    expect(await box('本部')).toHaveAttribute('aria-checked', 'mixed')
    // A click on a mixed box ticks the whole department.
    await drill(user, ['本部'])
    const again = await box('一年级')
    await user.click(again)
    await waitFor(() => expect(again).toHaveAttribute('aria-checked', 'true'))
    expect(again).toHaveAttribute('data-state', 'checked')
  })

  it('refuse a tick on a disabled row, by click or Space, and say why', async () => {
    const user = userEvent.setup()
    // Only classes (tag 5) may be ticked: the grades are disabled.
    renderPicker({ layout: 'mobile', select_tag_list: [5] })
    await drill(user, [SCHOOL, '学生', '本部'])
    const grade = await box('一年级')
    expect(grade).toHaveAttribute('aria-disabled', 'true')
    expect(grade).toHaveAttribute('data-disabled', '')
    // Still focusable (not the `disabled` attribute), so the refusal can be heard.
    expect(grade).toBeEnabled()
    const notice = screen.getByRole('status')
    expect(notice).toHaveTextContent('')
    await user.click(grade)
    await waitFor(() => expect(notice).toHaveTextContent('一年级不可选'))
    expect(grade).toHaveAttribute('aria-checked', 'false')
    expect(grade).toHaveFocus()
    expect(selectedSummary()).toHaveTextContent('已选：尚未选择')

    // An accepted tick clears the notice; Space on the disabled box brings it back.
    await drill(user, ['一年级'])
    const klass = await box('一年级(1)班')
    await user.click(klass)
    await waitFor(() => expect(notice).toHaveTextContent(''))
    await back(user, '本部')
    const refused = await box('一年级')
    refused.focus()
    await user.keyboard(' ')
    await waitFor(() => expect(notice).toHaveTextContent('一年级不可选'))
    expect(refused).toHaveAttribute('aria-checked', 'mixed')
  })

  it('tick through the row label of a person', async () => {
    const user = userEvent.setup()
    renderPicker({ layout: 'mobile' })
    await drill(user, [SCHOOL, '学生', '本部', '一年级', '一年级(1)班'])
    const [person] = await screen.findAllByRole('checkbox', { name: /, 学生/ })
    const label = [...document.querySelectorAll('label')].find((l) => l.htmlFor === person!.id)
    expect(label).toHaveTextContent(/\S/)
    await user.click(label!)
    await waitFor(() => expect(person).toHaveAttribute('aria-checked', 'true'))
    await user.click(label!)
    await waitFor(() => expect(person).toHaveAttribute('aria-checked', 'false'))
  })

  it('inside a form, add no field to it and never submit it', async () => {
    const user = userEvent.setup()
    const mock = createMockEpaas({ dataset: 'small' })
    const transport = createEpaasClient({
      baseUrl: 'http://mock.epaas',
      fetch: mock.fetch,
      token: mock.issueUserToken(),
    })
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault())
    render(
      <WithQueryClient>
        <form aria-label="notice" onSubmit={onSubmit}>
          <AddressBookPicker transport={transport} is_show_root layout="mobile" />
        </form>
      </WithQueryClient>,
    )
    const school = await box(SCHOOL)
    const form = screen.getByRole('form', { name: 'notice' }) as HTMLFormElement
    school.focus()
    await user.keyboard('{Enter}')
    await user.keyboard(' ')
    await waitFor(() => expect(school).toHaveAttribute('aria-checked', 'true'))
    await user.click(school)
    await waitFor(() => expect(school).toHaveAttribute('aria-checked', 'false'))
    expect(onSubmit).not.toHaveBeenCalled()
    // The list's boxes are buttons that submit nothing; only the search box is a field.
    expect([...form.querySelectorAll('.epp-drill-list input')]).toEqual([])
  })
})
