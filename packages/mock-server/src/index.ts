/**
 * @epaas-picker/mock-server: a faithful ePaaS (教育号) double with generated school and district
 * data. This entry is browser-safe (web APIs only); the Node server is in `./node`, MSW handlers
 * in `./msw`.
 *
 * @packageDocumentation
 */
export { createMockEpaas } from './createMockEpaas.js'
export type { MockEpaas, MockEpaasOptions, RecordedRequest } from './createMockEpaas.js'
export { generateDataset } from './generateDataset.js'
export type { GenerateDatasetOptions } from './generateDataset.js'
export { LARGE_DEPARTMENT_NAME } from './addLargeDepartment.js'
export type { LargeDepartmentOptions } from './addLargeDepartment.js'
export type {
  Dataset,
  DatasetKind,
  MockDepartment,
  MockListing,
  MockMember,
  MockOrganization,
  MockUser,
} from './Dataset.js'
export { SelectNodeKind, selectNodeKindNames } from './SelectNodeKind.js'
export { MockErrcode } from './MockErrcode.js'
export { noFaults } from './faults.js'
export type { FaultSettings } from './faults.js'
export type { MockCredentials } from './tokenEndpoints.js'
export type { MockTokenKind } from './TokenStore.js'
export type { WireSelectNode } from './select.js'
export type { WireDepartmentUser } from './departmentUsers.js'
export { SEARCH_LIMIT } from './select.js'
export { MAX_LIST_LENGTH } from './Params.js'
export { DINGTALK_TOKEN_TTL_SECONDS } from './mappings.js'
