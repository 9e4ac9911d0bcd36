import type { Db } from '../store/database.ts';
export async function loadDemo(_db: Db, _o: { onlyIfEmpty: boolean }): Promise<{ message: string }> {
  return { message: 'TODO' };
}
