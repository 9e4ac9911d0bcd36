import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Id } from '../schemas/common.ts';
import { newId } from './ids.ts';

describe('object ids', () => {
  it('are UUIDv7 that the API schema accepts', () => {
    const id = newId();
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(Id.safeParse(id).success, true);
  });

  it('sort by creation time and carry it in their first 48 bits', () => {
    const earlier = newId(Date.parse('2026-01-01T00:00:00Z'));
    const later = newId(Date.parse('2026-01-01T00:00:00.001Z'));
    assert.ok(earlier < later);
    assert.equal(
      Number.parseInt(earlier.replace(/-/g, '').slice(0, 12), 16),
      Date.parse('2026-01-01T00:00:00Z'),
    );
  });

  it('differ even within one millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(1_800_000_000_000)));
    assert.equal(ids.size, 10_000);
  });
});
