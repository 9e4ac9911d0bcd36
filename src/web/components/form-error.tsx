import { ApiError } from '../api/client.ts';

/** A form's error, naming the field the server refused. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError ? error.fieldMessage : (error as Error).message;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
