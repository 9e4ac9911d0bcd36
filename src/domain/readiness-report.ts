/**
 * The readiness of every open item of a product against its Definition of Ready: the report behind the
 * backlog's, the item panel's, sprint planning's and the board's ready / not ready marks.
 */
import type { DefinitionOfReady } from './definition-of-ready.ts';
import { isOpen, type ModelItem, type PlanningModel } from './planning-model.ts';
import { type Blocker, type NotReadyReason, notReadyReasons, type ReadinessContext } from './readiness.ts';
import { velocities, velocityFor } from './velocity.ts';

export interface ItemReadiness {
  itemId: string;
  key: string;
  ready: boolean;
  reasons: NotReadyReason[];
}

/** The index of each item that blocks another: a map of every item would cost more than the report. */
function positionsOfBlockers(model: PlanningModel): Map<string, number> {
  const blocking = new Set<string>();
  for (const edge of model.dependencies) blocking.add(edge.from);
  const position = new Map<string, number>();
  for (let index = 0; index < model.items.length; index++) {
    if (blocking.has(model.items[index]!.id)) position.set(model.items[index]!.id, index);
  }
  return position;
}

/** What holds each item back: its blocking items (in rank order), then its unmet external dependencies. */
export function blockersByItem(model: PlanningModel): Map<string, Blocker[]> {
  const position = model.positions ?? positionsOfBlockers(model);
  const edges = model.dependencies;
  // The links in the rank order of their blockers, so that each list comes out sorted; one Blocker per
  // blocking item, shared by the lists it is in (a report of 20,000 links allocates little).
  const at = new Int32Array(edges.length);
  for (let i = 0; i < edges.length; i++) at[i] = position.get(edges[i]!.from) ?? -1;
  const order = Uint32Array.from({ length: edges.length }, (_, i) => i).sort((x, y) => at[x]! - at[y]!);
  const result = new Map<string, Blocker[]>();
  const add = (itemId: string, blocker: Blocker) => {
    const list = result.get(itemId);
    if (list) list.push(blocker);
    else result.set(itemId, [blocker]);
  };
  let last = -1;
  let shared: Blocker | null = null;
  for (const i of order) {
    if (at[i]! < 0) continue;
    if (at[i] !== last) {
      const blocker = model.items[at[i]!]!;
      shared = {
        external: false,
        key: blocker.key,
        title: blocker.title,
        status: blocker.status,
        deleted: false,
      };
      last = at[i]!;
    }
    add(edges[i]!.to, shared!);
  }
  for (const foreign of model.foreignBlockers) {
    add(foreign.itemId, {
      external: false,
      key: foreign.blocker?.key ?? null,
      title: foreign.blocker?.title ?? null,
      status: foreign.status,
      deleted: foreign.deleted,
    });
  }
  for (const external of model.externals) {
    if (!external.met) add(external.itemId, { external: true, title: external.title, met: false });
  }
  return result;
}

/** The team an item's work belongs to: its sprint's team (null outside a sprint or in a team-less one). */
export function teamsOfItems(model: PlanningModel): (item: ModelItem) => string | null {
  const sprintTeam = new Map(model.sprints.map((sprint) => [sprint.id, sprint.teamId]));
  return (item) => (item.sprintId === null ? null : (sprintTeam.get(item.sprintId) ?? null));
}

/** Every open item, in rank order, with every rule it fails. */
export function assessReadiness(model: PlanningModel, definition: DefinitionOfReady): ItemReadiness[] {
  const blockers = definition.enabled.has('unblocked') ? blockersByItem(model) : new Map<string, Blocker[]>();
  const v = velocities(model.sprints);
  const teamOf = teamsOfItems(model);
  const result: ItemReadiness[] = [];
  const none: Blocker[] = [];
  // One context per team (and one for the product): not one per item.
  const contexts = new Map<string | null, ReadinessContext>();
  const contextOf = (team: string | null) => {
    const context = contexts.get(team) ?? { definition, velocity: velocityFor(v, team), tooLarge: new Map() };
    contexts.set(team, context);
    return context;
  };
  for (const item of model.items) {
    if (!isOpen(item)) continue;
    const reasons = notReadyReasons(item, blockers.get(item.id) ?? none, contextOf(teamOf(item)));
    result.push({ itemId: item.id, key: item.key, ready: reasons.length === 0, reasons });
  }
  return result;
}
