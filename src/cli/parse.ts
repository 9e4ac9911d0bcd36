/** Validates CLI input with the same schemas as the API; errors name the field. */
import type { z } from 'zod';
import { AppError } from '../services/errors.ts';

export function parseOrExplain<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.') || 'input', message: i.message }));
  throw new AppError(
    'validation_failed',
    `invalid input: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    {
      issues,
    },
  );
}
