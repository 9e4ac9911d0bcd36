/** Shared schema pieces: ids, dates, errors, pagination. `z` comes from @hono/zod-openapi so every schema
 *  here also describes itself in the OpenAPI document. */
import { z } from '@hono/zod-openapi';
import {
  EARLIEST_DATE,
  inDateWindow,
  isCalendarDate,
  LATEST_DATE,
  LATEST_INSTANT,
} from '../domain/calendar.ts';

export { z };

/** An opaque object id (UUID). */
export const Id = z.string().uuid().openapi({ example: '0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d' });

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { message: 'must be a real calendar date', abort: true })
  // A window keeps every day loop short and every date four digits long (see domain/calendar.ts).
  .refine(inDateWindow, `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`)
  .openapi({ example: '2027-03-31' });

/** An ISO-8601 UTC timestamp. */
export const Timestamp = z.string().openapi({ example: '2026-11-25T14:00:00.000Z' });

/** A timestamp a client sends: ISO 8601 with a time zone, between 1970 and the end of 2200. */
export const TimestampInput = z
  .string()
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
      !Number.isNaN(Date.parse(s)),
    { message: 'must be an ISO timestamp such as 2026-11-25T14:00:00Z', abort: true },
  )
  .refine((s) => {
    const ms = Date.parse(s);
    return ms >= Date.parse(`${EARLIEST_DATE}T00:00:00Z`) && ms <= Date.parse(LATEST_INSTANT);
  }, `must be between ${EARLIEST_DATE} and ${LATEST_INSTANT}`)
  .openapi({ example: '2026-11-25T14:00:00Z' });

/** Text of bounded length, trimmed. NUL is refused: PostgreSQL cannot store it, and no person types it. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
export const requiredText = (max: number) => text(max).min(1, 'must not be empty');

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const Limit = z.coerce
  .number()
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .max(500, 'must be at most 500')
  .default(100);

export const Cursor = z.string().max(200).optional();

export const DeletedResponse = z.object({ id: Id, deleted: z.literal(true) }).openapi('Deleted');
