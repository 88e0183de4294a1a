import { Paragraph } from '@utrecht/component-library-react';
import {
  DECLARATION_STATUSES,
  type DeclarationFilter,
  type DeclarationStandard,
  type DeclarationSummary,
  fetchAllDeclarations,
  useDeclarations,
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
  DeclarationStatusBadge,
  declarationStatusText,
  MessagesNav,
  messageTitle,
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

/** "november 2026" for a monthly declaration, the dates for any other period. */
function declarationPeriodText(t: Translate, start: string, end: string): string {
  return isWholeMonth(start, end) ? formatMonth(start) : periodText(t, start, end);
}

/** "WMO325", read as "WMO325 Declaratie-antwoord D202611". */
function MessageLink(props: {
  id: string;
  standard: DeclarationStandard;
  type: '323' | '325';
  number: string;
}) {
  const t = useText();
  return (
    <AppLink href={`/berichten/${props.id}`}>
      {standardMessageName(props.standard, props.type)}
      <span className="rk-visually-hidden">
        {' '}
        {t('declarations.linkContext', { title: messageTitle(t, props.type), number: props.number })}
      </span>
    </AppLink>
  );
}

function servicesText(t: Translate, rejected: number, total: number): string {
  return t('declarations.servicesValue', { rejected, total });
}

/**
 * Declarations (323) with what was asked and what the municipality awarded in its answer (325):
 * a provider's own, or for the municipality every provider's. Amounts and counts only, no
 * personal data, so the list can be exported.
 */
export function DeclarationListPage() {
  const t = useText();
  const account = useAccount();
  const provider = account.role === 'provider_user';
  const submits = canSubmitMessages(account.role);
  const list = useListParams(['status', 'aanbieder']);
  const filter: DeclarationFilter = {
    status: DECLARATION_STATUSES.find((s) => s === list.extra.status) ?? '',
    providerId: provider ? '' : (list.extra.aanbieder ?? ''),
  };
  const state = useDeclarations(filter, list.paging);
  const { data: providers } = useProviderOptions(!provider);
  const filtered = Boolean(filter.status || filter.providerId);

  const columns: Column<DeclarationSummary>[] = [
    {
      key: 'period',
      label: t('declarations.period'),
      render: (d) => (
        <span className="rk-nowrap">{declarationPeriodText(t, d.periodStart, d.periodEnd)}</span>
      ),
      sortValue: (d) => d.periodStart,
    },
    {
      key: 'number',
      label: t('declarations.numberAndStandard'),
      // A provider numbers its iWmo and iJw declarations apart: the standard goes with the number
      // (and the table stays narrow enough for the provider column).
      render: (d) => (
        <>
          <span className="rk-code">{d.declarationNumber}</span>
          <br />
          <span className="rk-muted rk-small">{standardText(t, d.standard)}</span>
        </>
      ),
      sortValue: (d) => `${d.declarationNumber} ${d.standard}`,
    },
    ...(provider
      ? []
      : [
          {
            key: 'provider',
            label: t('message.provider'),
            render: (d: DeclarationSummary) => d.providerName,
            sortValue: (d: DeclarationSummary) => d.providerName,
          },
        ]),
    {
      key: 'submitted',
      label: t('declarations.submitted'),
      render: (d) => <span className="rk-nowrap">{formatMoney(d.submittedCents)}</span>,
      sortValue: (d) => d.submittedCents,
      numeric: true,
    },
    {
      key: 'awarded',
      label: t('declarations.awarded'),
      render: (d) => <span className="rk-nowrap">{formatMoney(d.awardedCents)}</span>,
      sortValue: (d) => d.awardedCents,
      numeric: true,
    },
    {
      key: 'status',
      label: t('declarations.status'),
      render: (d) => <DeclarationStatusBadge status={d.status} />,
      sortValue: (d) => d.status,
    },
    {
      key: 'services',
      label: t('declarations.services'),
      render: (d) => <span className="rk-nowrap">{servicesText(t, d.rejectedServices, d.services)}</span>,
      sortValue: (d) => d.rejectedServices,
    },
    {
      key: 'messages',
      label: t('declarations.messages'),
      // The standard's names keep the column narrow; the hidden rest says which declaration.
      render: (d) => (
        <>
          <MessageLink id={d.messageId} standard={d.standard} type="323" number={d.declarationNumber} />
          <br />
          {d.answerMessageId === null ? (
            <span className="rk-muted rk-small">{t('declarations.noAnswer')}</span>
          ) : (
            <MessageLink
              id={d.answerMessageId}
              standard={d.standard}
              type="325"
              number={d.declarationNumber}
            />
          )}
        </>
      ),
    },
  ];

  // The API pages and does not sum, so the totals are those of the rows shown; when they are all
  // the filter's rows, the label says so.
  const totals = (rows: readonly DeclarationSummary[], total: number): TableFooterRow => {
    const sum = (pick: (d: DeclarationSummary) => number) => rows.reduce((acc, d) => acc + pick(d), 0);
    return {
      label: rows.length === total ? t('declarations.totalAll') : t('declarations.totalPage'),
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
    const rows = await fetchAllDeclarations(filter);
    downloadCsv(
      csvFilename('declaraties'),
      [
        t('declarations.periodStart'),
        t('declarations.periodEnd'),
        t('declarations.number'),
        t('declarations.standard'),
        ...(provider ? [] : [t('message.provider')]),
        t('declarations.submittedEuro'),
        t('declarations.awardedEuro'),
        t('declarations.status'),
        t('declarations.services'),
        t('declarations.rejectedServices'),
      ],
      rows.map((d) => [
        d.periodStart,
        d.periodEnd,
        d.declarationNumber,
        standardText(t, d.standard),
        ...(provider ? [] : [d.providerName]),
        centsToInput(d.submittedCents),
        centsToInput(d.awardedCents),
        declarationStatusText(t, d.status),
        d.services,
        d.rejectedServices,
      ]),
    );
  };

  const fields: FilterField[] = [
    {
      name: 'status',
      label: t('declarations.status'),
      kind: 'select',
      allLabel: t('declarations.allStatuses'),
      options: DECLARATION_STATUSES.map((s) => ({ value: s, label: declarationStatusText(t, s) })),
    },
  ];
  if (!provider) {
    fields.push({
      name: 'aanbieder',
      label: t('message.provider'),
      kind: 'select',
      allLabel: t('contracts.allProviders'),
      options: (providers?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
    });
  }

  return (
    <>
      <MessagesNav />
      <div className="rk-title-row">
        <PageTitle>{t('declarations.title')}</PageTitle>
      </div>
      <Paragraph>{provider ? t('declarations.introProvider') : t('declarations.intro')}</Paragraph>
      <FilterForm
        key={`${JSON.stringify(filter)}|${providers ? 'p' : ''}`}
        label={t('declarations.filterLabel')}
        fields={fields}
        values={{ status: filter.status, aanbieder: filter.providerId }}
        onApply={(v) => list.setFilter({ status: v.status ?? '', aanbieder: v.aanbieder ?? '' })}
      />
      <div className="rk-keep-words">
        <ListResults
          state={state}
          caption={t('declarations.title')}
          columns={columns}
          rowKey={(d) => d.id}
          count={{ one: t('declarations.countOne'), many: t('declarations.countMany') }}
          empty={{
            message: filtered
              ? t('declarations.noResults')
              : provider
                ? t('declarations.emptyProvider')
                : t('declarations.empty'),
            action:
              submits && !filtered
                ? { href: '/berichten/indienen', label: t('declarations.emptyAction') }
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
