/**
 * Import and export (/p/:key/import). Editors import another tool's export through a wizard: the source,
 * the file (a dry run at once), the preview with its editable status mapping, then the real import.
 * Every member may download the product's exports from here.
 */
import { Link } from 'react-router';
import { paths } from '../../routes.ts';
import { useStore } from '../../state/use-store.ts';
import { ExportLinks } from './export-links.tsx';
import { FilePicker } from './file-picker.tsx';
import { ImportError } from './import-error.tsx';
import { ImportPreview } from './import-preview.tsx';
import { ImportResult } from './import-result.tsx';
import { sourceOf } from './import-sources.ts';
import { SourcePicker } from './source-picker.tsx';
import { useImportWizard } from './use-import-wizard.ts';
import './imports.css';

function ImportWizard({ productId, productKey }: { productId: string; productKey: string }) {
  const wizard = useImportWizard(productId);
  if (wizard.result)
    return <ImportResult report={wizard.result} productKey={productKey} onAgain={wizard.reset} />;
  const busy = wizard.previewing || wizard.importing;
  return (
    <div className="import-wizard">
      <SourcePicker kind={wizard.kind} disabled={busy} onChoose={wizard.chooseKind} />
      {wizard.kind && (
        <FilePicker
          source={sourceOf(wizard.kind)}
          file={wizard.file}
          busy={busy}
          onChoose={wizard.chooseFile}
        />
      )}
      {/* A refused file (422 naming the line, 413 too large) is told here, where it was chosen. */}
      <ImportError error={wizard.previewError} file={wizard.file} />
      {wizard.preview && (
        <ImportPreview
          report={wizard.preview}
          statusMap={wizard.statusMap}
          previewing={wizard.previewing}
          importing={wizard.importing}
          importError={wizard.importError}
          onMap={wizard.mapStatus}
          onImport={wizard.runImport}
        />
      )}
    </div>
  );
}

export function ImportScreen() {
  const store = useStore();
  const { id: productId, key, name } = store.product;
  return (
    <main className="screen import-screen">
      <h1>{store.readOnly ? 'Export' : 'Import and export'}</h1>
      {store.readOnly ? (
        <p>
          Only editors can import into {name}. <Link to={paths.productHome(key)}>Back to the product</Link>
        </p>
      ) : (
        <>
          <p className="hint">
            Bring work from Jira, Trello, Linear or a folder of Markdown files. Every import is a dry run
            first; importing the same file again updates what it imported before instead of duplicating it.
          </p>
          <ImportWizard productId={productId} productKey={key} />
        </>
      )}
      <section className="import-exports" aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <ExportLinks productId={productId} />
      </section>
    </main>
  );
}
