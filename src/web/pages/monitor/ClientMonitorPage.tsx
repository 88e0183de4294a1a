import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import {
  type CompensationOutcome,
  type CompensationRow,
  type DisclosedValue,
  type LeadTimeRow,
  type MonitorDimension,
  type MonitorFilter,
  useClientMonitor,
  type ZrmChangeRow,
} from '../../api/monitor.js';
import { useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { csvFilename, downloadCsv } from '../../ui/csv.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { formatNumber } from '../../ui/format.js';
import { EmptyState, ExportButton, type FilterField, FilterForm } from '../../ui/ListParts.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppLink, useSearchParams } from '../../ui/router.js';
import { zrmDomainText } from '../cases/plan-parts.js';
import { csvValue, Disclosed, MonitorNav, MonitorSection, RateBar, sortable } from './monitor-parts.js';
import { QuarterChart } from './QuarterChart.js';

/** The filter of the monitor in the address, so a view can be shared and Back works. */
export function useMonitorFilter(): [MonitorFilter, (next: Record<string, string>) => void] {
  const [params, update] = useSearchParams();
  const filter = {
    law: params.get('wet') ?? undefined,
    from: params.get('van') ?? undefined,
    to: params.get('tot') ?? undefined,
  };
  return [filter, (next) => update({ wet: next.wet, van: next.van, tot: next.tot })];
}

/** The address of the cases behind one figure, carrying the monitor's filter. */
export function monitorCasesHref(
  cell: { dimension: MonitorDimension; key: string; label: string; outcome?: CompensationOutcome },
  filter: MonitorFilter,
): string {
  const query = new URLSearchParams({
    dimensie: cell.dimension,
    sleutel: cell.key,
    naam: cell.label,
    ...(cell.outcome ? { uitkomst: cell.outcome } : {}),
    ...(filter.law ? { wet: filter.law } : {}),
    ...(filter.from ? { van: filter.from } : {}),
    ...(filter.to ? { tot: filter.to } : {}),
  });
  return `/monitor/casussen?${query.toString()}`;
}

/** A rate below this share (in percent) is marked "laag". */
const LOW_RATE = 50;

/** The compensation rate as text and a bar, marked "laag" below 50%. */
function Rate({ value }: { value: DisclosedValue }) {
  const t = useText();
  return <RateBar value={value} low={LOW_RATE} lowExplanation={t('monitor.lowExplanation')} />;
}

function CompensationTable({
  id,
  title,
  intro,
  keyLabel,
  rows,
  initialSort,
  dimension,
  drillDown,
  filter,
  exportName,
  children,
}: {
  id: string;
  title: TextKey;
  intro?: TextKey;
  keyLabel: TextKey;
  rows: readonly CompensationRow[];
  initialSort?: string;
  dimension: MonitorDimension;
  /** The role may open the cases behind a figure. */
  drillDown: boolean;
  filter: MonitorFilter;
  exportName: string;
  children?: ReactNode;
}) {
  const t = useText();
  const casesLink = (r: CompensationRow, content: ReactNode, outcome?: CompensationOutcome) =>
    drillDown ? (
      <AppLink href={monitorCasesHref({ dimension, key: r.key, label: r.label, outcome }, filter)}>
        {content}
      </AppLink>
    ) : (
      content
    );
  const exportRows = async () => {
    downloadCsv(
      csvFilename(exportName),
      [
        t(keyLabel),
        t('monitor.evaluated'),
        t('monitor.compensated'),
        t('monitor.partly'),
        t('monitor.not'),
        t('monitor.rate'),
      ],
      rows.map((r) => [
        r.label,
        csvValue(t, r.evaluated),
        csvValue(t, r.compensated),
        csvValue(t, r.partlyCompensated),
        csvValue(t, r.notCompensated),
        csvValue(t, r.compensationRate),
      ]),
    );
  };
  const columns: Column<CompensationRow>[] = [
    { key: 'label', label: t(keyLabel), render: (r) => casesLink(r, r.label), sortValue: (r) => r.label },
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
      render: (r) =>
        r.notCompensated.value ? (
          casesLink(r, <Disclosed value={r.notCompensated} />, 'not_compensated')
        ) : (
          <Disclosed value={r.notCompensated} />
        ),
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
        <>
          {children}
          <DataTable
            caption={t(title)}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.key}
            initialSort={initialSort}
          />
          <div className="rk-monitor__export">
            <ExportButton onExport={exportRows} />
          </div>
        </>
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
        <DataTable caption={t('monitor.leadTimes')} columns={columns} rows={rows} rowKey={(r) => r.key} />
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
 * opens with the lowest rate first, so a provision that does not compensate stands out. Case
 * workers can open the cases behind a figure; everyone can filter by law and period and export.
 */
export function ClientMonitorPage() {
  const t = useText();
  const [filter, setFilter] = useMonitorFilter();
  const state = useClientMonitor(filter);
  const data = state.data;
  const evaluated = data !== undefined && data.byProvision.length > 0;
  const drillDown = data?.drillDown ?? false;
  const fields: FilterField[] = [
    {
      name: 'wet',
      label: t('monitor.law'),
      kind: 'select',
      allLabel: t('monitor.allLaws'),
      options: (['wmo', 'youth', 'participation'] as const).map((law) => ({
        value: law,
        label: t(`law.${law}`),
      })),
    },
    { name: 'van', label: t('monitor.from'), kind: 'date' },
    { name: 'tot', label: t('monitor.to'), kind: 'date' },
  ];
  const filtered = Boolean(filter.law || filter.from || filter.to);
  const table = (props: {
    id: string;
    title: TextKey;
    intro?: TextKey;
    keyLabel: TextKey;
    rows: readonly CompensationRow[];
    dimension: MonitorDimension;
    exportName: string;
    initialSort?: string;
    children?: ReactNode;
  }) => <CompensationTable {...props} drillDown={drillDown} filter={filter} />;
  return (
    <>
      <MonitorNav />
      <PageTitle>{t('monitor.title')}</PageTitle>
      <Paragraph>{t('monitor.intro')}</Paragraph>
      <FilterForm
        key={`${filter.law ?? ''}|${filter.from ?? ''}|${filter.to ?? ''}`}
        label={t('monitor.filterLabel')}
        fields={fields}
        values={{ wet: filter.law ?? '', van: filter.from ?? '', tot: filter.to ?? '' }}
        onApply={setFilter}
      />
      <Paragraph className="rk-muted">{t('monitor.periodDescription')}</Paragraph>
      {state.error ? <LoadError error={state.error} /> : null}
      {!data && !state.error ? <Loading /> : null}
      {data?.disclosureApplied ? (
        <Alert type="info" className="rk-monitor__disclosure">
          <Paragraph>{t('monitor.disclosure')}</Paragraph>
        </Alert>
      ) : null}
      {drillDown && evaluated ? <Paragraph>{t('monitor.drillDownHint')}</Paragraph> : null}
      {data && !evaluated ? (
        <EmptyState message={filtered ? t('monitor.emptyFiltered') : t('monitor.empty')} />
      ) : null}
      {data && evaluated ? (
        <>
          {table({
            id: 'monitor-provision',
            title: 'monitor.byProvision',
            intro: 'monitor.byProvisionIntro',
            keyLabel: 'monitor.provision',
            rows: data.byProvision,
            dimension: 'provision',
            exportName: 'compensatie-per-voorziening',
            initialSort: 'rate',
          })}
          {table({
            id: 'monitor-provider',
            title: 'monitor.byProvider',
            keyLabel: 'monitor.provider',
            rows: data.byProvider,
            dimension: 'provider',
            exportName: 'compensatie-per-aanbieder',
          })}
          {table({
            id: 'monitor-law',
            title: 'monitor.byLaw',
            keyLabel: 'monitor.law',
            rows: data.byLaw,
            dimension: 'law',
            exportName: 'compensatie-per-wet',
          })}
          {table({
            id: 'monitor-district',
            title: 'monitor.byDistrict',
            keyLabel: 'monitor.district',
            rows: data.byDistrict,
            dimension: 'district',
            exportName: 'compensatie-per-wijk',
          })}
          {table({
            id: 'monitor-quarter',
            title: 'monitor.byQuarter',
            keyLabel: 'monitor.quarter',
            rows: data.byQuarter,
            dimension: 'quarter',
            exportName: 'compensatie-per-kwartaal',
            children: <QuarterChart rows={data.byQuarter} />,
          })}
        </>
      ) : null}
      {data && data.leadTimes.length > 0 ? <LeadTimes rows={data.leadTimes} /> : null}
      {data && evaluated ? <ZrmChange rows={data.zrmChange} /> : null}
    </>
  );
}
