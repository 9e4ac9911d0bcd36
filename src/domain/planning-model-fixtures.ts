/**
 * Test support: small builders of a PlanningModel and its parts for the tests of the analyses over
 * planning-model.ts (readiness, grooming, dependencies, alignment, forecasts). Not used by the app.
 */
import type { ModelInitiative, ModelItem, ModelSprint, PlanningModel } from './planning-model.ts';

/** An empty product plan, with `overrides` applied. */
export function model(overrides: Partial<PlanningModel> = {}): PlanningModel {
  return {
    productId: 'prod',
    asOf: 1,
    items: [],
    dependencies: [],
    foreignBlockers: [],
    externals: [],
    initiatives: [],
    themes: [],
    objectives: [],
    teams: [],
    sprints: [],
    releases: [],
    ...overrides,
  };
}

/** A ready task (3 points, one criterion, a description) named by its key; its id is the key in lower case. */
export function item(key: string, overrides: Partial<ModelItem> = {}): ModelItem {
  return {
    id: key.toLowerCase(),
    key,
    type: 'task',
    title: `Title of ${key}`,
    status: 'backlog',
    estimate: 3,
    criteriaTotal: 1,
    story: null,
    description: 'Some text',
    initiativeId: null,
    sprintId: null,
    releaseId: null,
    assigneeId: null,
    labels: [],
    rank: `a${key}`,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}

/** An active initiative in "now", planned, without dates or links. */
export function initiative(id: string, overrides: Partial<ModelInitiative> = {}): ModelInitiative {
  return {
    id,
    title: `Initiative ${id}`,
    themeId: null,
    objectiveIds: [],
    horizon: 'now',
    status: 'active',
    confidence: 'planned',
    startDate: null,
    targetDate: null,
    ...overrides,
  };
}

/** A closed team-less sprint of two weeks that completed 10 points (so it counts for velocity). */
export function sprint(id: string, overrides: Partial<ModelSprint> = {}): ModelSprint {
  return {
    id,
    name: id,
    teamId: null,
    state: 'closed',
    startDate: '2024-01-01',
    endDate: '2024-01-14',
    capacity: null,
    completedPoints: 10,
    closedAt: '2024-01-14T17:00:00Z',
    ...overrides,
  };
}
