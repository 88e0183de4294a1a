import type { CompensationRow } from '../../api/monitor.js';
import { useText } from '../../i18n/i18n-context.js';

const BAR = 28;
const GAP = 12;
const PLOT_HEIGHT = 140;
const TOP = 12;
const LEFT = 36;
const BOTTOM = 36;
/** The line at 50%: below it a rate is marked "laag" in the tables. */
const LOW_RATE = 50;

/**
 * The compensation rate per quarter as bars, with the 50% line. Decoration for seeing a trend at
 * a glance: the table below it holds the same figures for screen readers and keyboard users, so
 * the drawing is hidden from assistive technology. Suppressed rates get an empty, dashed bar.
 */
export function QuarterChart({ rows }: { rows: readonly CompensationRow[] }) {
  const t = useText();
  if (rows.length < 2) return null;
  const width = LEFT + rows.length * (BAR + GAP) + GAP;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const y = (percent: number) => TOP + PLOT_HEIGHT - (percent / 100) * PLOT_HEIGHT;
  return (
    <figure className="rk-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        aria-hidden="true"
        focusable="false"
        className="rk-chart__svg"
      >
        {[0, 25, 50, 75, 100].map((p) => (
          <g key={p}>
            <line
              x1={LEFT}
              x2={width}
              y1={y(p)}
              y2={y(p)}
              className={p === LOW_RATE ? 'rk-chart__low' : 'rk-chart__grid'}
            />
            <text x={LEFT - 6} y={y(p) + 4} textAnchor="end" className="rk-chart__axis">
              {p}%
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const x = LEFT + GAP + i * (BAR + GAP);
          const rate = row.compensationRate;
          const [year, quarter] = row.key.split('-');
          const firstOfYear = i === 0 || quarter === 'K1';
          return (
            <g key={row.key}>
              {rate.suppressed || rate.value === null ? (
                <rect x={x} y={TOP} width={BAR} height={PLOT_HEIGHT} className="rk-chart__bar--secret" />
              ) : (
                <rect
                  x={x}
                  y={y(rate.value)}
                  width={BAR}
                  height={TOP + PLOT_HEIGHT - y(rate.value)}
                  className={rate.value < LOW_RATE ? 'rk-chart__bar rk-chart__bar--low' : 'rk-chart__bar'}
                />
              )}
              <text x={x + BAR / 2} y={TOP + PLOT_HEIGHT + 14} textAnchor="middle" className="rk-chart__axis">
                {quarter}
              </text>
              {firstOfYear ? (
                <text x={x} y={TOP + PLOT_HEIGHT + 28} className="rk-chart__axis">
                  {year}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="rk-chart__caption">{t('monitor.quarterChartCaption')}</figcaption>
    </figure>
  );
}
