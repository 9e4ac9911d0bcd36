/**
 * Why a file was refused, where it was chosen: a file over the import limit says its size and the limit
 * (the server sends the limit, so it is never typed here); anything else — a 422 naming the line, a
 * network failure — is the server's message as it is.
 */
import { ApiError } from '../../api/client.ts';
import { FormError } from '../../components/form-error.tsx';
import { formatBytes } from './import-sources.ts';

export function ImportError({ error, file }: { error: unknown; file: File | null }) {
  if (error instanceof ApiError && error.status === 413) {
    const limit = (error.details as { limit?: unknown } | undefined)?.limit;
    return (
      <p className="form-error" role="alert">
        {file ? `${file.name} is ${formatBytes(file.size)}: too large to import` : 'The file is too large'}
        {typeof limit === 'number' ? ` (at most ${formatBytes(limit)}).` : '.'} Export fewer issues at a time,
        e.g. one project or one year per file.
      </p>
    );
  }
  return <FormError error={error} />;
}
