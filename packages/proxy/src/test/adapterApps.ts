/**
 * Each adapter mounted in its real framework, as an app would: Node `http`, Express 5 after
 * `express.json()` (with an app route of its own), Fastify 5, and Hono 4 on `@hono/node-server`.
 * Shared by the adapter tests and the wire fuzzer's server process.
 */
import { serve } from '@hono/node-server'
import express from 'express'
import Fastify, { type FastifyServerFactory } from 'fastify'
import { Hono } from 'hono'
import { createServer, type Server, type ServerOptions } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expressEpaasProxy } from '../adapters/expressEpaasProxy.js'
import { fastifyEpaasProxy } from '../adapters/fastifyEpaasProxy.js'
import { honoEpaasProxy } from '../adapters/honoEpaasProxy.js'
import { nodeEpaasProxy } from '../adapters/nodeEpaasProxy.js'
import type { EpaasProxy } from '../createEpaasProxy.js'

/** A served app. */
export interface ServedApp {
  url: string
  close: () => Promise<void>
}

/** Starts an app around a proxy; `server` tunes the Node server (timeouts) where the app allows. */
export type ServeApp = (proxy: EpaasProxy, server?: ServerOptions) => Promise<ServedApp>

/** The adapters by name. */
export const adapterApps: [string, ServeApp][] = [
  ['node http', (proxy, server) => listenOn(createServer(server ?? {}, nodeEpaasProxy(proxy)))],
  [
    'express 5 (after express.json())',
    (proxy, server) => {
      const app = express()
      // As in production: Express's own error page (for the app's routes) shows no stack.
      app.set('env', 'production')
      app.use(express.json())
      app.use(expressEpaasProxy(proxy))
      app.post('/own/echo', (req, res) => {
        res.json({ echoed: req.body })
      })
      return listenOn(createServer(server ?? {}, app))
    },
  ],
  [
    'fastify 5',
    async (proxy, server) => {
      const serverFactory: FastifyServerFactory = (handler) => createServer(server ?? {}, handler)
      const app = Fastify({ forceCloseConnections: true, serverFactory })
      await app.register(fastifyEpaasProxy(proxy))
      app.post('/own/echo', async (request) => ({ echoed: request.body }))
      await app.listen({ port: 0, host: '127.0.0.1' })
      const { port } = app.server.address() as AddressInfo
      return { url: `http://127.0.0.1:${port}`, close: () => app.close() }
    },
  ],
  [
    'hono 4',
    async (proxy, server) => {
      const app = new Hono()
      app.use(honoEpaasProxy(proxy))
      app.post('/own/echo', async (c) => c.json({ echoed: await c.req.json() }))
      const http = await new Promise<Server>((resolve) => {
        const s = serve(
          { fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: server ?? {} },
          () => resolve(s as Server),
        )
      })
      return served(http)
    },
  ],
]

async function listenOn(server: Server): Promise<ServedApp> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return served(server)
}

function served(server: Server): ServedApp {
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
