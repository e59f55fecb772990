import { describe, expect, test } from 'vitest'
import { DemoConfigError, readDemoConfig } from './readDemoConfig.js'

describe('readDemoConfig', () => {
  test('the mock with the small dataset by default', () => {
    expect(readDemoConfig({}, [])).toEqual({ kind: 'mock', dataset: 'small' })
  })

  test('the district dataset from the environment or the command line', () => {
    expect(readDemoConfig({ DEMO_DATASET: 'district' }, [])).toEqual({
      kind: 'mock',
      dataset: 'district',
    })
    expect(readDemoConfig({}, ['node', 'vite', '--district'])).toEqual({
      kind: 'mock',
      dataset: 'district',
    })
    expect(readDemoConfig({ DEMO_DATASET: ' ' }, [])).toEqual({ kind: 'mock', dataset: 'small' })
  })

  test('an unknown dataset is refused', () => {
    expect(() => readDemoConfig({ DEMO_DATASET: 'huge' }, [])).toThrow(DemoConfigError)
  })

  test('a remote server with its tokens', () => {
    expect(
      readDemoConfig(
        {
          EPAAS_BASE_URL: 'https://test-oapi.epaas.qq.com',
          EPAAS_USER_TOKEN: 'user-token',
          EPAAS_ORG_TOKEN: 'org-token',
          DEMO_DATASET: 'district',
        },
        ['--district'],
      ),
    ).toEqual({
      kind: 'remote',
      baseUrl: 'https://test-oapi.epaas.qq.com',
      userToken: 'user-token',
      orgToken: 'org-token',
    })
  })

  test('a remote server needs a user token and an absolute URL; the org token is optional', () => {
    expect(() => readDemoConfig({ EPAAS_BASE_URL: 'https://example.test' }, [])).toThrow(
      /EPAAS_USER_TOKEN/,
    )
    expect(() =>
      readDemoConfig({ EPAAS_BASE_URL: 'example.test', EPAAS_USER_TOKEN: 'u' }, []),
    ).toThrow(/absolute URL/)
    expect(
      readDemoConfig({ EPAAS_BASE_URL: 'http://127.0.0.1:4010', EPAAS_USER_TOKEN: 'u' }, []),
    ).toMatchObject({ kind: 'remote', orgToken: undefined })
  })
})
