/** The keyboard shortcuts (`?`), grouped as src/web/shortcuts.ts lists them. */
import './palette.css';
import { Dialog } from '../../components/dialog.tsx';
import { domId } from '../../components/dom-id.ts';
import { SHORTCUTS } from '../../shortcuts.ts';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog label="Keyboard shortcuts" onClose={onClose} className="help-overlay">
      <div className="help-header">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="help-groups">
        {SHORTCUTS.map((group) => (
          <section key={group.title} aria-labelledby={domId('help', group.title)}>
            <h3 id={domId('help', group.title)}>{group.title}</h3>
            <dl className="help-list">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.description} className="help-row">
                  <dt>
                    {shortcut.keys.map((key, at) => (
                      <span key={key}>
                        {at > 0 && <span className="help-then"> </span>}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
