/** The initiative's planning fields: status, horizon, confidence, theme, dates, visibility, objectives. */
import { datesInOrder } from '../../../domain/calendar.ts';
import type { ConfidenceT, HorizonT, InitiativeStatusT, InitiativeT, VisibilityT } from '../../api/types.ts';
import { CONFIDENCES, HORIZON_LABELS, HORIZONS } from '../../api/types.ts';
import type { updateInitiative } from '../../state/mutations/initiatives.ts';
import { useStore } from '../../state/use-store.ts';
import { AnnouncementDialogHost, saveInitiativeChange } from '../roadmap/baseline-announce.tsx';
import {
  CONFIDENCE_LABELS,
  INITIATIVE_STATUS_LABELS,
  INITIATIVE_STATUSES,
  VISIBILITY_LABELS,
} from '../roadmap/initiative-text.ts';
import { DateField } from './date-field.tsx';
import { ObjectivesPicker } from './objectives-picker.tsx';

const VISIBILITIES: readonly VisibilityT[] = ['internal', 'public'];

export function InitiativeFields({ initiative }: { initiative: InitiativeT }) {
  const store = useStore();
  type Patch = Parameters<typeof updateInitiative>[2];
  // A pivot (a committed initiative changed after a baseline) asks for an announcement first.
  const save = (patch: Patch) => void saveInitiativeChange(store, initiative.id, patch);
  const saveDate = (field: 'startDate' | 'targetDate', value: string | null): string | null => {
    const start = field === 'startDate' ? value : initiative.startDate;
    const target = field === 'targetDate' ? value : initiative.targetDate;
    if (!datesInOrder(start, target)) return 'The start date must not be after the target date.';
    save({ [field]: value });
    return null;
  };
  const themes = store.sortedThemes();

  return (
    <div className="initiative-fields">
      <AnnouncementDialogHost />
      <label>
        Status
        <select
          value={initiative.status}
          onChange={(event) => save({ status: event.target.value as InitiativeStatusT })}
        >
          {INITIATIVE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {INITIATIVE_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Horizon
        <select
          value={initiative.horizon}
          onChange={(event) => save({ horizon: event.target.value as HorizonT })}
        >
          {HORIZONS.map((horizon) => (
            <option key={horizon} value={horizon}>
              {HORIZON_LABELS[horizon]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Confidence
        <select
          value={initiative.confidence}
          onChange={(event) => save({ confidence: event.target.value as ConfidenceT })}
        >
          {CONFIDENCES.map((confidence) => (
            <option key={confidence} value={confidence}>
              {CONFIDENCE_LABELS[confidence]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Theme
        <select
          value={initiative.themeId && store.themes.has(initiative.themeId) ? initiative.themeId : ''}
          onChange={(event) => save({ themeId: event.target.value || null })}
        >
          <option value="">No theme</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.name}
            </option>
          ))}
        </select>
      </label>
      <div className="date-pair">
        <DateField label="Start date" value={initiative.startDate} onSave={(v) => saveDate('startDate', v)} />
        <DateField
          label="Target date"
          value={initiative.targetDate}
          onSave={(v) => saveDate('targetDate', v)}
        />
      </div>
      <label>
        Visibility
        <select
          value={initiative.visibility}
          onChange={(event) => save({ visibility: event.target.value as VisibilityT })}
        >
          {VISIBILITIES.map((visibility) => (
            <option key={visibility} value={visibility}>
              {VISIBILITY_LABELS[visibility]}
            </option>
          ))}
        </select>
      </label>
      <ObjectivesPicker initiative={initiative} />
    </div>
  );
}
