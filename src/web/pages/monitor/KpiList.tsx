import type { KpiIndicator } from '../../api/registry.js';
import { useText } from '../../i18n/i18n-context.js';
import { formatNumber } from '../../ui/format.js';

export interface KpiView {
  indicator: KpiIndicator;
  target: number;
  /** Absent on the contract page: only the agreement. */
  measured?: number | null;
  met?: boolean | null;
}

/**
 * A contract's performance agreements, each with its norm, and on the monitor what was measured
 * and whether it was met, in words as well as colour.
 */
export function KpiList({ kpis }: { kpis: readonly KpiView[] }) {
  const t = useText();
  const unit = (indicator: KpiIndicator) => (indicator === 'median_days_to_start' ? ' d' : '%');
  const bound = (indicator: KpiIndicator) => (indicator === 'delivery_rate' ? '≥' : '≤');
  return (
    <ul className="rk-plain-list rk-kpis-list">
      {kpis.map((kpi) => (
        <li key={kpi.indicator} className={kpi.met === false ? 'rk-kpi--missed' : undefined}>
          {t(`kpi.${kpi.indicator}`)}: {bound(kpi.indicator)} {formatNumber(kpi.target)}
          {unit(kpi.indicator)}
          {kpi.met === undefined ? null : (
            <>
              {' · '}
              {kpi.measured === null || kpi.measured === undefined
                ? t('providerMonitor.kpiUnknown')
                : `${formatNumber(kpi.measured)}${unit(kpi.indicator)} ${
                    kpi.met ? t('providerMonitor.kpiMet') : t('providerMonitor.kpiMissed')
                  }`}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
