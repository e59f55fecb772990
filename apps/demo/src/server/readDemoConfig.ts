/**
 * Where the demo's proxy sends its calls: the mock ePaaS started in the same process, or a real
 * ePaaS (or anything that speaks its protocol) named by environment variables.
 */

/** The mock's datasets the demo can start with. */
export type DemoDataset = 'small' | 'district'

/** The upstream of the demo. */
export type DemoUpstreamConfig =
  | {
      kind: 'mock'
      /** `small`: one school; `district`: a bureau with 32 schools as sub-organisations. */
      dataset: DemoDataset
    }
  | {
      kind: 'remote'
      /** `EPAAS_BASE_URL`, e.g. `https://test-oapi.epaas.qq.com`. */
      baseUrl: string
      /** `EPAAS_USER_TOKEN`: the user token (用户凭证) every demo session uses. */
      userToken: string
      /** `EPAAS_ORG_TOKEN`: the organisation token (机构凭证) for the ID-mapping routes. */
      orgToken: string | undefined
    }

/** Thrown for a configuration the demo cannot start with; the message says what to set. */
export class DemoConfigError extends Error {
  override readonly name = 'DemoConfigError'
}

/**
 * Reads the demo's upstream from the environment and the command line.
 *
 * - `EPAAS_BASE_URL` set: a remote server, with `EPAAS_USER_TOKEN` (required) and
 *   `EPAAS_ORG_TOKEN` (optional; without it WeCom and DingTalk mapping answer 501).
 * - Otherwise the mock, with the `small` dataset, or `district` when `DEMO_DATASET=district` or
 *   `--district` is on the command line.
 *
 * @example
 * readDemoConfig({ DEMO_DATASET: 'district' }, []) // { kind: 'mock', dataset: 'district' }
 */
export function readDemoConfig(
  env: Record<string, string | undefined>,
  argv: readonly string[],
): DemoUpstreamConfig {
  const baseUrl = env.EPAAS_BASE_URL?.trim()
  if (baseUrl) {
    try {
      new URL(baseUrl)
    } catch {
      throw new DemoConfigError(`EPAAS_BASE_URL is not an absolute URL: ${baseUrl}`)
    }
    const userToken = env.EPAAS_USER_TOKEN?.trim()
    if (!userToken) {
      throw new DemoConfigError(
        'EPAAS_BASE_URL is set but EPAAS_USER_TOKEN is not: the picker needs a user token (用户凭证).',
      )
    }
    return {
      kind: 'remote',
      baseUrl,
      userToken,
      orgToken: env.EPAAS_ORG_TOKEN?.trim() || undefined,
    }
  }
  const fromEnv = env.DEMO_DATASET?.trim()
  if (fromEnv && fromEnv !== 'small' && fromEnv !== 'district') {
    throw new DemoConfigError(`DEMO_DATASET must be "small" or "district", not "${fromEnv}"`)
  }
  const district = argv.includes('--district') || fromEnv === 'district'
  return { kind: 'mock', dataset: district ? 'district' : 'small' }
}
