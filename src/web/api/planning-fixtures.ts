/** A product, an initiative and a full item for the web app's unit tests, changed by overrides. */
import type { InitiativeT, ItemT, ProductT } from './types.ts';

const AT = '2026-01-01T00:00:00.000Z';

export function productFixture(overrides: Partial<ProductT> = {}): ProductT {
  return {
    id: 'p1',
    key: 'CHK',
    name: 'Checkout',
    description: '',
    releaseNotesPublic: false,
    version: 4,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function initiativeFixture(overrides: Partial<InitiativeT> = {}): InitiativeT {
  return {
    id: 'i1',
    productId: 'p1',
    title: 'Faster checkout',
    summary: 'Ours.',
    themeId: null,
    objectiveIds: [],
    horizon: 'now',
    startDate: null,
    targetDate: null,
    confidence: 'planned',
    visibility: 'internal',
    publicSummary: '',
    status: 'active',
    successMetrics: [],
    version: 3,
    createdAt: AT,
    updatedAt: AT,
    deletedAt: null,
    ...overrides,
  } as InitiativeT;
}

/** Item n of product p1: key CHK-n, rank `a<n>`, version 1. */
export function itemFixture(n: number, overrides: Partial<ItemT> = {}): ItemT {
  return {
    id: `item${n}`,
    key: `CHK-${n}`,
    productId: 'p1',
    type: 'story',
    title: `Item ${n}`,
    story: null,
    description: '',
    acceptanceCriteria: [],
    estimate: null,
    status: 'backlog',
    initiativeId: null,
    labels: [],
    assigneeId: null,
    sprintId: null,
    releaseId: null,
    rank: `a${n}`,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    deletedAt: null,
    ...overrides,
  };
}
