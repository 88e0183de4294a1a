import { LOW_DELIVERY_RATE, type ProviderMonitorRow } from '../../api/monitor.js';
import { useText } from '../../i18n/i18n-context.js';
import { formatNumber } from '../../ui/format.js';

const NAME_WIDTH = 240;
const PLOT_WIDTH = 440;
const VALUE_WIDTH = 64;
const ROW = 26;
const BAR = 16;
const TOP = 22;
const AXIS = 24;
/** Longer names are cut in the drawing; the table beside it has them in full. */
const NAME_CHARACTERS = 32;
/** The scale reaches at least 100% and at most this far: a larger rate is drawn as a full bar. */
const MAX_SCALE = 150;

function shortName(name: string): string {
  return name.length > NAME_CHARACTERS ? `${name.slice(0, NAME_CHARACTERS - 1)}…` : name;
}

/**
 * The delivery rate per provider as horizontal bars, lowest first (the order of the API), with
 * the 60% line below which delivery is low. One image for assistive technology, named by a
 * summary (how many are low, which is lowest); the table below holds every figure.
 */
export function DeliveryChart({ rows }: { rows: readonly ProviderMonitorRow[] }) {
  const t = useText();
  const measured = rows.filter((r) => r.deliveryRate !== null);
  const lowest = measured[0];
  if (!lowest || lowest.deliveryRate === null) return null;
  const highest = Math.max(...measured.map((r) => r.deliveryRate ?? 0));
  const scale = Math.min(MAX_SCALE, Math.max(100, Math.ceil(highest / 25) * 25));
  const ticks = Array.from({ length: scale / 25 + 1 }, (_, i) => i * 25);
  const width = NAME_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  const plotBottom = TOP + rows.length * ROW;
  const height = plotBottom + AXIS;
  const x = (percent: number) => NAME_WIDTH + (Math.min(scale, Math.max(0, percent)) / scale) * PLOT_WIDTH;
  const summary = t('providerMonitor.chartSummary', {
    count: measured.length,
    low: measured.filter((r) => (r.deliveryRate ?? 0) < LOW_DELIVERY_RATE).length,
    threshold: LOW_DELIVERY_RATE,
    lowest: lowest.name,
    rate: formatNumber(lowest.deliveryRate),
  });
  return (
    <figure className="rk-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={summary}
        focusable="false"
        className="rk-chart__svg"
      >
        {ticks.map((p) => (
          <g key={p}>
            <line x1={x(p)} x2={x(p)} y1={TOP} y2={plotBottom} className="rk-chart__grid" />
            <text x={x(p)} y={plotBottom + 16} textAnchor="middle" className="rk-chart__axis">
              {p}%
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = TOP + i * ROW + (ROW - BAR) / 2;
          const rate = row.deliveryRate;
          const low = rate !== null && rate < LOW_DELIVERY_RATE;
          return (
            <g key={row.providerId}>
              <text x={NAME_WIDTH - 8} y={y + BAR - 3} textAnchor="end" className="rk-chart__label">
                {shortName(row.name)}
              </text>
              {rate === null ? null : (
                <rect
                  x={NAME_WIDTH}
                  y={y}
                  width={Math.max(1, x(rate) - NAME_WIDTH)}
                  height={BAR}
                  className={low ? 'rk-chart__bar rk-chart__bar--low' : 'rk-chart__bar'}
                />
              )}
              <text
                x={(rate === null ? NAME_WIDTH : x(rate)) + 6}
                y={y + BAR - 3}
                className={low ? 'rk-chart__value rk-chart__value--low' : 'rk-chart__value'}
              >
                {rate === null ? '–' : `${formatNumber(rate)}%`}
              </text>
            </g>
          );
        })}
        <line
          x1={x(LOW_DELIVERY_RATE)}
          x2={x(LOW_DELIVERY_RATE)}
          y1={TOP - 6}
          y2={plotBottom}
          className="rk-chart__low"
        />
        <text x={x(LOW_DELIVERY_RATE)} y={TOP - 10} textAnchor="middle" className="rk-chart__threshold">
          {LOW_DELIVERY_RATE}%
        </text>
      </svg>
      <figcaption className="rk-chart__caption">
        {t('providerMonitor.chartCaption', { threshold: LOW_DELIVERY_RATE })}
      </figcaption>
    </figure>
  );
}
