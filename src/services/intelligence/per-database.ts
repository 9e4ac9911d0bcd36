/**
 * State a server keeps for each database it serves (a process may serve several, as the tests do): made
 * on first use, dropped with the database.
 */
import type { Db } from '../../store/database.ts';

export interface PerDatabase<T> {
  of(db: Db): T;
  /** Forgets every database's state. */
  clear(): void;
}

export function perDatabase<T>(make: () => T): PerDatabase<T> {
  let states = new WeakMap<Db, T>();
  return {
    of(db) {
      let state = states.get(db);
      if (state === undefined) {
        state = make();
        states.set(db, state);
      }
      return state;
    },
    clear() {
      states = new WeakMap();
    },
  };
}

/** Moves `key` to the end of `map` (most recently used) and drops the first entries past `max`. */
export function touch<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
}
