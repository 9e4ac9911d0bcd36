/**
 * Imports over the API: the export file goes up as the raw request body (openapi-fetch passes a File
 * through a body serializer that leaves it as is), and the answer is the import's report. Also the
 * addresses of the product's exports, which the browser downloads with the session cookie.
 */
import type { ItemStatusName } from '../../domain/item-status.ts';
import { client, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
/** The report of a dry run or a real import, as the client types the answer. */
export type ImportReportT = Schemas['ImportReport'];
export type ImportKindT = Schemas['ImportKind'];

export interface ImportRequest {
  kind: ImportKindT;
  file: File;
  /** The Content-Type the body is read as (import-sources.ts contentTypeOf). */
  contentType: string;
  /** true: report what would happen and write nothing. */
  dryRun: boolean;
  /** The source statuses the user mapped by hand; the rest keep the server's guess. */
  statusMap: Readonly<Record<string, ItemStatusName>>;
}

export const importsApi = {
  /** Uploads the file and answers the report (a dry run writes nothing). */
  run: (productId: string, request: ImportRequest, signal?: AbortSignal) =>
    ok(
      client.POST('/products/{productId}/imports', {
        params: {
          path: { productId },
          query: {
            kind: request.kind,
            dryRun: request.dryRun ? 'true' : 'false',
            ...(Object.keys(request.statusMap).length > 0
              ? { statusMap: JSON.stringify(request.statusMap) }
              : {}),
          },
        },
        // The file is the body as it is: never read into memory here, never JSON-encoded. The document
        // types a binary body as a string; the serializer hands the File to fetch untouched.
        body: request.file as unknown as string,
        bodySerializer: (body) => body,
        headers: { 'Content-Type': request.contentType },
        signal,
      }),
    ),
};

/** The product's export downloads (members who may see the product may download them). */
export const productExportUrls = (productId: string) => {
  const base = `/api/v1/products/${encodeURIComponent(productId)}`;
  return {
    json: `${base}/export.json`,
    itemsCsv: `${base}/export/items.csv`,
    initiativesCsv: `${base}/export/initiatives.csv`,
  };
};
