/**
 * A tiny line of a stream's daily throughput, one point a day (at most a year of days: the server clamps
 * the history). Its words are in its label; the line itself is for the eye.
 */
const WIDTH = 120;
const HEIGHT = 24;

export function Sparkline({ daily, label }: { daily: readonly number[]; label: string }) {
  if (daily.length === 0) return <span className="hint">No completions yet</span>;
  const top = Math.max(1, ...daily);
  const step = daily.length > 1 ? WIDTH / (daily.length - 1) : 0;
  const line = daily
    .map((value, index) => {
      const x = daily.length > 1 ? index * step : WIDTH / 2;
      const y = HEIGHT - 2 - (value / top) * (HEIGHT - 4);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
    >
      <line className="sparkline-base" x1={0} x2={WIDTH} y1={HEIGHT - 2} y2={HEIGHT - 2} />
      <polyline className="sparkline-line" points={line} />
    </svg>
  );
}
