/**
 * One product's planning data held in the browser: the whole backlog (as compact summaries), initiatives,
 * themes, objectives and users. Screens read it synchronously, so moving between views never waits for the
 * network; the live stream and the optimistic mutations (./mutations.ts) keep it current.
 */
import { type Progress, progressByInitiative } from '../../domain/progress.ts';
import { initiativesApi, objectivesApi, themesApi } from '../api/planning.ts';
import { usersApi } from '../api/products.ts';
import type {
  BacklogItemT,
  EventT,
  InitiativeT,
  ItemT,
  LiveMessage,
  ObjectiveT,
  ProductT,
  ThemeT,
  UserT,
} from '../api/types.ts';
import { toBacklogItem } from './backlog-item.ts';
import { HeldEdits } from './held-edits.ts';
import { type BacklogSnapshot, requestBacklog, takePrefetchedBacklog } from './prefetch.ts';

/** `partial`: the backlog's first page is held, the rest is on its way (only the backlog screen shows it). */
export type LoadState = 'loading' | 'partial' | 'ready' | 'error';

/** Listeners for one object's live changes (e.g. an open detail panel refetching its dependencies). */
type EventListener = (event: EventT, entity: unknown) => void;

/** A local change to an item, not saved yet: its compact row's fields and its full item's. */
export interface LocalEdit {
  summary?: Partial<BacklogItemT>;
  full?: Partial<ItemT>;
}

export class ProductStore {
  state: LoadState = 'loading';
  error: string | null = null;
  product: ProductT;
  readonly items = new Map<string, BacklogItemT>();
  readonly idByKey = new Map<string, string>();
  /** Live item ids in rank order. */
  order: string[] = [];
  readonly initiatives = new Map<string, InitiativeT>();
  readonly themes = new Map<string, ThemeT>();
  readonly objectives = new Map<string, ObjectiveT>();
  readonly users = new Map<string, UserT>();
  /** Full items (description, story, criteria) fetched by detail views and kept live. */
  readonly fullItems = new Map<string, ItemT>();
  /** The last event id applied: the live stream resumes from here. */
  cursor = '0';
  /**
   * Edits the server refused as invalid (400), by `objectId.field`: each field shows its message until
   * it is saved. See fieldErrorKey() in mutations.ts.
   */
  readonly fieldErrors = new Map<string, string>();
  /** The signed-in user is a viewer: every change would be refused, so the mutations do not try. */
  readOnly = false;
  /** True once initiatives, themes, objectives and users have arrived (they may come before the backlog). */
  planningLoaded = false;
  /** Bumped on every change; React reads it through useSyncExternalStore. */
  version = 0;

  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<EventListener>();
  private progressCache: { version: number; value: Map<string, Progress> } | null = null;
  /** Unsaved local edits (see holdEdit): of backlog rows, full items and initiatives. */
  private readonly rowEdits = new HeldEdits<BacklogItemT>(
    (id) => this.items.get(id),
    (row) => this.putItem(row),
  );
  private readonly fullEdits = new HeldEdits<ItemT>(
    (id) => this.fullItems.get(id),
    (item) => this.fullItems.set(item.id, item),
  );
  private readonly initiativeEdits = new HeldEdits<InitiativeT>(
    (id) => this.initiatives.get(id),
    (initiative) => this.initiatives.set(initiative.id, initiative),
  );
  private notifyScheduled = false;

  constructor(product: ProductT) {
    this.product = product;
  }

  // ---- subscription -------------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Tells every subscriber now (used by user actions, whose feedback must be immediate). */
  changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  /** Coalesces a burst of live changes into one render. */
  private changedSoon(): void {
    this.version += 1;
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      for (const listener of this.listeners) listener();
    });
  }

  onEvent(listener: EventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  // ---- loading ------------------------------------------------------------------------------------

  /**
   * Loads the product. The backlog's first page is shown as soon as it arrives (state `partial`: the
   * backlog screen draws its first rows), then the whole backlog replaces it (state `ready`: every screen,
   * and the live stream, which starts from the whole backlog's cursor so that nothing is applied to a
   * snapshot older than itself). Initiatives, themes, objectives and users are held as soon as they arrive
   * (`planningLoaded`), before or after the backlog: the roadmap draws its board from them and counts
   * progress once the whole backlog is in (see progress()).
   */
  async load(): Promise<void> {
    const id = this.product.id;
    const { firstPage, whole } = takePrefetchedBacklog(this.product.key) ?? requestBacklog(id);
    const planning = Promise.all([
      initiativesApi.list(id),
      themesApi.list(id),
      objectivesApi.list(id),
      usersApi.list(),
    ]).then(([initiatives, themes, objectives, users]) => {
      this.replaceAll(this.initiatives, initiatives);
      this.initiativeEdits.rebaseAll();
      this.replaceAll(this.themes, themes);
      this.replaceAll(this.objectives, objectives);
      this.replaceAll(this.users, users);
      this.planningLoaded = true;
      // Unless the load has failed meanwhile: its error is what the screens show.
      if (this.state !== 'error') this.changed();
    });
    planning.catch(() => undefined); // reported below, after the backlog
    let wholeArrived = false;
    firstPage.then(
      (page) => {
        // Only while nothing better is held: the whole backlog may come first.
        if (wholeArrived || this.state !== 'loading') return;
        this.setBacklog(page);
        this.state = 'partial';
        this.changed();
      },
      () => undefined, // the whole backlog's answer decides
    );
    try {
      const snapshot = await whole;
      wholeArrived = true;
      this.setBacklog(snapshot);
      this.state = 'ready';
      this.changed();
      await planning;
    } catch (error) {
      wholeArrived = true;
      this.state = 'error';
      this.error = (error as Error).message;
    }
    this.changed();
  }

  /** Holds these rows (in rank order) as the backlog, and the cursor to stream from. */
  private setBacklog(snapshot: BacklogSnapshot): void {
    this.items.clear();
    this.idByKey.clear();
    for (const item of snapshot.items) {
      this.items.set(item.id, item);
      this.idByKey.set(item.key, item.id);
    }
    this.order = snapshot.items.map((item) => item.id);
    this.cursor = snapshot.cursor;
    this.rowEdits.rebaseAll();
  }

  private replaceAll<T extends { id: string }>(map: Map<string, T>, values: T[]): void {
    map.clear();
    for (const value of values) map.set(value.id, value);
  }

  // ---- reads --------------------------------------------------------------------------------------

  itemByKey(key: string): BacklogItemT | undefined {
    const id = this.idByKey.get(key.toUpperCase());
    return id ? this.items.get(id) : undefined;
  }

  /** Backlog items in rank order. */
  orderedItems(): BacklogItemT[] {
    const result: BacklogItemT[] = [];
    for (const id of this.order) {
      const item = this.items.get(id);
      if (item) result.push(item);
    }
    return result;
  }

  /**
   * Progress of every initiative's backlog work, recomputed only when something changed; null until the
   * whole backlog is in (counted from a part of it, the figures would look true and be wrong).
   */
  progress(): Map<string, Progress> | null {
    if (this.state !== 'ready') return null;
    if (this.progressCache?.version !== this.version) {
      this.progressCache = { version: this.version, value: progressByInitiative(this.items.values()) };
    }
    return this.progressCache.value;
  }

  sortedInitiatives(): InitiativeT[] {
    return [...this.initiatives.values()].sort((a, b) => a.title.localeCompare(b.title));
  }

  sortedThemes(): ThemeT[] {
    return [...this.themes.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  // ---- local writes (used by mutations and the live stream) ---------------------------------------

  /** Puts an item in place (insert or replace), keeping `order` sorted by rank. */
  putItem(item: BacklogItemT): void {
    const previous = this.items.get(item.id);
    this.items.set(item.id, item);
    this.idByKey.set(item.key, item.id);
    if (!previous) {
      this.order.splice(this.insertionIndex(item.rank), 0, item.id);
    } else if (previous.rank !== item.rank) {
      const at = this.order.indexOf(item.id);
      if (at >= 0) this.order.splice(at, 1);
      this.order.splice(this.insertionIndex(item.rank), 0, item.id);
    }
  }

  removeItem(id: string): void {
    this.rowEdits.forget(id);
    this.fullEdits.forget(id);
    const item = this.items.get(id);
    if (!item) return;
    this.items.delete(id);
    this.idByKey.delete(item.key);
    const at = this.order.indexOf(id);
    if (at >= 0) this.order.splice(at, 1);
  }

  /**
   * Shows a local edit of an item at once, and keeps showing it over whatever the server says of the item
   * meanwhile (a save's answer, a live event) until the returned function is called, once the edit's save
   * has settled. See HeldEdits.
   */
  holdEdit(id: string, edit: LocalEdit): () => void {
    const releaseRow = this.rowEdits.hold(id, edit.summary ?? {});
    const releaseFull = this.fullEdits.hold(id, edit.full ?? {});
    return () => {
      releaseRow();
      releaseFull();
    };
  }

  /** An initiative's local edit, held like an item's (see holdEdit). */
  holdInitiativeEdit(id: string, edit: Partial<InitiativeT>): () => void {
    return this.initiativeEdits.hold(id, edit);
  }

  /** Applies a full item from the server, unless what we hold is newer. */
  acceptItem(item: ItemT): void {
    const held = this.rowEdits.serverVersion(item.id);
    if (held && held.version > item.version) return;
    const full = this.fullEdits.serverVersion(item.id);
    if (item.deletedAt) {
      this.removeItem(item.id);
    } else {
      const row = toBacklogItem(item);
      if (!this.rowEdits.accept(item.id, row)) this.putItem(row);
    }
    if ((!full || full.version <= item.version) && !this.fullEdits.accept(item.id, item)) {
      this.fullItems.set(item.id, item);
    }
  }

  acceptInitiative(initiative: InitiativeT): void {
    const held = this.initiativeEdits.serverVersion(initiative.id);
    if (held && held.version > initiative.version) return;
    if (initiative.deletedAt) this.removeInitiative(initiative.id);
    else if (!this.initiativeEdits.accept(initiative.id, initiative)) {
      this.initiatives.set(initiative.id, initiative);
    }
  }

  removeInitiative(id: string): void {
    this.initiativeEdits.forget(id);
    this.initiatives.delete(id);
  }

  /** Binary search: the first position whose rank is above `rank` (ranks compare as plain strings). */
  private insertionIndex(rank: string): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const id = this.order[middle];
      const other = id ? this.items.get(id)?.rank : undefined;
      if (other !== undefined && other < rank) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  // ---- the live stream ----------------------------------------------------------------------------

  /** Applies one message of the live stream. Messages arrive in event-id order. */
  applyLive(message: LiveMessage): void {
    const { event, entity } = message;
    if (Number(event.id) <= Number(this.cursor)) return;
    this.cursor = String(event.id);
    switch (event.entityType) {
      case 'item':
        if (entity) this.acceptItem(entity as ItemT);
        else this.removeItem(event.entityId);
        break;
      case 'initiative':
        if (entity) this.acceptInitiative(entity as InitiativeT);
        else this.removeInitiative(event.entityId);
        break;
      case 'theme':
        this.acceptSimple(this.themes, event.entityId, entity as ThemeT | null);
        break;
      case 'objective':
        this.acceptSimple(this.objectives, event.entityId, entity as ObjectiveT | null);
        break;
      case 'product':
        if (entity) this.product = entity as ProductT;
        break;
      default:
        break;
    }
    for (const listener of this.eventListeners) listener(event, entity);
    this.changedSoon();
  }

  private acceptSimple<T extends { id: string; version: number; deletedAt: string | null }>(
    map: Map<string, T>,
    id: string,
    entity: T | null,
  ): void {
    if (!entity || entity.deletedAt) {
      map.delete(id);
      return;
    }
    const held = map.get(id);
    if (!held || held.version <= entity.version) map.set(id, entity);
  }
}
