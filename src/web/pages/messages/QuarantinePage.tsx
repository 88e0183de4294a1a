import { Paragraph } from '@utrecht/component-library-react';
import { type QuarantineItem, useQuarantine } from '../../api/messages.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useListParams } from '../../ui/use-list-params.js';
import { MessagesNav, providerColumns, quarantineReasonText } from './message-parts.js';

/** Documents that were refused before anything was applied: unreadable, unsafe, invalid, not ours. */
export function QuarantinePage() {
  const t = useText();
  const account = useAccount();
  const provider = account.role === 'provider_user';
  const list = useListParams();
  const state = useQuarantine(list.paging);

  const columns: Column<QuarantineItem>[] = [
    {
      key: 'receivedAt',
      label: t('quarantine.receivedAt'),
      render: (q) => <span className="rk-nowrap">{formatDateTime(q.receivedAt)}</span>,
      sortValue: (q) => q.receivedAt,
    },
    {
      key: 'fileName',
      label: t('quarantine.fileName'),
      render: (q) =>
        q.fileName ? (
          <span className="rk-code rk-path">{q.fileName}</span>
        ) : (
          <span className="rk-muted">{t('quarantine.noFileName')}</span>
        ),
      sortValue: (q) => q.fileName,
    },
    ...providerColumns<QuarantineItem>(t, provider),
    {
      key: 'reason',
      label: t('quarantine.reason'),
      render: (q) => (
        <>
          <strong>{quarantineReasonText(t, q.reasonCode)}</strong>
          <br />
          <span className="rk-small">{q.reason}</span>
        </>
      ),
      sortValue: (q) => q.reasonCode,
    },
    {
      key: 'line',
      label: t('quarantine.line'),
      render: (q) => (q.line === null ? '' : q.line),
      sortValue: (q) => q.line,
      numeric: true,
    },
    {
      key: 'size',
      label: t('quarantine.size'),
      render: (q) => (
        <span className="rk-nowrap">{t('quarantine.bytes', { size: formatNumber(q.sizeBytes) })}</span>
      ),
      sortValue: (q) => q.sizeBytes,
      numeric: true,
    },
  ];

  return (
    <>
      <MessagesNav />
      <div className="rk-title-row">
        <PageTitle>{t('quarantine.title')}</PageTitle>
      </div>
      <Paragraph>{provider ? t('quarantine.introProvider') : t('quarantine.intro')}</Paragraph>
      <div className="rk-keep-words">
        <ListResults
          state={state}
          caption={t('quarantine.title')}
          columns={columns}
          rowKey={(q) => q.id}
          count={{ one: t('quarantine.countOne'), many: t('quarantine.countMany') }}
          empty={{ message: t('quarantine.empty') }}
          page={list.page}
          onPage={list.setPage}
        />
      </div>
    </>
  );
}
