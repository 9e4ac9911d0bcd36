/**
 * The product's live stream: Server-Sent Events from GET /products/{id}/stream, resumed from the store's
 * cursor. The browser reconnects by itself (sending Last-Event-ID); when the server refused the stream
 * (closed state), we start a new one after a pause.
 */
import { API } from '../api/client.ts';
import type { LiveMessage } from '../api/types.ts';
import type { ProductStore } from './product-store.ts';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export function connectLive(store: ProductStore, onStatus: (status: LiveStatus) => void): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = 1000;
  let stopped = false;

  const open = () => {
    onStatus('connecting');
    source = new EventSource(`${API}/products/${store.product.id}/stream?after=${store.cursor}`);
    source.addEventListener('open', () => {
      delay = 1000;
      onStatus('live');
    });
    source.addEventListener('change', (message) => {
      store.applyLive(JSON.parse((message as MessageEvent<string>).data) as LiveMessage);
    });
    source.addEventListener('error', () => {
      if (stopped || !source) return;
      if (source.readyState === EventSource.CLOSED) {
        onStatus('offline');
        source.close();
        retry = setTimeout(open, delay);
        delay = Math.min(delay * 2, 30_000);
      } else {
        onStatus('connecting');
      }
    });
  };
  open();

  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}
