/**
 * Local edits of one kind of object, not saved yet, shown over the server's version of the object until
 * their saves settle. Whatever the server says of the object meanwhile (a save's answer, a live event)
 * becomes the version beneath the edits instead of replacing them, so a quick second edit is never undone
 * for a moment by the first one's answer, and a refused edit rolls back to what the server holds while the
 * others stay shown.
 */
interface Held<T> {
  /** The server's latest version of the object (undefined while it has none yet: a full item not read). */
  base: T | undefined;
  /** The edits still being saved, oldest first. */
  edits: Map<number, Partial<T>>;
}

export class HeldEdits<T extends { version: number }> {
  private readonly held = new Map<string, Held<T>>();
  private count = 0;

  /**
   * @param read the object as the screen shows it now
   * @param show puts a version of the object on the screen
   */
  constructor(
    private readonly read: (id: string) => T | undefined,
    private readonly show: (value: T) => void,
  ) {}

  /** The server's latest version of the object: beneath the edits while some are held. */
  serverVersion(id: string): T | undefined {
    const held = this.held.get(id);
    return held ? held.base : this.read(id);
  }

  /** Shows an edit at once and holds it until the returned function is called (once its save settled). */
  hold(id: string, edit: Partial<T>): () => void {
    let held = this.held.get(id);
    if (!held) {
      held = { base: this.read(id), edits: new Map() };
      this.held.set(id, held);
    }
    const entry = held;
    const token = ++this.count;
    entry.edits.set(token, edit);
    this.showHeld(entry);
    return () => {
      if (this.held.get(id) !== entry || !entry.edits.delete(token)) return;
      if (entry.edits.size === 0) this.held.delete(id);
      this.showHeld(entry);
    };
  }

  /**
   * Takes the server's version of an object with edits held, and shows the edits over it. Returns false,
   * doing nothing, when no edit of the object is held: the caller shows the version itself.
   */
  accept(id: string, value: T): boolean {
    const held = this.held.get(id);
    if (!held) return false;
    held.base = value;
    this.showHeld(held);
    return true;
  }

  /**
   * After the objects were replaced wholesale by the server's (the whole backlog arriving), takes those
   * as the versions beneath the edits held, unless a held version is newer, and shows the edits again.
   */
  rebaseAll(): void {
    for (const [id, held] of this.held) {
      const fresh = this.read(id);
      if (fresh && (!held.base || fresh.version >= held.base.version)) held.base = fresh;
      this.showHeld(held);
    }
  }

  /** Drops the edits of an object that is gone (deleted): nothing is shown for them any more. */
  forget(id: string): void {
    this.held.delete(id);
  }

  private showHeld(held: Held<T>): void {
    if (!held.base) return;
    let shown = held.base;
    for (const edit of held.edits.values()) shown = { ...shown, ...edit };
    this.show(shown);
  }
}
