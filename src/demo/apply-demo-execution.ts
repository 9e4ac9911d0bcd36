/**
 * Applies the demo's team, sprint and release steps through the services, each at its own past time, so
 * sprint reports, burndowns, velocity and release notes come out of real events.
 */
import { CreateReleaseInput } from '../schemas/release.ts';
import { CreateSprintInput } from '../schemas/sprint.ts';
import { CreateTeamInput } from '../schemas/team.ts';
import { updateItem } from '../services/items/update-item.ts';
import { createRelease } from '../services/releases/create-release.ts';
import { generateNotes } from '../services/releases/generate-release-notes.ts';
import { publishNotes } from '../services/releases/publish-release-notes.ts';
import { closeSprint } from '../services/sprints/close-sprint.ts';
import { createSprint } from '../services/sprints/create-sprint.ts';
import { startSprint } from '../services/sprints/start-sprint.ts';
import { createTeam } from '../services/teams/create-team.ts';
import type { DemoScope } from './apply-demo-history.ts';
import { DEMO_RELEASES, type ReleaseStep } from './demo-releases.ts';
import { SPRINT_DAYS, SPRINT_GOALS, type SprintStep } from './demo-sprints.ts';

export type ExecutionStep = SprintStep | ReleaseStep;

export const DEMO_TEAM_NAME = 'Checkout squad';
const CAPACITY = 55;

export interface ExecutionState {
  teamId?: string;
  sprintIds: Map<number, string>;
  releaseIds: Map<number, string>;
}

function need<T>(map: Map<number, T>, index: number, what: string): T {
  const value = map.get(index);
  if (value === undefined) throw new Error(`demo history: ${what} ${index} used before it was created`);
  return value;
}

export async function applyExecutionStep(
  scope: DemoScope,
  state: ExecutionState,
  itemIds: Map<number, string>,
  step: ExecutionStep,
): Promise<void> {
  const { db, actor, clock } = scope;
  const now = clock.at(step.day);
  switch (step.kind) {
    case 'team.create': {
      const input = CreateTeamInput.parse({
        name: DEMO_TEAM_NAME,
        description: 'Builds and runs checkout, payments and the order confirmation.',
        memberIds: scope.team,
      });
      state.teamId = (await createTeam({ db, actor, now, productId: scope.productId, input })).id;
      return;
    }
    case 'sprint.create': {
      const input = CreateSprintInput.parse({
        name: `Sprint ${step.sprint + 1}`,
        goal: SPRINT_GOALS[step.sprint % SPRINT_GOALS.length],
        teamId: state.teamId ?? null,
        startDate: clock.date(step.startDay),
        endDate: clock.date(step.startDay + SPRINT_DAYS - 1),
        timezone: 'Europe/Berlin',
        capacity: CAPACITY,
        ...(step.sprint === 0 && { wipLimits: { in_progress: 4, in_review: 3 } }),
      });
      const sprint = await createSprint({ db, actor, now, productId: scope.productId, input });
      state.sprintIds.set(step.sprint, sprint.id);
      return;
    }
    case 'sprint.plan': {
      const sprintId = need(state.sprintIds, step.sprint, 'sprint');
      await updateItem({ db, actor, now, id: need(itemIds, step.item, 'item'), input: { sprintId } });
      return;
    }
    case 'sprint.start':
      await startSprint({ db, actor, now, id: need(state.sprintIds, step.sprint, 'sprint') });
      return;
    case 'sprint.close': {
      const id = need(state.sprintIds, step.sprint, 'sprint');
      const nextSprintId = need(state.sprintIds, step.next, 'sprint');
      await closeSprint({ db, actor, now, id, input: { leftovers: 'next', nextSprintId } });
      return;
    }
    case 'release.create': {
      const release = DEMO_RELEASES[step.release];
      if (!release) throw new Error(`demo content: no release ${step.release}`);
      const input = CreateReleaseInput.parse({
        name: release.name,
        description: release.description,
        targetDate: clock.date(release.target),
      });
      state.releaseIds.set(
        step.release,
        (await createRelease({ db, actor, now, productId: scope.productId, input })).id,
      );
      return;
    }
    case 'release.assign': {
      const releaseId = need(state.releaseIds, step.release, 'release');
      await updateItem({ db, actor, now, id: need(itemIds, step.item, 'item'), input: { releaseId } });
      return;
    }
    case 'release.publish': {
      const id = need(state.releaseIds, step.release, 'release');
      await generateNotes({ db, actor, now, id });
      await publishNotes({ db, actor, now, id });
      return;
    }
  }
}
