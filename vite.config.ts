/// <reference types="vitest/config" />
// Vitest projects for the whole workspace:
//   unit    - `*.test.ts` in Node (protocol, mock server, proxy, the headless core)
//   dom     - `*.test.tsx` in jsdom (hooks and components)
//   browser - `*.browser.test.ts(x)` in real Chromium through Playwright
//   storybook - every story of `.storybook/` as a test in real Chromium: render, play function,
//               axe check (`a11y.test: 'error'`), with the mock served through MSW
//   consumer - the packed packages installed in a new app from their READMEs (apps/consumer)
//   react18 - the component and hook tests again on React 18.3 and React DOM 18.3 (jsdom, and
//             the SSR tests in Node), to prove the `^18.2 || ^19` peer range
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite'
import { chromiumLaunchOptions } from './scripts/chromium.js'

// Timeouts that only catch hangs: the suite passes on one core shared with other work
// (`taskset -c 0 pnpm test`). Testing Library's waits allow 10 s (scripts/vitest/busyMachine.ts),
// below every test timeout here.
const nodeTimeouts = { testTimeout: 30_000, hookTimeout: 60_000 }
const browserTimeouts = { testTimeout: 60_000, hookTimeout: 60_000 }
const busyMachineSetup = 'scripts/vitest/busyMachine.ts'

// Workspace packages resolve each other from source through this export condition.
const sourceCondition = '@epaas-picker/source'

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          ...nodeTimeouts,
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/*.consumer.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          ...nodeTimeouts,
          setupFiles: [busyMachineSetup],
          include: ['packages/*/src/**/*.test.tsx', 'apps/*/src/**/*.test.tsx'],
          exclude: ['**/*.browser.test.tsx', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          ...browserTimeouts,
          setupFiles: [busyMachineSetup],
          include: [
            'packages/*/src/**/*.browser.test.{ts,tsx}',
            'apps/*/src/**/*.browser.test.{ts,tsx}',
          ],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'consumer',
          environment: 'node',
          include: ['apps/consumer/src/**/*.consumer.test.ts'],
          // It installs, compiles, builds and starts servers: half a minute on an idle machine,
          // over four on one core shared with other work (its strict compile alone took 107 s
          // there). Each step sets its own timeout; the set-up (pack, install) the hook's.
          testTimeout: 300_000,
          hookTimeout: 420_000,
        },
      },
      {
        extends: true,
        plugins: [
          storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) }),
        ],
        test: {
          name: 'storybook',
          // The district's stories generate 100,000 people; the 100,000-people story loads its
          // 1,835 levels in a loader before its checks. Generous for one busy core.
          testTimeout: 90_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        resolve: {
          // React 18.3 is installed beside React 19 as `react-18` and `react-dom-18`: every import
          // of React or React DOM, subpaths included, goes to them.
          alias: [
            { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
            { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
          ],
          // ES builds of the libraries below (here and under `ssr`, for the SSR tests): a CommonJS
          // build would be loaded by Node, which does not apply the alias.
          mainFields: ['module'],
        },
        ssr: { resolve: { mainFields: ['module'] } },
        test: {
          name: 'react18',
          environment: 'jsdom',
          ...nodeTimeouts,
          include: [
            'packages/react/src/SelectedPanel.test.tsx',
            'packages/react/src/DrillList.test.tsx',
            'packages/headless/src/react/usePicker.test.tsx',
            // This project's own tests: the versions, the picker's flows, the SSR tests in Node.
            'packages/*/src/test/react18/*.react18.{ts,tsx}',
          ],
          // React DOM 18 is CommonJS loaded by Node; its own `require('react')` needs a hand.
          setupFiles: ['packages/react/src/test/react18/requireReact18.ts', busyMachineSetup],
          server: {
            deps: {
              // Libraries that import React themselves go through Vite, so the alias applies
              // inside them too: one React, not two.
              inline: [
                /@testing-library\/react/,
                /@tanstack\/react-query/,
                /react-window/,
                /@radix-ui\//,
              ],
            },
          },
        },
      },
    ],
  },
})
