/**
 * The dependency map of a product: items that block or wait on something, the initiatives they serve and
 * the external business dependencies they wait on, with blocked items and the critical path marked. The
 * critical path is computed over the whole product; the view holds at most MAX_GRAPH_NODES nodes and says
 * when it is cut. Pure: the caller passes the model and today's date.
 */
import { type CriticalPath, criticalPath } from './critical-path.ts';
import { HIDDEN_ITEM_LABEL } from './hidden-item.ts';
import { isOpen, type ModelItem, type PlanningModel } from './planning-model.ts';
import { isOpenBlocker } from './readiness.ts';

export const MAX_GRAPH_NODES = 2_000;

export type GraphNode =
  | {
      kind: 'item';
      id: string;
      key: string | null;
      title: string;
      /** Null for an item of another product the reader may not see. */
      status: ModelItem['status'] | null;
      estimate: number | null;
      initiativeId: string | null;
      blocked: boolean;
      onCriticalPath: boolean;
      /** Waits on an external dependency past its expected date. */
      waitingOnOverdue: boolean;
      /** An item of another product (hidden when key is null). */
      foreign: boolean;
    }
  | {
      kind: 'initiative';
      id: string;
      title: string;
      horizon: string;
      status: string;
      waitingOnOverdue: boolean;
    }
  | {
      kind: 'external';
      id: string;
      title: string;
      owner: string;
      expectedDate: string | null;
      met: boolean;
      overdue: boolean;
    };

export interface GraphEdge {
  from: string;
  to: string;
  /** blocks: from blocks to; serves: the item serves the initiative; waits: the item waits on the external. */
  kind: 'blocks' | 'serves' | 'waits';
}

export interface DependencyMap {
  nodes: GraphNode[];
  edges: GraphEdge[];
  criticalPath: string[];
  criticalPoints: number;
  truncated: boolean;
  /** Nodes the map would hold uncut. */
  totalNodes: number;
}

/** The open items' dependency graph, with each item's remaining points: what the critical path reads. */
export function productCriticalPath(model: PlanningModel): CriticalPath {
  const open = model.items.filter(isOpen);
  return criticalPath(
    open.map((item) => ({ id: item.id, remaining: item.estimate ?? 0 })),
    model.dependencies,
  );
}

export function dependencyMap(
  model: PlanningModel,
  today: string,
  options: { initiativeId?: string | undefined } = {},
): DependencyMap {
  const path = productCriticalPath(model);
  const onPath = new Set(path.itemIds);
  const items = new Map(model.items.map((item) => [item.id, item]));
  const openItem = (id: string) => {
    const item = items.get(id);
    return item !== undefined && isOpen(item);
  };

  // Which items are blocked: an open blocker (item of this or another product) or an unmet external.
  const blocked = new Set<string>();
  for (const edge of model.dependencies) if (openItem(edge.from)) blocked.add(edge.to);
  for (const foreign of model.foreignBlockers) {
    if (
      isOpenBlocker({
        external: false,
        key: null,
        title: null,
        status: foreign.status,
        deleted: foreign.deleted,
      })
    )
      blocked.add(foreign.itemId);
  }
  const overdueWaits = new Set<string>();
  for (const external of model.externals) {
    if (external.met) continue;
    blocked.add(external.itemId);
    if (external.expectedDate !== null && external.expectedDate < today) overdueWaits.add(external.itemId);
  }

  // The items in view: open ones with a dependency, scoped to an initiative's items and their neighbours.
  const scope = options.initiativeId;
  const inScope = (item: ModelItem | undefined) =>
    item !== undefined && isOpen(item) && (scope === undefined || item.initiativeId === scope);
  const wanted = new Set<string>();
  for (const edge of model.dependencies) {
    if (!openItem(edge.from) || !openItem(edge.to)) continue;
    if (inScope(items.get(edge.from)) || inScope(items.get(edge.to))) {
      wanted.add(edge.from);
      wanted.add(edge.to);
    }
  }
  for (const foreign of model.foreignBlockers)
    if (inScope(items.get(foreign.itemId))) wanted.add(foreign.itemId);
  for (const external of model.externals)
    if (inScope(items.get(external.itemId))) wanted.add(external.itemId);

  // Critical-path items first, then rank order: a cut view keeps what matters most.
  const ordered = model.items.filter((item) => wanted.has(item.id));
  ordered.sort((a, b) => Number(onPath.has(b.id)) - Number(onPath.has(a.id)));

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const placed = new Set<string>();
  let totalNodes = 0;
  let truncated = false;
  const add = (node: GraphNode): boolean => {
    if (placed.has(node.id)) return true;
    totalNodes += 1;
    if (nodes.length >= MAX_GRAPH_NODES) {
      truncated = true;
      return false;
    }
    placed.add(node.id);
    nodes.push(node);
    return true;
  };

  const initiatives = new Map(model.initiatives.map((i) => [i.id, i]));
  const overdueInitiatives = new Set<string>();
  for (const itemId of overdueWaits) {
    const initiativeId = items.get(itemId)?.initiativeId;
    if (initiativeId) overdueInitiatives.add(initiativeId);
  }
  for (const item of ordered) {
    add({
      kind: 'item',
      id: item.id,
      key: item.key,
      title: item.title,
      status: item.status,
      estimate: item.estimate,
      initiativeId: item.initiativeId,
      blocked: blocked.has(item.id),
      onCriticalPath: onPath.has(item.id),
      waitingOnOverdue: overdueWaits.has(item.id),
      foreign: false,
    });
  }
  for (const item of ordered) {
    if (!placed.has(item.id) || item.initiativeId === null) continue;
    const initiative = initiatives.get(item.initiativeId);
    if (!initiative) continue;
    const ok = add({
      kind: 'initiative',
      id: initiative.id,
      title: initiative.title,
      horizon: initiative.horizon,
      status: initiative.status,
      waitingOnOverdue: overdueInitiatives.has(initiative.id),
    });
    if (ok) edges.push({ from: item.id, to: initiative.id, kind: 'serves' });
  }
  for (const edge of model.dependencies) {
    if (placed.has(edge.from) && placed.has(edge.to))
      edges.push({ from: edge.from, to: edge.to, kind: 'blocks' });
  }
  let hidden = 0;
  for (const foreign of model.foreignBlockers) {
    const open = isOpenBlocker({
      external: false,
      key: null,
      title: null,
      status: foreign.status,
      deleted: foreign.deleted,
    });
    if (!placed.has(foreign.itemId) || !open) continue;
    // A hidden item gets an id of its own that names nothing: two links to one hidden item are not matched.
    const id = foreign.blocker?.id ?? `hidden-${++hidden}`;
    const ok = add({
      kind: 'item',
      id,
      key: foreign.blocker?.key ?? null,
      title: foreign.blocker?.title ?? HIDDEN_ITEM_LABEL,
      status: foreign.blocker ? foreign.status : null,
      estimate: null,
      initiativeId: null,
      blocked: false,
      onCriticalPath: false,
      waitingOnOverdue: false,
      foreign: true,
    });
    if (ok) edges.push({ from: id, to: foreign.itemId, kind: 'blocks' });
  }
  for (const external of model.externals) {
    if (!placed.has(external.itemId)) continue;
    const ok = add({
      kind: 'external',
      id: external.id,
      title: external.title,
      owner: external.owner,
      expectedDate: external.expectedDate,
      met: external.met,
      overdue: !external.met && external.expectedDate !== null && external.expectedDate < today,
    });
    if (ok) edges.push({ from: external.id, to: external.itemId, kind: 'waits' });
  }
  return { nodes, edges, criticalPath: path.itemIds, criticalPoints: path.points, truncated, totalNodes };
}
