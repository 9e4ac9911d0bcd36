/**
 * The server's first paint of the address (src/presenters/first-paint-html.ts) covers the app while its
 * code starts; it goes as soon as the app has drawn the same screen (the selector the server names), or
 * anything that is not it (a message, an error, another address), and after `limitMs` in any case. The
 * check runs in the observer's callback, within the task that drew the app's screen: the two are never in
 * the page together.
 */
const NOT_THE_SCREEN = '[role="alert"], .centered, .item-panel-message, .screen-error, .backlog-empty';

export function releaseFirstPaint(root: HTMLElement, limitMs = 10_000): void {
  const paint = document.getElementById('first-paint');
  if (!paint) return;
  const replacedBy = paint.dataset.replacedBy || NOT_THE_SCREEN;
  const address = window.location.pathname + window.location.search;
  const release = () => {
    observer.disconnect();
    clearTimeout(timer);
    paint.remove();
  };
  const check = () => {
    if (
      window.location.pathname + window.location.search !== address ||
      root.querySelector(replacedBy) ||
      root.querySelector(NOT_THE_SCREEN)
    ) {
      release();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { childList: true, subtree: true });
  const timer = setTimeout(release, limitMs);
  check();
}
