import { Alert, Paragraph } from '@utrecht/component-library-react';
import {
  type ContractMonitorRow,
  LOW_DELIVERY_RATE,
  NEVER_STARTED_AFTER_DAYS,
  PROVIDER_MONITOR_LAWS,
  type ProviderMonitorLaw,
  type ProviderMonitorRow,
  type Rejection,
  useProviderMonitor,
} from '../../api/monitor.js';
import { useAccount } from '../../api/session.js';
import { type Translate, useText } from '../../i18n/i18n-context.js';
import { canReadContracts, canUse } from '../../ui/access.js';
import { csvFilename, downloadCsv } from '../../ui/csv.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { centsToInput, formatDate, formatMoney, formatNumber } from '../../ui/format.js';
import { EmptyState, ExportButton, type FilterField, FilterForm } from '../../ui/ListParts.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppLink, useSearchParams } from '../../ui/router.js';
import { DeliveryChart } from './DeliveryChart.js';
import {
  csvDecimal,
  csvValue,
  Disclosed,
  MonitorNav,
  MonitorSection,
  RateBar,
  sortable,
} from './monitor-parts.js';

/**
 * A start or stop message dated more than this many working days after the fact is late:
 * REPORTING_TERM_WORKING_DAYS of src/modules/messaging/delivery-facts.ts, repeated here because
 * importing that module would bring the database tables into the bundle.
 */
const REPORTING_TERM_WORKING_DAYS = 5;
/** The reasons of rejection shown per provider; the CSV has them all. */
const TOP_REASONS = 5;

/** The law of the filter in the address (`?wet=youth`); anything the API does not know is "both". */
function useLawFilter(): [ProviderMonitorLaw | undefined, (next: Record<string, string>) => void] {
  const [params, update] = useSearchParams();
  const value = params.get('wet');
  const law = PROVIDER_MONITOR_LAWS.find((l) => l === value);
  return [law, (next) => update({ wet: next.wet })];
}

/** "3 van 120 (2,5%)": a part of a whole, with its share (which may go to the next line). */
function PartOf({ part, whole, rate }: { part: number; whole: number; rate: number | null }) {
  const t = useText();
  return (
    <span>
      <span className="rk-nowrap">
        {t('providerMonitor.partOf', { part: formatNumber(part), whole: formatNumber(whole) })}
      </span>
      {rate === null ? null : (
        <>
          {' '}
          <span className="rk-nowrap">({formatNumber(rate)}%)</span>
        </>
      )}
    </span>
  );
}

function rejectionText(r: Rejection): string {
  return `${r.code} ${r.meaning} (${formatNumber(r.count)}×)`;
}

/** The rejected services and, in a disclosure, the most frequent return codes with their meaning. */
function Rejections({ row }: { row: ProviderMonitorRow }) {
  const t = useText();
  const shown = row.rejections.slice(0, TOP_REASONS);
  const more = row.rejections.length - shown.length;
  return (
    <div className="rk-rejections">
      <PartOf part={row.servicesRejected} whole={row.servicesDeclared} rate={row.rejectedRate} />
      {shown.length > 0 ? (
        <details className="rk-reasons">
          <summary>{t('providerMonitor.reasonsSummary')}</summary>
          <ul className="rk-reasons__list">
            {shown.map((r) => (
              <li key={r.code}>
                <code>{r.code}</code> {r.meaning}{' '}
                <span className="rk-nowrap">({formatNumber(r.count)}×)</span>
              </li>
            ))}
          </ul>
          {more > 0 ? <p className="rk-muted">{t('providerMonitor.moreReasons', { count: more })}</p> : null}
        </details>
      ) : null}
    </div>
  );
}

function Delivery({ rate, bar }: { rate: number | null; bar: boolean }) {
  const t = useText();
  return (
    <RateBar
      value={{ value: rate, suppressed: false }}
      low={LOW_DELIVERY_RATE}
      lowExplanation={t('providerMonitor.lowExplanation', { threshold: LOW_DELIVERY_RATE })}
      bar={bar}
    />
  );
}

const isLow = (rate: number | null): boolean => rate !== null && rate < LOW_DELIVERY_RATE;

function exportProviders(t: Translate, rows: readonly ProviderMonitorRow[]): void {
  downloadCsv(
    csvFilename('levering-per-aanbieder'),
    [
      t('monitor.provider'),
      t('providerMonitor.allocations'),
      t('providerMonitor.started'),
      t('providerMonitor.neverStartedCount'),
      t('providerMonitor.neverStartedShare'),
      t('providerMonitor.medianDaysToStart'),
      t('providerMonitor.allocatedEuro'),
      t('providerMonitor.awardedEuro'),
      t('providerMonitor.deliveryShare'),
      t('providerMonitor.marking'),
      t('providerMonitor.servicesDeclared'),
      t('providerMonitor.servicesRejected'),
      t('providerMonitor.rejectedShare'),
      t('providerMonitor.reasons'),
      t('providerMonitor.reports'),
      t('providerMonitor.lateReportsCount'),
      t('providerMonitor.lateShare'),
    ],
    rows.map((r) => [
      r.name,
      csvValue(t, r.allocations),
      csvValue(t, r.started),
      csvValue(t, r.neverStarted),
      csvValue(t, r.neverStartedRate),
      csvDecimal(r.medianDaysToStart),
      centsToInput(r.allocatedCents),
      centsToInput(r.awardedCents),
      csvDecimal(r.deliveryRate),
      isLow(r.deliveryRate) ? t('monitor.low') : '',
      r.servicesDeclared,
      r.servicesRejected,
      csvDecimal(r.rejectedRate),
      r.rejections.map(rejectionText).join(' | '),
      r.reports,
      r.lateReports,
      csvDecimal(r.lateRate),
    ]),
  );
}

function exportContracts(t: Translate, rows: readonly ContractMonitorRow[]): void {
  downloadCsv(
    csvFilename('levering-per-contract'),
    [
      t('contract.reference'),
      t('monitor.provider'),
      t('contract.startDate'),
      t('contract.endDate'),
      t('contract.budgetCeilingEuro'),
      t('providerMonitor.allocatedEuro'),
      t('providerMonitor.awardedEuro'),
      t('providerMonitor.ceilingUsedShare'),
      t('providerMonitor.deliveryShare'),
      t('providerMonitor.marking'),
      t('providerMonitor.kpis'),
    ],
    rows.map((c) => [
      c.reference,
      c.providerName,
      formatDate(c.startDate),
      formatDate(c.endDate),
      centsToInput(c.budgetCeilingCents),
      centsToInput(c.allocatedCents),
      centsToInput(c.awardedCents),
      csvDecimal(c.ceilingUsed),
      csvDecimal(c.deliveryRate),
      isLow(c.deliveryRate) ? t('monitor.low') : '',
      c.kpis
        .map(
          (k) =>
            `${t(`kpi.${k.indicator}`)} ${csvDecimal(k.target)}: ${k.measured === null ? t('providerMonitor.kpiUnknown') : `${csvDecimal(k.measured)} ${k.met ? t('providerMonitor.kpiMet') : t('providerMonitor.kpiMissed')}`}`,
        )
        .join('; '),
    ]),
  );
}

function ProvidersTable({ rows }: { rows: readonly ProviderMonitorRow[] }) {
  const t = useText();
  const account = useAccount();
  const linked = canUse(account.role, 'providers');
  const columns: Column<ProviderMonitorRow>[] = [
    {
      key: 'name',
      label: t('monitor.provider'),
      render: (r) => (linked ? <AppLink href={`/aanbieders/${r.providerId}`}>{r.name}</AppLink> : r.name),
      sortValue: (r) => r.name,
    },
    {
      key: 'allocations',
      label: t('providerMonitor.allocations'),
      render: (r) => <Disclosed value={r.allocations} />,
      sortValue: (r) => sortable(r.allocations),
      numeric: true,
    },
    {
      key: 'started',
      label: t('providerMonitor.started'),
      render: (r) => <Disclosed value={r.started} />,
      sortValue: (r) => sortable(r.started),
      numeric: true,
    },
    {
      key: 'neverStarted',
      label: t('providerMonitor.neverStarted'),
      render: (r) => (
        <span className="rk-nowrap">
          <Disclosed value={r.neverStarted} />
          {/* No share without a whole, and one "geheim" says it when both are secret. */}
          {(r.neverStartedRate.value === null && !r.neverStartedRate.suppressed) ||
          (r.neverStarted.suppressed && r.neverStartedRate.suppressed) ? null : (
            <>
              {' ('}
              <Disclosed value={r.neverStartedRate} percent />)
            </>
          )}
        </span>
      ),
      sortValue: (r) => sortable(r.neverStartedRate),
      numeric: true,
    },
    {
      key: 'median',
      label: t('providerMonitor.medianDaysToStart'),
      render: (r) => (r.medianDaysToStart === null ? '–' : formatNumber(r.medianDaysToStart)),
      sortValue: (r) => r.medianDaysToStart,
      numeric: true,
    },
    {
      key: 'allocated',
      label: t('providerMonitor.allocatedValue'),
      render: (r) => <span className="rk-nowrap">{formatMoney(r.allocatedCents)}</span>,
      sortValue: (r) => r.allocatedCents,
      numeric: true,
    },
    {
      key: 'awarded',
      label: t('providerMonitor.awarded'),
      render: (r) => <span className="rk-nowrap">{formatMoney(r.awardedCents)}</span>,
      sortValue: (r) => r.awardedCents,
      numeric: true,
    },
    {
      key: 'delivery',
      label: t('providerMonitor.delivery'),
      // The chart above draws the bars: here the figure and the marking.
      render: (r) => <Delivery rate={r.deliveryRate} bar={false} />,
      sortValue: (r) => r.deliveryRate,
    },
    {
      key: 'rejected',
      label: t('providerMonitor.rejected'),
      render: (r) => <Rejections row={r} />,
      sortValue: (r) => r.rejectedRate,
    },
    {
      key: 'late',
      label: t('providerMonitor.lateReports'),
      render: (r) => <PartOf part={r.lateReports} whole={r.reports} rate={r.lateRate} />,
      sortValue: (r) => r.lateRate,
      numeric: true,
    },
  ];
  return (
    <MonitorSection
      id="provider-monitor-providers"
      title={t('providerMonitor.byProvider')}
      intro={t('providerMonitor.byProviderIntro', {
        threshold: LOW_DELIVERY_RATE,
        days: NEVER_STARTED_AFTER_DAYS,
        workingDays: REPORTING_TERM_WORKING_DAYS,
      })}
    >
      <DeliveryChart rows={rows} />
      <DataTable
        caption={t('providerMonitor.byProvider')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.providerId}
      />
      <div className="rk-monitor__export">
        <ExportButton onExport={async () => exportProviders(t, rows)} />
      </div>
    </MonitorSection>
  );
}

type KpiRow = ContractMonitorRow['kpis'][number] & { contract: ContractMonitorRow };

/**
 * Every contract's performance agreements against what the monitor measured, the missed ones
 * first: a table of its own, one row per agreement, so the contracts table stays readable.
 */
function KpiTable({ rows }: { rows: readonly ContractMonitorRow[] }) {
  const t = useText();
  const kpis: KpiRow[] = rows
    .flatMap((contract) => contract.kpis.map((kpi) => ({ ...kpi, contract })))
    .sort(
      (a, b) =>
        Number(a.met !== false) - Number(b.met !== false) ||
        a.contract.reference.localeCompare(b.contract.reference) ||
        a.indicator.localeCompare(b.indicator),
    );
  const unit = (k: KpiRow) => (k.indicator === 'median_days_to_start' ? ' d' : '%');
  const columns: Column<KpiRow>[] = [
    {
      key: 'contract',
      label: t('contract.reference'),
      render: (k) => <AppLink href={`/contracten/${k.contract.contractId}`}>{k.contract.reference}</AppLink>,
      sortValue: (k) => k.contract.reference,
    },
    {
      key: 'provider',
      label: t('monitor.provider'),
      render: (k) => k.contract.providerName,
      sortValue: (k) => k.contract.providerName,
    },
    { key: 'indicator', label: t('providerMonitor.kpiIndicator'), render: (k) => t(`kpi.${k.indicator}`) },
    {
      key: 'target',
      label: t('providerMonitor.kpiTarget'),
      render: (k) => `${k.indicator === 'delivery_rate' ? '≥' : '≤'} ${formatNumber(k.target)}${unit(k)}`,
      numeric: true,
    },
    {
      key: 'measured',
      label: t('providerMonitor.kpiMeasured'),
      render: (k) => (k.measured === null ? '–' : `${formatNumber(k.measured)}${unit(k)}`),
      sortValue: (k) => k.measured,
      numeric: true,
    },
    {
      key: 'met',
      label: t('providerMonitor.kpiResult'),
      render: (k) =>
        k.met === null ? (
          <span className="rk-muted">{t('providerMonitor.kpiUnknown')}</span>
        ) : k.met ? (
          t('providerMonitor.kpiMet')
        ) : (
          <span className="rk-kpi--missed">{t('providerMonitor.kpiMissed')}</span>
        ),
      sortValue: (k) => (k.met === null ? 1 : k.met ? 2 : 0),
    },
  ];
  return (
    <MonitorSection
      id="provider-monitor-kpis"
      title={t('providerMonitor.kpis')}
      intro={t('providerMonitor.kpisIntro')}
    >
      {kpis.length === 0 ? (
        <Paragraph>{t('providerMonitor.kpisNone')}</Paragraph>
      ) : (
        <DataTable
          caption={t('providerMonitor.kpis')}
          columns={columns}
          rows={kpis}
          rowKey={(k) => `${k.contract.contractId}-${k.indicator}`}
        />
      )}
    </MonitorSection>
  );
}

function ContractsTable({ rows }: { rows: readonly ContractMonitorRow[] }) {
  const t = useText();
  const account = useAccount();
  const linked = canReadContracts(account.role);
  const columns: Column<ContractMonitorRow>[] = [
    {
      key: 'reference',
      label: t('providerMonitor.contract'),
      render: (c) =>
        linked ? (
          <AppLink href={`/contracten/${c.contractId}`} className="rk-nowrap">
            {c.reference}
          </AppLink>
        ) : (
          <span className="rk-nowrap">{c.reference}</span>
        ),
      sortValue: (c) => c.reference,
    },
    {
      key: 'provider',
      label: t('monitor.provider'),
      render: (c) => c.providerName,
      sortValue: (c) => c.providerName,
    },
    {
      key: 'period',
      label: t('providerMonitor.period'),
      render: (c) => (
        <span className="rk-nowrap">
          {formatDate(c.startDate)} – {formatDate(c.endDate)}
        </span>
      ),
      sortValue: (c) => c.startDate,
    },
    {
      key: 'ceiling',
      label: t('providerMonitor.ceiling'),
      render: (c) =>
        c.budgetCeilingCents === null ? (
          <span className="rk-muted">{t('providerMonitor.noCeiling')}</span>
        ) : (
          <span className="rk-nowrap">{formatMoney(c.budgetCeilingCents)}</span>
        ),
      sortValue: (c) => c.budgetCeilingCents,
      numeric: true,
    },
    {
      key: 'allocated',
      label: t('providerMonitor.allocatedValue'),
      render: (c) => <span className="rk-nowrap">{formatMoney(c.allocatedCents)}</span>,
      sortValue: (c) => c.allocatedCents,
      numeric: true,
    },
    {
      key: 'awarded',
      label: t('providerMonitor.awarded'),
      render: (c) => <span className="rk-nowrap">{formatMoney(c.awardedCents)}</span>,
      sortValue: (c) => c.awardedCents,
      numeric: true,
    },
    {
      key: 'ceilingUsed',
      label: t('providerMonitor.ceilingUsed'),
      render: (c) => (c.ceilingUsed === null ? '–' : `${formatNumber(c.ceilingUsed)}%`),
      sortValue: (c) => c.ceilingUsed,
      numeric: true,
    },
    {
      key: 'delivery',
      label: t('providerMonitor.delivery'),
      render: (c) => <Delivery rate={c.deliveryRate} bar />,
      sortValue: (c) => c.deliveryRate,
    },
  ];
  return (
    <MonitorSection
      id="provider-monitor-contracts"
      title={t('providerMonitor.byContract')}
      intro={t('providerMonitor.byContractIntro')}
    >
      {rows.length === 0 ? (
        <Paragraph>{t('monitor.noRows')}</Paragraph>
      ) : (
        <>
          <DataTable
            caption={t('providerMonitor.byContract')}
            columns={columns}
            rows={rows}
            rowKey={(c) => c.contractId}
          />
          <div className="rk-monitor__export">
            <ExportButton onExport={async () => exportContracts(t, rows)} />
          </div>
        </>
      )}
    </MonitorSection>
  );
}

/**
 * The provider monitor: does every provider deliver as agreed? The provider that delivers least
 * comes first, in the chart and in the table; a rate below 60% is marked "laag". Filter by law
 * (only Wmo and Jeugdwet have a message exchange) and export both tables.
 */
export function ProviderMonitorPage() {
  const t = useText();
  const [law, setLaw] = useLawFilter();
  const state = useProviderMonitor({ law });
  const data = state.data;
  const fields: FilterField[] = [
    {
      name: 'wet',
      label: t('monitor.law'),
      kind: 'select',
      allLabel: t('providerMonitor.bothLaws'),
      options: PROVIDER_MONITOR_LAWS.map((l) => ({ value: l, label: t(`law.${l}`) })),
    },
  ];
  return (
    <>
      <MonitorNav />
      <PageTitle>{t('providerMonitor.title')}</PageTitle>
      <Paragraph>{t('providerMonitor.intro')}</Paragraph>
      <FilterForm
        key={law ?? ''}
        label={t('monitor.filterLabel')}
        fields={fields}
        values={{ wet: law ?? '' }}
        onApply={setLaw}
      />
      {state.error ? <LoadError error={state.error} /> : null}
      {!data && !state.error ? <Loading /> : null}
      {data ? (
        <Paragraph className="rk-monitor__measured">
          <strong>{t('providerMonitor.measuredUntil', { date: formatDate(data.measuredUntil) })}</strong>{' '}
          {t('providerMonitor.measuredWhy')}
        </Paragraph>
      ) : null}
      {data?.disclosureApplied ? (
        <Alert type="info" className="rk-monitor__disclosure">
          <Paragraph>{t('providerMonitor.disclosure')}</Paragraph>
        </Alert>
      ) : null}
      {data && data.providers.length === 0 ? (
        <EmptyState message={law ? t('providerMonitor.emptyFiltered') : t('providerMonitor.empty')} />
      ) : null}
      {data && data.providers.length > 0 ? (
        <div className="rk-keep-words rk-provider-monitor" aria-busy={state.loading || undefined}>
          <ProvidersTable rows={data.providers} />
          <ContractsTable rows={data.contracts} />
          <KpiTable rows={data.contracts} />
        </div>
      ) : null}
    </>
  );
}
