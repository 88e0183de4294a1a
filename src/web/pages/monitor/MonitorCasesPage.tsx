import { Paragraph } from '@utrecht/component-library-react';
import {
  type CompensationOutcome,
  type MonitorDimension,
  type OutcomeCase,
  useMonitorCases,
} from '../../api/monitor.js';
import { useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { BackLink } from '../../ui/BackLink.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { formatDate } from '../../ui/format.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useSearchParams } from '../../ui/router.js';
import { useListParams } from '../../ui/use-list-params.js';
import { caseColumns } from '../cases/case-parts.js';
import { useMonitorFilter } from './ClientMonitorPage.js';

const DIMENSIONS: readonly MonitorDimension[] = ['provision', 'provider', 'law', 'district', 'quarter'];
const OUTCOMES: readonly CompensationOutcome[] = ['compensated', 'partly_compensated', 'not_compensated'];

const DIMENSION_TEXT: Record<MonitorDimension, TextKey> = {
  provision: 'monitor.provision',
  provider: 'monitor.provider',
  law: 'monitor.law',
  district: 'monitor.district',
  quarter: 'monitor.quarter',
};

/**
 * The cases behind one figure of the client monitor, for case workers: only their own teams'
 * cases, so the list may be shorter than the figure. Every listed resident is logged by the
 * server; there is no CSV export, because every row is personal data.
 */
export function MonitorCasesPage() {
  const t = useText();
  const [params] = useSearchParams();
  const [filter] = useMonitorFilter();
  const list = useListParams([]);
  const dimension = DIMENSIONS.find((d) => d === params.get('dimensie'));
  const outcome = OUTCOMES.find((o) => o === params.get('uitkomst'));
  const key = params.get('sleutel') ?? '';
  const label = params.get('naam') ?? key;
  const cell = dimension && key ? { dimension, key, outcome } : null;
  const state = useMonitorCases(cell, filter, list.paging);
  const columns: Column<OutcomeCase>[] = [
    // In the server's order (latest evaluation first): sorting one page of many would mislead.
    ...caseColumns<OutcomeCase>(t, ['reference', 'resident', 'law', 'team'], false),
    {
      key: 'outcome',
      label: t('monitorCases.outcome'),
      render: (c) => (c.outcome ? t(`compensation.${c.outcome}`) : ''),
    },
    {
      key: 'evaluatedOn',
      label: t('monitorCases.evaluatedOn'),
      render: (c) => (c.evaluatedOn ? <span className="rk-nowrap">{formatDate(c.evaluatedOn)}</span> : ''),
    },
  ];
  const back = new URLSearchParams({
    ...(filter.law ? { wet: filter.law } : {}),
    ...(filter.from ? { van: filter.from } : {}),
    ...(filter.to ? { tot: filter.to } : {}),
  }).toString();
  const title = dimension
    ? `${t(DIMENSION_TEXT[dimension])}: ${label}${outcome ? ` — ${t(`compensation.${outcome}`).toLowerCase()}` : ''}`
    : t('monitorCases.title');
  return (
    <>
      <BackLink href={`/monitor${back ? `?${back}` : ''}`} label={t('monitor.title')} />
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>{t('monitorCases.intro')}</Paragraph>
      {cell ? (
        <ListResults
          state={state}
          caption={title}
          columns={columns}
          rowKey={(c) => c.id}
          count={{ one: t('monitorCases.countOne'), many: t('monitorCases.countMany') }}
          empty={{ message: t('monitorCases.empty') }}
          page={list.page}
          onPage={list.setPage}
        />
      ) : (
        <Paragraph>{t('monitorCases.badLink')}</Paragraph>
      )}
    </>
  );
}
