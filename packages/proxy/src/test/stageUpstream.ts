/**
 * What the stages of `resolve` run on in their unit tests: the mock ePaaS in process (its real
 * logic, answered through its `fetch`), behind the proxy's own upstream caller and mapping
 * lookups, with a user token of the mock's top organisation.
 */
import { createMockEpaas, type Dataset, type DatasetKind } from '@epaas-picker/mock-server'
import pLimit from 'p-limit'
import { createMappingLookups } from '../createMappingLookups.js'
import { createUpstream, type TokenHandle } from '../createUpstream.js'
import { createRedactor } from '../redact.js'

/** The mock with an upstream, a user token and mapping lookups on it. */
export function stageUpstream(dataset: DatasetKind | Dataset = 'small') {
  const mock = createMockEpaas({ dataset })
  const upstream = createUpstream({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    timeoutMs: 10_000,
    emit: () => undefined,
    redactor: createRedactor(),
  })
  const user = mock.issueUserToken()
  const org = mock.issueOrgToken()
  const userToken: TokenHandle = { get: async () => user, kind: 'user' }
  const mapping = createMappingLookups({
    upstream,
    orgToken: () => ({ get: async () => org }),
    chunkSize: 100,
    windowMs: 1,
    maxWaitMs: 10,
    limit: pLimit(4),
    emit: () => undefined,
  })
  return { mock, data: mock.data, upstream, userToken, mapping }
}
