/**
 * What the monitor pages share: the sub-navigation between the client and the provider monitor,
 * disclosed figures ("geheim" when suppressed) on screen and in CSV, and a titled section.
 */
import { Heading2, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { DisclosedValue } from '../../api/monitor.js';
import { useAccount } from '../../api/session.js';
import { type Translate, useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { canSeeProviderMonitor } from '../../ui/access.js';
import type { CsvCell } from '../../ui/csv.js';
import { formatNumber } from '../../ui/format.js';
import { SubNav } from '../../ui/SubNav.js';

const MONITOR_PAGES: readonly { href: string; label: TextKey; provider: boolean }[] = [
  { href: '/monitor', label: 'monitor.title', provider: false },
  { href: '/monitor/aanbieders', label: 'providerMonitor.title', provider: true },
];

/** Client monitor and provider monitor, above the page title; nothing for a role with only one of them. */
export function MonitorNav() {
  const t = useText();
  const account = useAccount();
  const pages = MONITOR_PAGES.filter((p) => !p.provider || canSeeProviderMonitor(account.role));
  if (pages.length < 2) return null;
  return (
    <SubNav
      label={t('monitor.subnavLabel')}
      items={pages.map((p) => ({ href: p.href, label: t(p.label) }))}
    />
  );
}

/** A disclosed value as a CSV cell: "geheim" when suppressed. */
export function csvValue(t: Translate, value: DisclosedValue): CsvCell {
  return value.suppressed ? t('monitor.secret') : value.value;
}

/** A number with decimals as Dutch Excel reads it: "34,5". */
export function csvDecimal(value: number | null): CsvCell {
  return value === null ? null : String(value).replace('.', ',');
}

/** The sort value of a disclosed figure: suppressed and missing values sort last. */
export const sortable = (v: DisclosedValue): number | null => (v.suppressed ? null : v.value);

/** A disclosed count or percentage: "geheim" when suppressed, a Dutch number otherwise. */
export function Disclosed({ value, percent }: { value: DisclosedValue; percent?: boolean }) {
  const t = useText();
  if (value.suppressed) {
    return (
      <span className="rk-secret" title={t('monitor.secretExplanation')}>
        {t('monitor.secret')}
      </span>
    );
  }
  if (value.value === null) return <span>–</span>;
  return (
    <span className="rk-nowrap">
      {formatNumber(value.value)}
      {percent ? '%' : ''}
    </span>
  );
}

/**
 * A rate as text, a bar (decoration only: the number is in the text) and "laag" below `low`.
 * The bar is drawn up to 100%; a rate above it shows as a full bar. Without `bar` (a chart beside
 * the table draws it already) the text and the marking only.
 */
export function RateBar({
  value,
  low,
  lowExplanation,
  bar = true,
}: {
  value: DisclosedValue;
  low: number;
  lowExplanation: string;
  bar?: boolean;
}) {
  const t = useText();
  const shown = !value.suppressed && value.value !== null ? value.value : null;
  return (
    <div className={bar ? 'rk-rate' : 'rk-rate rk-rate--compact'}>
      <span className="rk-rate__value">
        <Disclosed value={value} percent />
      </span>
      {bar ? (
        <span className="rk-rate__bar" aria-hidden="true">
          {shown !== null ? (
            <span className="rk-rate__fill" style={{ width: `${Math.min(100, Math.max(0, shown))}%` }} />
          ) : null}
        </span>
      ) : null}
      {shown !== null && shown < low ? (
        <StatusBadge status="danger" className="rk-badge rk-badge--low" title={lowExplanation}>
          {t('monitor.low')}
        </StatusBadge>
      ) : null}
    </div>
  );
}

export function MonitorSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="rk-section" aria-labelledby={id}>
      <Heading2 id={id}>{title}</Heading2>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {children}
    </section>
  );
}
