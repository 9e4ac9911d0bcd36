/** In-memory chart caches are kept per database handle (a server's, each test's), and go with it. */
import type { Db } from '../../store/database.ts';

/** A function giving the map kept for a database handle, made on first use. */
export function perDatabase<V>(): (db: Db) => Map<string, V> {
  const maps = new WeakMap<Db, Map<string, V>>();
  return (db) => {
    let map = maps.get(db);
    if (!map) {
      map = new Map();
      maps.set(db, map);
    }
    return map;
  };
}
