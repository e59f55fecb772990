import { Role } from '@epaas-picker/protocol'
import type { Meta, StoryObj } from '@storybook/react-vite'
import type { QueryClient } from '@tanstack/react-query'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AddressBookPicker } from './AddressBookPicker.js'
import './styles.css'
import { storyBackend } from './test/storyBackend.js'
import { expandPath, findRow } from './test/storyPlay.js'
import { preloadTree } from './test/preloadTree.js'
import { WithQueryClient } from './test/WithQueryClient.js'

// The district: a bureau and 32 schools, about 100,000 people (generated once, in the browser).
const district = storyBackend('district', { dataset: 'district' })
const data = district.mock.data
const bureau = data.organizationByCorpid.get(data.topCorpid)!
const firstSchool = data.organizationByCorpid.get(bureau.subOrgCorpids[0]!)!
// Every department's row key: its `id_path` as the tree nests it (`d<id>/d<id>/...`).
const everyDepartment = data.departments.map((d) => d.idPath.map((id) => `d${id}`).join('/'))
const ROW_HEIGHT = 40

const meta = {
  title: 'Picker/AddressBookPicker/District',
  component: AddressBookPicker,
  decorators: [
    (Story) => (
      <WithQueryClient>
        <Story />
      </WithQueryClient>
    ),
  ],
  parameters: { msw: { handlers: district.handlers } },
  args: {
    transport: district.transport,
    is_show_root: true,
    is_include_sub_org: true,
    need_users_total: true,
    select_role_list: [Role.Student, Role.Teacher, Role.Parent],
    style: { height: 560 },
  },
} satisfies Meta<typeof AddressBookPicker>

export default meta
type Story = StoryObj<typeof meta>

/**
 * A district with sub-organisations: the bureau's root lists its schools, each expanded with
 * its own `corpid`; search results say which school they belong to.
 */
export const DistrictWithSchools: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expandPath(canvas, [bureau.name, firstSchool.name])
    const groups = await findRow(canvas, '学生')
    expect(groups).toHaveAttribute('aria-level', '3')
    await userEvent.click(canvas.getByRole('searchbox'))
    await userEvent.keyboard('一年级(1)班')
    const result = (
      await canvas.findAllByRole('treeitem', { name: /^一年级\(1\)班, / }, { timeout: 4000 })
    )[0]!
    const schools = new RegExp(
      bureau.subOrgCorpids.map((c) => data.organizationByCorpid.get(c)!.name).join('|'),
    )
    expect(result).toHaveAccessibleName(schools)
  },
}

/**
 * About 100,000 people, the whole tree expanded: every department of the bureau and its 32
 * schools (1,835 levels), in one virtual list. The loader fetches every level into the picker's
 * QueryClient before the story renders, so the checks wait for painting only, not for 1,835
 * requests through MSW racing the test's timeout on a busy machine.
 */
export const HundredThousandPeople: Story = {
  name: '100,000 people',
  args: { defaultExpanded: everyDepartment, rowHeight: ROW_HEIGHT },
  loaders: [async ({ args }) => ({ queryClient: await preloadTree(district.mock, args) })],
  render: (args, { loaded }) => (
    <AddressBookPicker {...args} queryClient={loaded['queryClient'] as QueryClient} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const root = await findRow(canvas, bureau.name, 10_000)
    const tree = canvas.getByRole('tree')
    const sizer = tree.querySelector<HTMLElement>('[data-react-window-sizer]')!
    const rowCount = () => Math.round(parseFloat(sizer.style.height) / ROW_HEIGHT)
    // Every level loaded: more rows than people (parents are listed once per child). Nothing is
    // fetched any more; the wait covers flattening and painting the preloaded levels.
    await waitFor(() => expect(rowCount()).toBeGreaterThan(data.users.length), {
      timeout: 20_000,
      interval: 250,
    })
    // Only the visible rows are in the document, whatever the size of the tree.
    expect(canvas.getAllByRole('treeitem').length).toBeLessThan(40)
    root.focus()
    await userEvent.keyboard('{End}')
    // The last row of the last level, scrolled into view and focused. Generous timeouts: on a
    // loaded 2-core machine the scroll and the focus move can take more than waitFor's 1 s.
    const settled = { timeout: 10_000 }
    await waitFor(
      () => expect(tree.scrollTop).toBeGreaterThan(data.users.length * ROW_HEIGHT),
      settled,
    )
    await waitFor(() => {
      const last = document.activeElement
      expect(last).toHaveAttribute('role', 'treeitem')
      expect(last?.getAttribute('aria-posinset')).toBe(last?.getAttribute('aria-setsize'))
    }, settled)
    await userEvent.keyboard('{Home}')
    await waitFor(() => expect(findRowNow(tree, bureau.name)).toHaveFocus(), settled)
  },
}

function findRowNow(tree: HTMLElement, name: string) {
  return within(tree).getByRole('treeitem', { name: new RegExp(`^${name}(,|$)`) })
}
