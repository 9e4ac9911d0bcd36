/**
 * The dependency map of a product: items that block or wait on something, the initiatives they serve and
 * the external business dependencies they wait on, with blocked items and the critical path marked. The
 * critical path is computed over the whole product; the view holds at most MAX_GRAPH_NODES nodes and says
 * when it is cut. Pure: the caller passes the model and today's date.
 */
import { type CriticalPath, criticalPath } from './critical-path.ts';
import { HIDDEN_ITEM_LABEL } from './hidden-item.ts';
import {
  isOpen,
  type ModelExternal,
  type ModelForeignBlocker,
  type ModelItem,
  type PlanningModel,
} from './planning-model.ts';
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
  // An item is drawn for an open foreign blocker or an unmet external only: a settled one orders nothing.
  const foreignOf = new Map<string, ModelForeignBlocker[]>();
  for (const foreign of model.foreignBlockers) {
    if (
      !isOpenBlocker({
        external: false,
        key: null,
        title: null,
        status: foreign.status,
        deleted: foreign.deleted,
      })
    )
      continue;
    if (inScope(items.get(foreign.itemId))) wanted.add(foreign.itemId);
    const list = foreignOf.get(foreign.itemId);
    if (list) list.push(foreign);
    else foreignOf.set(foreign.itemId, [foreign]);
  }
  const externalsOf = new Map<string, ModelExternal[]>();
  for (const external of model.externals) {
    if (inScope(items.get(external.itemId))) wanted.add(external.itemId);
    const list = externalsOf.get(external.itemId);
    if (list) list.push(external);
    else externalsOf.set(external.itemId, [external]);
  }

  // Critical-path items first, then rank order: a cut view keeps what matters most. Each item comes with
  // its initiative, its external dependencies and its foreign blockers, so a cut map is whole where drawn.
  const ordered = model.items.filter((item) => wanted.has(item.id));
  ordered.sort((a, b) => Number(onPath.has(b.id)) - Number(onPath.has(a.id)));

  const initiatives = new Map(model.initiatives.map((i) => [i.id, i]));
  const overdueInitiatives = new Set<string>();
  for (const itemId of overdueWaits) {
    const initiativeId = items.get(itemId)?.initiativeId;
    if (initiativeId) overdueInitiatives.add(initiativeId);
  }

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const counted = new Set<string>();
  const placed = new Set<string>();
  let truncated = false;
  let hidden = 0;
  for (const item of ordered) {
    const group = itemGroup(item);
    const fresh = group.nodes.filter((node) => !counted.has(node.id));
    for (const node of fresh) counted.add(node.id);
    // A group is drawn whole or not at all, and nothing after the first that does not fit.
    if (truncated || nodes.length + fresh.length > MAX_GRAPH_NODES) {
      truncated = true;
      continue;
    }
    for (const node of fresh) {
      placed.add(node.id);
      nodes.push(node);
    }
    edges.push(...group.edges);
  }
  for (const edge of model.dependencies) {
    if (placed.has(edge.from) && placed.has(edge.to))
      edges.push({ from: edge.from, to: edge.to, kind: 'blocks' });
  }
  const totalNodes = counted.size;

  /** An item with its initiative, foreign blockers and external dependencies, and the edges to them. */
  function itemGroup(item: ModelItem): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const group: GraphNode[] = [
      {
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
      },
    ];
    const links: GraphEdge[] = [];
    const initiative = item.initiativeId === null ? undefined : initiatives.get(item.initiativeId);
    if (initiative) {
      group.push({
        kind: 'initiative',
        id: initiative.id,
        title: initiative.title,
        horizon: initiative.horizon,
        status: initiative.status,
        waitingOnOverdue: overdueInitiatives.has(initiative.id),
      });
      links.push({ from: item.id, to: initiative.id, kind: 'serves' });
    }
    for (const foreign of foreignOf.get(item.id) ?? []) {
      // A hidden item gets an id of its own that names nothing: two links to one hidden item are not matched.
      const id = foreign.blocker?.id ?? `hidden-${++hidden}`;
      group.push({
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
      links.push({ from: id, to: item.id, kind: 'blocks' });
    }
    for (const external of externalsOf.get(item.id) ?? []) {
      group.push({
        kind: 'external',
        id: external.id,
        title: external.title,
        owner: external.owner,
        expectedDate: external.expectedDate,
        met: external.met,
        overdue: !external.met && external.expectedDate !== null && external.expectedDate < today,
      });
      links.push({ from: external.id, to: item.id, kind: 'waits' });
    }
    return { nodes: group, edges: links };
  }
  return { nodes, edges, criticalPath: path.itemIds, criticalPoints: path.points, truncated, totalNodes };
}
