import { Alert, Heading2, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import {
  type CompensationRow,
  type DisclosedValue,
  type LeadTimeRow,
  useClientMonitor,
  type ZrmChangeRow,
} from '../../api/monitor.js';
import { useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { formatNumber } from '../../ui/format.js';
import { EmptyState } from '../../ui/ListParts.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { zrmDomainText } from '../cases/plan-parts.js';

/** A rate below this share (in percent) is marked "laag". */
const LOW_RATE = 50;

/** The sort value of a disclosed figure: suppressed and missing values sort last. */
const sortable = (v: DisclosedValue): number | null => (v.suppressed ? null : v.value);

/** A disclosed count or percentage: "geheim" when suppressed, a Dutch number otherwise. */
function Disclosed({ value, percent }: { value: DisclosedValue; percent?: boolean }) {
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

/** The compensation rate as text, a bar (decoration only, the number is in the text) and "laag" below 50%. */
function Rate({ value }: { value: DisclosedValue }) {
  const t = useText();
  const shown = !value.suppressed && value.value !== null ? value.value : null;
  return (
    <div className="rk-rate">
      <span className="rk-rate__value">
        <Disclosed value={value} percent />
      </span>
      <span className="rk-rate__bar" aria-hidden="true">
        {shown !== null ? (
          <span className="rk-rate__fill" style={{ width: `${Math.min(100, Math.max(0, shown))}%` }} />
        ) : null}
      </span>
      {shown !== null && shown < LOW_RATE ? (
        <StatusBadge status="danger" className="rk-badge rk-badge--low" title={t('monitor.lowExplanation')}>
          {t('monitor.low')}
        </StatusBadge>
      ) : null}
    </div>
  );
}

function MonitorSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
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

function CompensationTable({
  id,
  title,
  intro,
  keyLabel,
  rows,
  initialSort,
}: {
  id: string;
  title: TextKey;
  intro?: TextKey;
  keyLabel: TextKey;
  rows: readonly CompensationRow[];
  initialSort?: string;
}) {
  const t = useText();
  const columns: Column<CompensationRow>[] = [
    { key: 'label', label: t(keyLabel), render: (r) => r.label, sortValue: (r) => r.label },
    {
      key: 'evaluated',
      label: t('monitor.evaluated'),
      render: (r) => <Disclosed value={r.evaluated} />,
      sortValue: (r) => sortable(r.evaluated),
      numeric: true,
    },
    {
      key: 'compensated',
      label: t('monitor.compensated'),
      render: (r) => <Disclosed value={r.compensated} />,
      sortValue: (r) => sortable(r.compensated),
      numeric: true,
    },
    {
      key: 'partly',
      label: t('monitor.partly'),
      render: (r) => <Disclosed value={r.partlyCompensated} />,
      sortValue: (r) => sortable(r.partlyCompensated),
      numeric: true,
    },
    {
      key: 'not',
      label: t('monitor.not'),
      render: (r) => <Disclosed value={r.notCompensated} />,
      sortValue: (r) => sortable(r.notCompensated),
      numeric: true,
    },
    {
      key: 'rate',
      label: t('monitor.rate'),
      render: (r) => <Rate value={r.compensationRate} />,
      sortValue: (r) => sortable(r.compensationRate),
    },
  ];
  return (
    <MonitorSection id={id} title={t(title)} intro={intro ? t(intro) : undefined}>
      {rows.length === 0 ? (
        <Paragraph>{t('monitor.noRows')}</Paragraph>
      ) : (
        <DataTable
          caption={t(title)}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.key}
          initialSort={initialSort}
        />
      )}
    </MonitorSection>
  );
}

function LeadTimes({ rows }: { rows: readonly LeadTimeRow[] }) {
  const t = useText();
  const columns: Column<LeadTimeRow>[] = [
    { key: 'law', label: t('monitor.law'), render: (r) => r.law, sortValue: (r) => r.law },
    {
      key: 'decided',
      label: t('monitor.decided'),
      render: (r) => <Disclosed value={r.decided} />,
      sortValue: (r) => sortable(r.decided),
      numeric: true,
    },
    {
      key: 'median',
      label: t('monitor.medianDays'),
      render: (r) => (r.medianDays === null ? '–' : formatNumber(r.medianDays)),
      sortValue: (r) => r.medianDays,
      numeric: true,
    },
    {
      key: 'late',
      label: t('monitor.decidedLate'),
      render: (r) => <Disclosed value={r.decidedLate} />,
      sortValue: (r) => sortable(r.decidedLate),
      numeric: true,
    },
    {
      key: 'lateShare',
      label: t('monitor.lateShare'),
      render: (r) => <Disclosed value={r.lateShare} percent />,
      sortValue: (r) => sortable(r.lateShare),
      numeric: true,
    },
  ];
  return (
    <MonitorSection
      id="monitor-lead-times"
      title={t('monitor.leadTimes')}
      intro={t('monitor.leadTimesIntro')}
    >
      {rows.length === 0 ? (
        <Paragraph>{t('monitor.noRows')}</Paragraph>
      ) : (
        <DataTable caption={t('monitor.leadTimes')} columns={columns} rows={rows} rowKey={(r) => r.law} />
      )}
    </MonitorSection>
  );
}

function ZrmChange({ rows }: { rows: readonly ZrmChangeRow[] }) {
  const t = useText();
  const columns: Column<ZrmChangeRow>[] = [
    {
      key: 'domain',
      label: t('monitor.domain'),
      render: (r) => zrmDomainText(t, r.domain),
      sortValue: (r) => zrmDomainText(t, r.domain),
    },
    {
      key: 'improved',
      label: t('monitor.improved'),
      render: (r) => <Disclosed value={r.improved} />,
      sortValue: (r) => sortable(r.improved),
      numeric: true,
    },
    {
      key: 'same',
      label: t('monitor.same'),
      render: (r) => <Disclosed value={r.same} />,
      sortValue: (r) => sortable(r.same),
      numeric: true,
    },
    {
      key: 'worse',
      label: t('monitor.worse'),
      render: (r) => <Disclosed value={r.worse} />,
      sortValue: (r) => sortable(r.worse),
      numeric: true,
    },
  ];
  return (
    <MonitorSection id="monitor-zrm" title={t('monitor.zrm')} intro={t('monitor.zrmIntro')}>
      <DataTable caption={t('monitor.zrm')} columns={columns} rows={rows} rowKey={(r) => r.domain} />
    </MonitorSection>
  );
}

/**
 * The client monitor: was the limitation of each resident compensated? The per-provision table
 * opens with the lowest rate first, so a provision that does not compensate stands out.
 */
export function ClientMonitorPage() {
  const t = useText();
  const state = useClientMonitor();
  const data = state.data;
  const evaluated = data !== undefined && data.byProvision.length > 0;
  return (
    <>
      <PageTitle>{t('monitor.title')}</PageTitle>
      <Paragraph>{t('monitor.intro')}</Paragraph>
      {state.error ? <LoadError error={state.error} /> : null}
      {!data && !state.error ? <Loading /> : null}
      {data?.disclosureApplied ? (
        <Alert type="info" className="rk-monitor__disclosure">
          <Paragraph>{t('monitor.disclosure')}</Paragraph>
        </Alert>
      ) : null}
      {data && !evaluated ? <EmptyState message={t('monitor.empty')} /> : null}
      {data && evaluated ? (
        <>
          <CompensationTable
            id="monitor-provision"
            title="monitor.byProvision"
            intro="monitor.byProvisionIntro"
            keyLabel="monitor.provision"
            rows={data.byProvision}
            initialSort="rate"
          />
          <CompensationTable
            id="monitor-provider"
            title="monitor.byProvider"
            keyLabel="monitor.provider"
            rows={data.byProvider}
          />
          <CompensationTable
            id="monitor-law"
            title="monitor.byLaw"
            keyLabel="monitor.law"
            rows={data.byLaw}
          />
          <CompensationTable
            id="monitor-district"
            title="monitor.byDistrict"
            keyLabel="monitor.district"
            rows={data.byDistrict}
          />
          <CompensationTable
            id="monitor-quarter"
            title="monitor.byQuarter"
            keyLabel="monitor.quarter"
            rows={data.byQuarter}
          />
        </>
      ) : null}
      {data && data.leadTimes.length > 0 ? <LeadTimes rows={data.leadTimes} /> : null}
      {data && evaluated ? <ZrmChange rows={data.zrmChange} /> : null}
    </>
  );
}
