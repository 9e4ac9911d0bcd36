/** Download links for the product's exports: the whole model as JSON, items and initiatives as CSV. */
import { productExportUrls } from '../../api/imports.ts';

export function ExportLinks({ productId }: { productId: string }) {
  const urls = productExportUrls(productId);
  return (
    <ul className="export-links">
      <li>
        <a href={urls.json} download>
          Export JSON
        </a>
        <span className="hint"> — the whole product with its history</span>
      </li>
      <li>
        <a href={urls.itemsCsv} download>
          Export items CSV
        </a>
      </li>
      <li>
        <a href={urls.initiativesCsv} download>
          Export initiatives CSV
        </a>
      </li>
    </ul>
  );
}
