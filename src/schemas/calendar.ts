/** The personal calendar feed (iCalendar, RFC 5545) of sprints, releases and initiative target dates. */
import { Timestamp, z } from './common.ts';

export const CalendarFeed = z
  .object({
    active: z.boolean().describe('Whether a feed address exists (its secret is never shown again).'),
    createdAt: Timestamp.nullable().describe('When the current address was made; null without one.'),
  })
  .openapi('CalendarFeed');

export const CreatedCalendarFeed = z
  .object({
    url: z
      .string()
      .describe('The feed address, shown only in this response: anyone with it can read your calendar.'),
    createdAt: Timestamp,
  })
  .openapi('CreatedCalendarFeed');
