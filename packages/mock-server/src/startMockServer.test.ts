import { createEpaasClient, isAbortError } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { startMockServer } from './startMockServer.js'
import { rejection } from './test/harness.js'

describe('startMockServer', () => {
  it('listens on 127.0.0.1 on an ephemeral port, answers through createEpaasClient, closes', async () => {
    const server = await startMockServer({ port: 0, dataset: 'small' })
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const epaas = createEpaasClient({ baseUrl: server.url, token: server.mock.issueUserToken() })
      const { node_list } = await epaas.selectDepartments({ id: '0', is_show_root: true })
      expect(node_list[0]?.name).toBe('深圳市南山区第一实验学校')
      expect(server.mock.callCount('/campus/department/select')).toBe(1)

      const control = await fetch(`${server.url}/__mock/faults`, {
        method: 'POST',
        body: JSON.stringify({ busyRate: 1 }),
      })
      expect(await control.json()).toMatchObject({ faults: { busyRate: 1 } })
      expect(await rejection(epaas.selectDepartments({ id: '0' }))).toMatchObject({ errcode: -1 })
    } finally {
      await server.close()
    }
    await expect(fetch(`${server.url}/__mock/info`)).rejects.toThrow()
  })

  it('lets a hanging request end when its client aborts, and still closes promptly', async () => {
    const server = await startMockServer({ faults: { hangRate: 1 } })
    const controller = new AbortController()
    const epaas = createEpaasClient({ baseUrl: server.url, token: server.mock.issueUserToken() })
    const pending = epaas.selectDepartments({ id: '0' }, { signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 50))
    controller.abort()
    expect(isAbortError(await rejection(pending))).toBe(true)
    // Another hanging request is still open when the server closes.
    void fetch(`${server.url}/campus/department/select`).catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await server.close()
  })

  it('reports a port in use', async () => {
    const first = await startMockServer()
    try {
      const port = Number(new URL(first.url).port)
      await expect(startMockServer({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
    } finally {
      await first.close()
    }
  })
})
