// Import boundaries between the packages, checked by `pnpm lint` (no-restricted-imports).
// Dependencies point one way: protocol <- headless <- react; protocol <- proxy; protocol <-
// mock-server; the headless core has no React. Tests, test helpers and stories may use the
// mock (a dev dependency); shipped source may not. Nothing in packages/ imports from apps/.

const packageNames = ['protocol', 'headless', 'react', 'proxy', 'mock-server']

/** What each package's shipped source may import from the workspace. */
const allowedWorkspaceImports = {
  protocol: [],
  headless: ['protocol'],
  react: ['protocol', 'headless'],
  proxy: ['protocol'],
  'mock-server': ['protocol'],
}

/** Files that ship: everything under src but tests, test helpers and stories. */
const testFiles = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/*.stories.tsx',
  '**/src/test/**',
  '**/*.react18.ts',
  '**/*.react18.tsx',
]

// Reaching into a sibling package or an app by a relative path skips its exports map.
const relativeEscapes = {
  regex: `^(\\.\\./)+(packages/)?(${packageNames.join('|')})/src(/|$)|^(\\.\\./)+apps/`,
  message: 'Import a workspace package by its name, never by a relative path into its folder.',
}

function forbiddenPackages(name) {
  const allowed = allowedWorkspaceImports[name]
  return packageNames
    .filter((other) => other !== name && !allowed.includes(other))
    .map((other) => `@epaas-picker/${other}`)
}

function packageRule(name) {
  const group = forbiddenPackages(name)
  return {
    files: [`packages/${name}/src/**/*.{ts,tsx}`],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: group.flatMap((pkg) => [pkg, `${pkg}/*`]),
              message: `${name} may import only ${
                allowedWorkspaceImports[name].map((p) => `@epaas-picker/${p}`).join(', ') ||
                'no workspace package'
              } (see the dependency arrows in DESIGN and README).`,
            },
            relativeEscapes,
          ],
        },
      ],
    },
  }
}

// The headless core is framework-free: React, React DOM, React Query and the hooks folder stay out.
const headlessCoreRule = {
  files: ['packages/headless/src/core/**/*.{ts,tsx}'],
  ignores: testFiles,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: forbiddenPackages('headless').flatMap((pkg) => [pkg, `${pkg}/*`]),
            message: 'headless may import only @epaas-picker/protocol.',
          },
          {
            group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query'],
            message: 'The headless core has no React: hooks belong in headless/src/react.',
          },
          {
            regex: '^\\.\\./(\\.\\./)*react(/|$)',
            message: 'The headless core has no React: it may not import the hooks folder.',
          },
          relativeEscapes,
        ],
      },
    ],
  },
}

export const boundaries = [...packageNames.map(packageRule), headlessCoreRule]
