import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Runs the CLI the way `pnpm mock` does (tsx with the source condition). */
function runCli(args: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@epaas-picker/source', 'src/cli.ts', ...args],
    { cwd: packageDir, env: { ...process.env, MOCK_EPAAS_PORT: '0' } },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    async waitFor(text: string, timeoutMs = 20_000) {
      const started = Date.now()
      while (!stdout.includes(text)) {
        if (child.exitCode !== null) throw new Error(`exited early: ${stdout}${stderr}`)
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${text}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}

// The CLI starts through tsx in a child process: on a busy core that alone can take seconds, so
// the test's timeout (30 s) is above the 20 s its start-up wait allows.
describe('the mock CLI', { timeout: 30_000 }, () => {
  it('prints the URL, tokens and a working sample request, and exits cleanly on SIGTERM', async () => {
    const cli = runCli(['--latency', '1'])
    try {
      await cli.waitFor('Press Ctrl+C')
      const { stdout } = cli.output()
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1]
      const userToken = /User token[^\n]*\n\s+([0-9a-f]{40})/.exec(stdout)?.[1]
      const orgToken = /Org token[^\n]*\n\s+([0-9a-f]{40})/.exec(stdout)?.[1]
      expect(url).toBeDefined()
      expect(stdout).toContain(`${url}/campus/department/select?access_token=${userToken}`)

      const sample = /-d '(\{[^']+\})'/.exec(stdout)?.[1] as string
      const response = await fetch(`${url}/campus/department/select?access_token=${userToken}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: sample,
      })
      const body = (await response.json()) as { errcode: number; node_list: { name: string }[] }
      expect(body.errcode).toBe(0)
      expect(body.node_list[0]?.name).toBe('深圳市南山区第一实验学校')
      const corpid = await fetch(`${url}/user/qywechat/get_qywx_corpid?access_token=${orgToken}`)
      expect(await corpid.json()).toMatchObject({ errcode: 0 })
    } finally {
      cli.child.kill('SIGTERM')
    }
    expect(await cli.exited).toBe(0)
    expect(cli.output().stdout).toContain('SIGTERM: stopping')
  }, 30_000)

  it('refuses an unknown dataset with a usage message', async () => {
    const cli = runCli(['--dataset', 'galaxy'])
    expect(await cli.exited).toBe(2)
    expect(cli.output().stderr).toContain('dataset must be small or district')
    expect(cli.output().stderr).toContain('Usage: pnpm mock')
  }, 30_000)
})
