// `pnpm dev`: the demo's dev server (Vite with the `epaasDemo()` plugin: the proxy and the mock
// ePaaS in the same process). Vite's own CLI refuses unknown flags, so this small launcher reads
// the demo's (`--district`) and passes the usual ones on.
//
//   pnpm dev                     mock ePaaS, small dataset (one school)
//   pnpm dev --district          mock ePaaS, district dataset (a bureau and 32 schools)
//   pnpm dev --port 3000 --host  another port; listen on every interface
//   EPAAS_BASE_URL=... EPAAS_USER_TOKEN=... EPAAS_ORG_TOKEN=... pnpm dev   a real server
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createServer } from 'vite'

const { values } = parseArgs({
  options: {
    district: { type: 'boolean', default: false },
    port: { type: 'string' },
    host: { type: 'string' },
    open: { type: 'boolean', default: false },
  },
  strict: true,
})
if (values.district) process.env.DEMO_DATASET = 'district'

const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  root: fileURLToPath(new URL('..', import.meta.url)),
  server: {
    ...(values.port ? { port: Number(values.port) } : {}),
    // `--host` alone listens on every interface, as with Vite's CLI.
    ...(values.host !== undefined ? { host: values.host || true } : {}),
    open: values.open,
  },
})
await server.listen()
server.printUrls()
server.bindCLIShortcuts({ print: true })
