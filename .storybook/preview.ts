// Every story runs against the ePaaS mock through MSW (stories give their handlers in
// `parameters.msw`), and its test fails on any axe violation.
import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
  },
}

export default preview
