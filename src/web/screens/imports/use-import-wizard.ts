/**
 * The wizard's state: the source, the file, the statuses mapped by hand, the last dry run's report and
 * the real run's. Every upload goes through TanStack Query's useMutation and the generated client.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ItemStatusName } from '../../../domain/item-status.ts';
import { type ImportReportT, importsApi } from '../../api/imports.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { contentTypeOf, type ImportKindName } from './import-sources.ts';

type StatusMap = Readonly<Record<string, ItemStatusName>>;

interface Upload {
  kind: ImportKindName;
  file: File;
  statusMap: StatusMap;
}

export interface ImportWizard {
  kind: ImportKindName | null;
  file: File | null;
  /** The statuses mapped by hand (source name → Cairn status). */
  statusMap: StatusMap;
  /** The last dry run's report: kept on screen while the next one runs, so a select keeps its focus. */
  preview: ImportReportT | null;
  /** A dry run is under way (the first one, or one after a mapping change). */
  previewing: boolean;
  previewError: unknown;
  /** The real run's report, once it is done. */
  result: ImportReportT | null;
  importing: boolean;
  importError: unknown;
  chooseKind(kind: ImportKindName): void;
  chooseFile(file: File): void;
  mapStatus(source: string, status: ItemStatusName): void;
  runImport(): void;
  /** Back to the start, for another file. */
  reset(): void;
}

export function useImportWizard(productId: string): ImportWizard {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKindName | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [statusMap, setStatusMap] = useState<StatusMap>({});
  const [preview, setPreview] = useState<ImportReportT | null>(null);
  const [result, setResult] = useState<ImportReportT | null>(null);

  const upload = (dryRun: boolean) => (input: Upload) =>
    importsApi.run(productId, {
      kind: input.kind,
      file: input.file,
      contentType: contentTypeOf(input.kind, input.file.name),
      dryRun,
      statusMap: input.statusMap,
    });
  const dryRun = useMutation({ mutationFn: upload(true) });
  const realRun = useMutation({
    mutationFn: upload(false),
    onSuccess: (report) => {
      setResult(report);
      // The import may touch every list of the product: its store and every query load again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.product(productId) });
    },
  });

  /** A dry run of the current choice; only the latest call's answer is kept (per-call onSuccess). */
  const previewWith = (input: Upload) => {
    dryRun.mutate(input, { onSuccess: (report) => setPreview(report) });
  };

  return {
    kind,
    file,
    statusMap,
    preview,
    previewing: dryRun.isPending,
    previewError: dryRun.error,
    result,
    importing: realRun.isPending,
    importError: realRun.error,
    chooseKind(next) {
      if (next === kind) return;
      setKind(next);
      // Another tool's file reads differently: the file and what was learnt from it go.
      setFile(null);
      setStatusMap({});
      setPreview(null);
      dryRun.reset();
      realRun.reset();
    },
    chooseFile(next) {
      if (!kind) return;
      setFile(next);
      setStatusMap({});
      setPreview(null);
      realRun.reset();
      previewWith({ kind, file: next, statusMap: {} });
    },
    mapStatus(source, status) {
      if (!kind || !file) return;
      const next = { ...statusMap, [source]: status };
      setStatusMap(next);
      previewWith({ kind, file, statusMap: next });
    },
    runImport() {
      if (!kind || !file || realRun.isPending) return;
      realRun.mutate({ kind, file, statusMap });
    },
    reset() {
      setKind(null);
      setFile(null);
      setStatusMap({});
      setPreview(null);
      setResult(null);
      dryRun.reset();
      realRun.reset();
    },
  };
}
