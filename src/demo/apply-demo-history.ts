/**
 * Replays the planned demo history through the services, one step at a time, each with its own past
 * timestamp: the events look exactly as if a team had done the work over the last months.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { CreateDependencyInput, CreateExternalDependencyInput } from '../schemas/dependency.ts';
import { CreateInitiativeInput } from '../schemas/initiative.ts';
import { CreateItemInput, type UpdateItemInput } from '../schemas/item.ts';
import type { Actor } from '../services/context.ts';
import { addDependency } from '../services/dependencies/add-dependency.ts';
import {
  addExternalDependency,
  updateExternalDependency,
} from '../services/dependencies/external-dependencies.ts';
import { createItem } from '../services/items/create-item.ts';
import { moveItem } from '../services/items/move-item.ts';
import { updateItem } from '../services/items/update-item.ts';
import { createInitiative, updateInitiative } from '../services/planning/initiatives.ts';
import type { Db } from '../store/database.ts';
import { applyExecutionStep, type ExecutionState, type ExecutionStep } from './apply-demo-execution.ts';
import type { ObjectiveRef, ThemeRef } from './demo-content.ts';
import type { Step } from './demo-history.ts';
import type { DemoItem } from './demo-items.ts';
import type { DemoInitiative } from './demo-roadmap.ts';
import { EXTERNAL_DEPENDENCIES } from './demo-work.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Turns demo days (from today, negative = past) into timestamps and dates relative to `now`. */
export function demoClock(now: Date) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    /** A timestamp within working hours (09:00–18:00 UTC); every past day falls before today's midnight. */
    at(day: number): string {
      const whole = Math.floor(day);
      return new Date(today + (whole + (9 + (day - whole) * 9) / 24) * DAY_MS).toISOString();
    },
    date(day: number): string {
      return new Date(today + Math.round(day) * DAY_MS).toISOString().slice(0, 10);
    },
  };
}

export type DemoClock = ReturnType<typeof demoClock>;

export interface DemoScope {
  db: Db;
  actor: Actor;
  clock: DemoClock;
  productId: string;
  objectiveIds: Record<ObjectiveRef, string>;
  themeIds: Record<ThemeRef, string>;
  /** User ids of the people who pick up work: the owner first, then the editors. */
  team: string[];
}

function lookup<T>(map: Map<number, T>, index: number, what: string): T {
  const value = map.get(index);
  if (value === undefined) throw new Error(`demo history: ${what} ${index} used before it was created`);
  return value;
}

/** How many steps run between two turns of the event loop. */
const YIELD_EVERY = 20;

/** Runs every step in order; each service call records its event at the step's time. */
export async function applyHistory(
  scope: DemoScope,
  items: DemoItem[],
  initiatives: DemoInitiative[],
  steps: (Step | ExecutionStep)[],
) {
  const { db, actor, clock } = scope;
  const itemIds = new Map<number, string>();
  const execution: ExecutionState = { sprintIds: new Map(), releaseIds: new Map() };
  const initiativeIds = new Map<number, string>();
  const externalIds = new Map<number, string>();
  for (const [index, step] of steps.entries()) {
    // Every few steps the server gets to answer meanwhile (health: 503 "loading the demo data"). A load
    // that never yields held the event loop for 3–12 s on a busy machine: idle keep-alive connections
    // then timed out under a client's next request, which got ECONNRESET instead of an answer.
    if (index % YIELD_EVERY === 0) await yieldToEventLoop();
    const now = clock.at(step.day);
    switch (step.kind) {
      case 'initiative.create': {
        const initiative = initiatives[step.initiative]!;
        const input = CreateInitiativeInput.parse({
          title: initiative.title,
          summary: initiative.summary,
          themeId: scope.themeIds[initiative.theme],
          objectiveIds: initiative.objectives.map((ref) => scope.objectiveIds[ref]),
          startDate: initiative.undated ? null : clock.date(initiative.work[0]),
          targetDate: initiative.undated ? null : clock.date(initiative.work[1]),
          visibility: initiative.visibility,
          publicSummary: initiative.publicSummary,
          successMetrics: initiative.successMetrics,
          ...step.state,
        });
        const created = await createInitiative({ db, actor, now, productId: scope.productId, input });
        initiativeIds.set(step.initiative, created.id);
        break;
      }
      case 'initiative.update': {
        const id = lookup(initiativeIds, step.initiative, 'initiative');
        await updateInitiative({ db, actor, now, id, input: step.state });
        break;
      }
      case 'item.create': {
        const item = items[step.item]!;
        const input = CreateItemInput.parse({
          type: item.type,
          title: item.title,
          story: item.story,
          acceptanceCriteria: item.criteria.map((text) => ({ text, done: false })),
          estimate: step.estimate,
          initiativeId:
            item.initiative === null ? null : lookup(initiativeIds, item.initiative, 'initiative'),
          labels: item.labels,
        });
        const created = await createItem({ db, actor, now, productId: scope.productId, input });
        itemIds.set(step.item, created.id);
        break;
      }
      case 'item.update': {
        const { status, estimate, assignee, criteriaDone } = step.patch;
        const criteria = items[step.item]!.criteria;
        const input: UpdateItemInput = {
          ...(status !== undefined && { status }),
          ...(estimate !== undefined && { estimate }),
          ...(assignee !== undefined && { assigneeId: scope.team[assignee % scope.team.length] ?? null }),
          ...(criteriaDone !== undefined && {
            acceptanceCriteria: criteria.map((text, i) => ({ text, done: i < criteriaDone })),
          }),
        };
        await updateItem({ db, actor, now, id: lookup(itemIds, step.item, 'item'), input });
        break;
      }
      case 'item.move': {
        const input = { beforeId: lookup(itemIds, step.before, 'item') };
        await moveItem({ db, actor, now, id: lookup(itemIds, step.item, 'item'), input });
        break;
      }
      case 'dependency.add': {
        const input = CreateDependencyInput.parse({
          blockedBy: lookup(itemIds, step.blocker, 'item'),
          kind: step.business ? 'business' : 'technical',
          note: step.note,
        });
        await addDependency({ db, actor, now, itemId: lookup(itemIds, step.blocked, 'item'), input });
        break;
      }
      case 'external.add': {
        const external = EXTERNAL_DEPENDENCIES[step.external]!;
        const input = CreateExternalDependencyInput.parse({
          title: external.title,
          owner: external.owner,
          expectedDate: external.expectedDay === null ? null : clock.date(external.expectedDay),
          note: external.note,
        });
        const created = await addExternalDependency({
          db,
          actor,
          now,
          itemId: lookup(itemIds, step.item, 'item'),
          input,
        });
        externalIds.set(step.external, created.id);
        break;
      }
      case 'external.met': {
        const id = lookup(externalIds, step.external, 'external dependency');
        await updateExternalDependency({ db, actor, now, id, input: { met: true } });
        break;
      }
      default:
        await applyExecutionStep(scope, execution, itemIds, step);
    }
  }
}
