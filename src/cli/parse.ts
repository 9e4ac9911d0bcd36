/** Validates CLI input with the same schemas as the API; errors name the field. */
import type { z } from 'zod';

export function parseOrExplain<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'input'} ${i.message}`);
  throw new Error(`invalid input: ${problems.join('; ')}`);
}
