/**
 * The webhook form (add and edit): the URL and the event types, grouped by kind of object. The catalogue
 * is the server's own (schemas/webhook-events.ts); the server checks the URL and answers naming the field.
 */
import { useId, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { WEBHOOK_ENTITIES, WEBHOOK_EVENT_CATALOGUE } from '../../../schemas/webhook-events.ts';
import { FormError } from '../../components/form-error.tsx';

export interface WebhookFormValue {
  url: string;
  eventTypes: string[];
}

const LABELS: Record<string, string> = { story_map: 'story maps', prd: 'PRDs' };
const labelOf = (entity: string) => LABELS[entity] ?? `${entity.replace('_', ' ')}s`;

function toggled(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

export function WebhookForm(props: {
  initial: WebhookFormValue;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (value: WebhookFormValue) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [url, setUrl] = useState(props.initial.url);
  const [types, setTypes] = useState<string[]>(props.initial.eventTypes);
  const all = types.includes('*');
  return (
    <form
      className="webhook-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!props.busy) props.onSubmit({ url: url.trim(), eventTypes: types });
      }}
    >
      <label htmlFor={`${id}-url`}>Payload URL</label>
      <input
        id={`${id}-url`}
        type="url"
        required
        maxLength={LIMITS.webhookUrl}
        placeholder="https://example.com/cairn-hook"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
      />
      <fieldset className="webhook-events">
        <legend>Events</legend>
        <label className="webhook-all">
          <input
            type="checkbox"
            checked={all}
            onChange={(event) => setTypes(event.target.checked ? ['*'] : [])}
          />{' '}
          Every event
        </label>
        {!all &&
          WEBHOOK_ENTITIES.map((entity) => {
            const wildcard = `${entity}.*`;
            const whole = types.includes(wildcard);
            return (
              <div key={entity} className="webhook-entity">
                <label>
                  <input
                    type="checkbox"
                    checked={whole}
                    onChange={(event) => setTypes((list) => toggled(list, wildcard, event.target.checked))}
                  />{' '}
                  All {labelOf(entity)}
                </label>
                {!whole &&
                  WEBHOOK_EVENT_CATALOGUE[entity].map((action) => {
                    const type = `${entity}.${action}`;
                    return (
                      <label key={type} className="webhook-action">
                        <input
                          type="checkbox"
                          checked={types.includes(type)}
                          onChange={(event) => setTypes((list) => toggled(list, type, event.target.checked))}
                        />{' '}
                        {action.replace('_', ' ')}
                      </label>
                    );
                  })}
              </div>
            );
          })}
      </fieldset>
      <div className="webhook-form-actions">
        <button type="submit" disabled={props.busy || !url.trim() || types.length === 0}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
      <FormError error={props.error} />
    </form>
  );
}
