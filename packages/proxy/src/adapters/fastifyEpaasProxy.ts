/**
 * Fastify 5 adapter: `await app.register(fastifyEpaasProxy(proxy))`. The plugin is encapsulated:
 * its raw-body parser applies to the proxy's routes only.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { EpaasProxy } from '../createEpaasProxy.js'
import { serveNodeRequest } from './nodeEpaasProxy.js'

/**
 * A Fastify plugin serving the proxy's routes under its base path. The proxy answers its own
 * errors (JSON, whatever the request's bytes); Fastify's error handler is never reached.
 *
 * @example
 * import Fastify from 'fastify'
 * import { fastifyEpaasProxy } from '@epaas-picker/proxy/fastify'
 * const app = Fastify()
 * await app.register(fastifyEpaasProxy(proxy))
 */
export function fastifyEpaasProxy(proxy: EpaasProxy): FastifyPluginAsync {
  return async (fastify) => {
    // The proxy reads and bounds bodies itself: hand it the raw stream.
    fastify.removeAllContentTypeParsers()
    fastify.addContentTypeParser('*', (_request, payload, done) => done(null, payload))
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      reply.hijack()
      await serveNodeRequest(proxy, request.raw, reply.raw, request.body ?? undefined)
    }
    fastify.all(`${proxy.basePath}/*`, handler)
  }
}
