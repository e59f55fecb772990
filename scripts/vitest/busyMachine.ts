// Testing Library's waits (`waitFor`, `findBy*`) give up after 1 s by default: on one core shared
// with other work a correct render can take longer. Waits allow 10 s; every project's test
// timeout (vite.config.ts) is above that, so a wait never outlives its test.
import { configure } from '@testing-library/dom'

configure({ asyncUtilTimeout: 10_000 })
