/** Operations on a story map's backbone: add, rename, move and remove activities and steps. */
import type { StoryMapOperation } from '../../schemas/story-map.ts';
import { newId } from '../ids.ts';
import { loadActivities, loadSteps, type StepRow } from './load-contents.ts';
import {
  atLimit,
  LIMITS,
  notOnMap,
  type OperationContext,
  type PlannedOperation,
} from './operation-context.ts';
import { type RankWrites, rankAt } from './positions.ts';

type BackboneOp = Extract<
  StoryMapOperation,
  { op: 'addActivity' | 'renameActivity' | 'moveActivity' | 'removeActivity' } | { op: `${string}Step` }
>;

async function writeActivityRanks(o: OperationContext, writes: RankWrites): Promise<void> {
  for (const w of writes) {
    await o.trx.updateTable('story_map_activities').set({ rank: w.rank }).where('id', '=', w.id).execute();
  }
}

async function writeStepRanks(o: OperationContext, writes: RankWrites, activityId: string): Promise<void> {
  for (const w of writes) {
    await o.trx
      .updateTable('story_map_steps')
      .set({ rank: w.rank, activity_id: activityId })
      .where('id', '=', w.id)
      .execute();
  }
}

async function removeSteps(o: OperationContext, stepIds: string[]): Promise<void> {
  if (stepIds.length === 0) return;
  await o.trx.deleteFrom('story_map_placements').where('step_id', 'in', stepIds).execute();
  await o.trx.deleteFrom('story_map_steps').where('id', 'in', stepIds).execute();
}

export async function planBackboneOperation(
  o: OperationContext,
  input: BackboneOp,
): Promise<PlannedOperation | null> {
  const activities = await loadActivities(o.trx, o.map.id);
  const findActivity = (id: string, path = 'activityId') => {
    const found = activities.find((a) => a.id === id);
    if (!found) throw notOnMap(path, 'an activity');
    return found;
  };
  switch (input.op) {
    case 'addActivity': {
      if (activities.length >= LIMITS.storyMapActivities)
        throw atLimit('activities', LIMITS.storyMapActivities);
      const id = newId();
      const writes = rankAt(activities, id, input.position) ?? [];
      const rank = writes.find((w) => w.id === id)?.rank ?? 'a0';
      return {
        changes: { activities: [null, { id, title: input.title }] },
        apply: async () => {
          await o.trx
            .insertInto('story_map_activities')
            .values({ id, map_id: o.map.id, title: input.title, rank })
            .execute();
          if (writes.length > 1) await writeActivityRanks(o, writes);
        },
      };
    }
    case 'renameActivity': {
      const activity = findActivity(input.activityId);
      if (activity.title === input.title) return null;
      return {
        changes: {
          activities: [
            { id: activity.id, title: activity.title },
            { id: activity.id, title: input.title },
          ],
        },
        apply: async () => {
          await o.trx
            .updateTable('story_map_activities')
            .set({ title: input.title })
            .where('id', '=', activity.id)
            .execute();
        },
      };
    }
    case 'moveActivity': {
      const activity = findActivity(input.activityId);
      const writes = rankAt(activities, activity.id, input.position);
      if (!writes) return null;
      const from = activities.indexOf(activity);
      return {
        changes: {
          activityPosition: [
            { id: activity.id, position: from },
            { id: activity.id, position: input.position ?? null },
          ],
        },
        apply: () => writeActivityRanks(o, writes),
      };
    }
    case 'removeActivity': {
      const activity = findActivity(input.activityId);
      const steps = (await loadSteps(o.trx, o.map.id, activities)).filter(
        (s) => s.activity_id === activity.id,
      );
      return {
        changes: { activities: [{ id: activity.id, title: activity.title }, null] },
        apply: async () => {
          await removeSteps(
            o,
            steps.map((s) => s.id),
          );
          await o.trx.deleteFrom('story_map_activities').where('id', '=', activity.id).execute();
        },
      };
    }
    default:
      return planStepOperation(o, input, activities, findActivity);
  }
}

async function planStepOperation(
  o: OperationContext,
  input: Extract<BackboneOp, { op: `${string}Step` }>,
  activities: Awaited<ReturnType<typeof loadActivities>>,
  findActivity: (id: string, path?: string) => { id: string },
): Promise<PlannedOperation | null> {
  const steps = await loadSteps(o.trx, o.map.id, activities);
  const stepsOf = (activityId: string) => steps.filter((s) => s.activity_id === activityId);
  const findStep = (id: string): StepRow => {
    const found = steps.find((s) => s.id === id);
    if (!found) throw notOnMap('stepId', 'a step');
    return found;
  };
  switch (input.op) {
    case 'addStep': {
      const activity = findActivity(input.activityId);
      const siblings = stepsOf(activity.id);
      if (siblings.length >= LIMITS.storyMapSteps) throw atLimit('steps per activity', LIMITS.storyMapSteps);
      const id = newId();
      const writes = rankAt(siblings, id, input.position) ?? [];
      const rank = writes.find((w) => w.id === id)?.rank ?? 'a0';
      return {
        changes: { steps: [null, { id, activityId: activity.id, title: input.title }] },
        apply: async () => {
          await o.trx
            .insertInto('story_map_steps')
            .values({ id, map_id: o.map.id, activity_id: activity.id, title: input.title, rank })
            .execute();
          if (writes.length > 1) await writeStepRanks(o, writes, activity.id);
        },
      };
    }
    case 'renameStep': {
      const step = findStep(input.stepId);
      if (step.title === input.title) return null;
      return {
        changes: {
          steps: [
            { id: step.id, title: step.title },
            { id: step.id, title: input.title },
          ],
        },
        apply: async () => {
          await o.trx
            .updateTable('story_map_steps')
            .set({ title: input.title })
            .where('id', '=', step.id)
            .execute();
        },
      };
    }
    case 'moveStep': {
      const step = findStep(input.stepId);
      const activityId = input.activityId ? findActivity(input.activityId).id : step.activity_id;
      const siblings = stepsOf(activityId);
      if (activityId !== step.activity_id && siblings.length >= LIMITS.storyMapSteps)
        throw atLimit('steps per activity', LIMITS.storyMapSteps);
      // Into another activity the step is never among the siblings, so rankAt always places it.
      const writes = rankAt(siblings, step.id, input.position);
      if (!writes) return null;
      const from = { activityId: step.activity_id, position: stepsOf(step.activity_id).indexOf(step) };
      return {
        changes: {
          stepPosition: [
            { id: step.id, ...from },
            { id: step.id, activityId, position: input.position ?? null },
          ],
        },
        apply: () => writeStepRanks(o, writes, activityId),
      };
    }
    case 'removeStep': {
      const step = findStep(input.stepId);
      return {
        changes: { steps: [{ id: step.id, title: step.title }, null] },
        apply: () => removeSteps(o, [step.id]),
      };
    }
  }
}
