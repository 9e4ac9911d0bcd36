/**
 * When open initiatives and planned releases will be done, in completed items or points: the table, and
 * how it was computed. While the other unit is read, the last answer stays on screen.
 */
import { useId, useState } from 'react';
import { useForecast } from '../../state/use-analysis.ts';
import { useStore } from '../../state/use-store.ts';
import { ForecastMethod } from './forecast-method.tsx';
import { ForecastTable } from './forecast-table.tsx';
import { HealthSection, ReportState } from './health-section.tsx';
import './health-forecast.css';

type Unit = 'items' | 'points';

const UNITS: { unit: Unit; label: string }[] = [
  { unit: 'items', label: 'Items' },
  { unit: 'points', label: 'Points' },
];

export function ForecastSection() {
  const store = useStore();
  const [unit, setUnit] = useState<Unit>('items');
  const report = useForecast(store.product.id, unit);
  const updating = report.isPlaceholderData || (report.isFetching && report.data?.unit !== unit);
  return (
    <HealthSection
      title="Forecast"
      className="health-forecast"
      actions={<UnitSwitch unit={unit} onChange={setUnit} updating={updating} />}
    >
      <ReportState
        what="forecast"
        loading={report.isPending}
        error={report.error}
        hasData={report.data !== undefined}
      />
      {report.data && (
        <>
          <ForecastTable forecast={report.data} productKey={store.product.key} />
          <ForecastMethod forecast={report.data} />
        </>
      )}
    </HealthSection>
  );
}

function UnitSwitch({
  unit,
  onChange,
  updating,
}: {
  unit: Unit;
  onChange: (unit: Unit) => void;
  updating: boolean;
}) {
  const name = useId();
  return (
    <div className="unit-switch-row">
      <fieldset className="unit-switch">
        <legend>Forecast in</legend>
        {UNITS.map((option) => (
          <label key={option.unit} className={option.unit === unit ? 'chosen' : ''}>
            <input
              type="radio"
              name={name}
              value={option.unit}
              checked={option.unit === unit}
              onChange={() => onChange(option.unit)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <span className="hint" role="status">
        {updating ? 'Updating…' : ''}
      </span>
    </div>
  );
}
