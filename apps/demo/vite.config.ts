// The demo's Vite config: React, the workspace packages from source, and the demo's backend
// (the proxy at /api/epaas and the mock ePaaS) mounted in the dev server by `epaasDemo()`.
import react from '@vitejs/plugin-react'
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite'
import { epaasDemo } from './src/server/epaasDemoPlugin.js'

// Workspace packages resolve each other from source through this export condition.
const sourceCondition = '@epaas-picker/source'

export default defineConfig({
  plugins: [react(), epaasDemo()],
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
  server: { host: '127.0.0.1' },
})
