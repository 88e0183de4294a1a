import { Paragraph } from '@utrecht/component-library-react';
import {
  type ClaimFilter,
  type ClaimStandard,
  type ClaimSummary,
  DECLARATION_STATUSES,
  fetchAllClaims,
  useClaims,
} from '../../api/messages.js';
import { useProviderOptions } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { type Translate, useText } from '../../i18n/i18n-context.js';
import { canSubmitMessages } from '../../ui/access.js';
import { csvFilename, downloadCsv } from '../../ui/csv.js';
import { type Column, ListResults, type TableFooterRow } from '../../ui/DataTable.js';
import { centsToInput, formatMoney, formatMonth } from '../../ui/format.js';
import { type FilterField, FilterForm } from '../../ui/ListParts.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppLink } from '../../ui/router.js';
import { useListParams } from '../../ui/use-list-params.js';
import { periodText } from '../cases/plan-parts.js';
import {
  ClaimStatusBadge,
  claimStatusText,
  MessagesNav,
  messageTitle,
  providerColumns,
  providerFilterField,
  standardMessageName,
  standardText,
} from './message-parts.js';

/** "2026-11-01" to "2026-11-30" covers the whole month. */
function isWholeMonth(start: string, end: string): boolean {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return start.slice(8, 10) === '01' && end === `${start.slice(0, 8)}${String(lastDay).padStart(2, '0')}`;
}

/** "november 2026" for a monthly claim, the dates for any other period. */
function claimPeriodText(t: Translate, start: string, end: string): string {
  return isWholeMonth(start, end) ? formatMonth(start) : periodText(t, start, end);
}

/** "WMO325", read as "WMO325 Declaratie-antwoord D202611". */
function MessageLink(props: { id: string; standard: ClaimStandard; type: '323' | '325'; number: string }) {
  const t = useText();
  return (
    <AppLink href={`/berichten/${props.id}`}>
      {standardMessageName(props.standard, props.type)}
      <span className="rk-visually-hidden">
        {' '}
        {t('claims.linkContext', { title: messageTitle(t, props.type), number: props.number })}
      </span>
    </AppLink>
  );
}

function servicesText(t: Translate, rejected: number, total: number): string {
  return t('claims.servicesValue', { rejected, total });
}

/**
 * Claims (323) with what was asked and what the municipality awarded in its answer (325):
 * a provider's own, or for the municipality every provider's. Amounts and counts only, no
 * personal data, so the list can be exported.
 */
export function ClaimListPage() {
  const t = useText();
  const account = useAccount();
  const provider = account.role === 'provider_user';
  const submits = canSubmitMessages(account.role);
  const list = useListParams(['status', 'aanbieder']);
  const filter: ClaimFilter = {
    status: DECLARATION_STATUSES.find((s) => s === list.extra.status) ?? '',
    providerId: provider ? '' : (list.extra.aanbieder ?? ''),
  };
  const state = useClaims(filter, list.paging);
  const { data: providers } = useProviderOptions(!provider);
  const filtered = Boolean(filter.status || filter.providerId);

  const columns: Column<ClaimSummary>[] = [
    {
      key: 'period',
      label: t('claims.period'),
      render: (d) => <span className="rk-nowrap">{claimPeriodText(t, d.periodStart, d.periodEnd)}</span>,
      sortValue: (d) => d.periodStart,
    },
    {
      key: 'number',
      label: t('claims.numberAndStandard'),
      // A provider numbers its iWmo and iJw claims apart: the standard goes with the number
      // (and the table stays narrow enough for the provider column).
      render: (d) => (
        <>
          <span className="rk-code">{d.claimNumber}</span>
          <br />
          <span className="rk-muted rk-small">{standardText(t, d.standard)}</span>
        </>
      ),
      sortValue: (d) => `${d.claimNumber} ${d.standard}`,
    },
    ...providerColumns<ClaimSummary>(t, provider),
    {
      key: 'submitted',
      label: t('claims.submitted'),
      render: (d) => <span className="rk-nowrap">{formatMoney(d.submittedCents)}</span>,
      sortValue: (d) => d.submittedCents,
      numeric: true,
    },
    {
      key: 'awarded',
      label: t('claims.awarded'),
      render: (d) => <span className="rk-nowrap">{formatMoney(d.awardedCents)}</span>,
      sortValue: (d) => d.awardedCents,
      numeric: true,
    },
    {
      key: 'status',
      label: t('claims.status'),
      render: (d) => <ClaimStatusBadge status={d.status} />,
      sortValue: (d) => d.status,
    },
    {
      key: 'services',
      label: t('claims.services'),
      render: (d) => <span className="rk-nowrap">{servicesText(t, d.rejectedServices, d.services)}</span>,
      sortValue: (d) => d.rejectedServices,
    },
    {
      key: 'messages',
      label: t('claims.messages'),
      // The standard's names keep the column narrow; the hidden rest says which claim.
      render: (d) => (
        <>
          <MessageLink id={d.messageId} standard={d.standard} type="323" number={d.claimNumber} />
          <br />
          {d.answerMessageId === null ? (
            <span className="rk-muted rk-small">{t('claims.noAnswer')}</span>
          ) : (
            <MessageLink id={d.answerMessageId} standard={d.standard} type="325" number={d.claimNumber} />
          )}
        </>
      ),
    },
  ];

  // The API pages and does not sum, so the totals are those of the rows shown; when they are all
  // the filter's rows, the label says so.
  const totals = (rows: readonly ClaimSummary[], total: number): TableFooterRow => {
    const sum = (pick: (d: ClaimSummary) => number) => rows.reduce((acc, d) => acc + pick(d), 0);
    return {
      label: rows.length === total ? t('claims.totalAll') : t('claims.totalPage'),
      cells: {
        submitted: <span className="rk-nowrap">{formatMoney(sum((d) => d.submittedCents))}</span>,
        awarded: <span className="rk-nowrap">{formatMoney(sum((d) => d.awardedCents))}</span>,
        services: (
          <span className="rk-nowrap">
            {servicesText(
              t,
              sum((d) => d.rejectedServices),
              sum((d) => d.services),
            )}
          </span>
        ),
      },
    };
  };

  const exportCsv = async () => {
    const rows = await fetchAllClaims(filter);
    downloadCsv(
      csvFilename('declaraties'),
      [
        t('claims.periodStart'),
        t('claims.periodEnd'),
        t('claims.number'),
        t('claims.standard'),
        ...(provider ? [] : [t('message.provider')]),
        t('claims.submittedEuro'),
        t('claims.awardedEuro'),
        t('claims.status'),
        t('claims.services'),
        t('claims.rejectedServices'),
      ],
      rows.map((d) => [
        d.periodStart,
        d.periodEnd,
        d.claimNumber,
        standardText(t, d.standard),
        ...(provider ? [] : [d.providerName]),
        centsToInput(d.submittedCents),
        centsToInput(d.awardedCents),
        claimStatusText(t, d.status),
        d.services,
        d.rejectedServices,
      ]),
    );
  };

  const fields: FilterField[] = [
    {
      name: 'status',
      label: t('claims.status'),
      kind: 'select',
      allLabel: t('claims.allStatuses'),
      options: DECLARATION_STATUSES.map((s) => ({ value: s, label: claimStatusText(t, s) })),
    },
  ];
  if (!provider) {
    fields.push(providerFilterField(t, providers?.items));
  }

  return (
    <>
      <MessagesNav />
      <div className="rk-title-row">
        <PageTitle>{t('claims.title')}</PageTitle>
      </div>
      <Paragraph>{provider ? t('claims.introProvider') : t('claims.intro')}</Paragraph>
      <FilterForm
        key={`${JSON.stringify(filter)}|${providers ? 'p' : ''}`}
        label={t('claims.filterLabel')}
        fields={fields}
        values={{ status: filter.status, aanbieder: filter.providerId }}
        onApply={(v) => list.setFilter({ status: v.status ?? '', aanbieder: v.aanbieder ?? '' })}
      />
      <div className="rk-keep-words">
        <ListResults
          state={state}
          caption={t('claims.title')}
          columns={columns}
          rowKey={(d) => d.id}
          count={{ one: t('claims.countOne'), many: t('claims.countMany') }}
          empty={{
            message: filtered
              ? t('claims.noResults')
              : provider
                ? t('claims.emptyProvider')
                : t('claims.empty'),
            action:
              submits && !filtered
                ? { href: '/berichten/indienen', label: t('claims.emptyAction') }
                : undefined,
          }}
          page={list.page}
          onPage={list.setPage}
          onExport={exportCsv}
          footer={totals}
        />
      </div>
    </>
  );
}
