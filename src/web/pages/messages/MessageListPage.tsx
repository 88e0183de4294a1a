import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  MESSAGE_DIRECTIONS,
  MESSAGE_STATUSES,
  type MessageFilter,
  type MessageSummary,
  sendAllocations,
  useMessages,
} from '../../api/messages.js';
import { useProviderOptions } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { canSendAllocations, canSubmitMessages } from '../../ui/access.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { type FilterField, FilterForm } from '../../ui/ListParts.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, AppLink } from '../../ui/router.js';
import { useListParams } from '../../ui/use-list-params.js';
import {
  directionText,
  MESSAGE_TYPE_LIST,
  MessageStatusBadge,
  MessagesNav,
  messageLabel,
  messageTitle,
  providerColumns,
  providerFilterField,
} from './message-parts.js';

/** A value from the address only when the API knows it, so a stale bookmark cannot end in a 400. */
function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | '' {
  return allowed.find((a) => a === value) ?? '';
}

/** The message exchange: a provider's own messages, or every provider's for the municipality. */
export function MessageListPage() {
  const t = useText();
  const account = useAccount();
  const provider = account.role === 'provider_user';
  const submits = canSubmitMessages(account.role);
  const list = useListParams(['richting', 'soort', 'status', 'aanbieder']);
  const filter: MessageFilter = {
    direction: oneOf(MESSAGE_DIRECTIONS, list.extra.richting),
    type: oneOf(MESSAGE_TYPE_LIST, list.extra.soort),
    status: oneOf(MESSAGE_STATUSES, list.extra.status),
    providerId: provider ? '' : (list.extra.aanbieder ?? ''),
  };
  const state = useMessages(filter, list.paging);
  const sends = canSendAllocations(account.role);
  const [round, setRound] = useState<
    | { state: 'busy' }
    | { state: 'done'; sent: number; held: string[] }
    | { state: 'failed'; message: string }
    | null
  >(null);
  const runRound = async () => {
    setRound({ state: 'busy' });
    try {
      const result = await sendAllocations();
      setRound({ state: 'done', sent: result.sent.length, held: result.held.map((h) => h.notice) });
      state.reload();
    } catch (error) {
      setRound({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const { data: providers } = useProviderOptions(!provider);
  const filtered = Boolean(filter.direction || filter.type || filter.status || filter.providerId);

  const columns: Column<MessageSummary>[] = [
    {
      key: 'receivedAt',
      label: t('message.receivedAt'),
      render: (m) => <span className="rk-nowrap">{formatDateTime(m.receivedAt)}</span>,
      sortValue: (m) => m.receivedAt,
    },
    {
      key: 'message',
      label: t('message.message'),
      render: (m) => (
        <>
          <AppLink href={`/berichten/${m.id}`}>{messageLabel(t, m)}</AppLink>
          <br />
          <span className="rk-muted rk-small">{directionText(t, m.direction)}</span>
        </>
      ),
      sortValue: (m) => m.messageName,
    },
    ...providerColumns<MessageSummary>(t, provider),
    {
      key: 'identification',
      label: t('message.identification'),
      render: (m) => <span className="rk-code">{m.identification}</span>,
      sortValue: (m) => m.identification,
    },
    {
      key: 'status',
      label: t('message.status'),
      render: (m) => <MessageStatusBadge status={m.status} />,
      sortValue: (m) => m.status,
    },
    {
      key: 'returnCodes',
      label: t('message.returnCodes'),
      render: (m) => <span className="rk-code">{m.returnCodes.join(', ')}</span>,
    },
  ];

  const fields: FilterField[] = [
    {
      name: 'richting',
      label: t('message.direction'),
      kind: 'select',
      allLabel: t('messages.allDirections'),
      options: MESSAGE_DIRECTIONS.map((d) => ({ value: d, label: directionText(t, d) })),
    },
    {
      name: 'soort',
      label: t('message.type'),
      kind: 'select',
      allLabel: t('messages.allTypes'),
      options: MESSAGE_TYPE_LIST.map((type) => ({ value: type, label: `${type} ${messageTitle(t, type)}` })),
    },
    {
      name: 'status',
      label: t('message.status'),
      kind: 'select',
      allLabel: t('messages.allStatuses'),
      options: MESSAGE_STATUSES.map((s) => ({ value: s, label: t(`messageStatus.${s}`) })),
    },
  ];
  if (!provider) {
    fields.push(providerFilterField(t, providers?.items));
  }

  return (
    <>
      <MessagesNav />
      <div className="rk-title-row">
        <PageTitle>{t('messages.title')}</PageTitle>
        <ButtonGroup>
          {submits ? (
            <AppButtonLink href="/berichten/indienen" appearance="primary-action-button">
              {t('messages.submit')}
            </AppButtonLink>
          ) : null}
          {sends ? (
            <Button
              appearance="primary-action-button"
              onClick={runRound}
              disabled={round?.state === 'busy'}
              aria-describedby="send-round-help"
            >
              {round?.state === 'busy' ? t('messages.sendRoundBusy') : t('messages.sendRound')}
            </Button>
          ) : null}
          <AppButtonLink href="/berichten/controleren" appearance="secondary-action-button">
            {t('messages.check')}
          </AppButtonLink>
        </ButtonGroup>
      </div>
      {sends ? (
        <Paragraph id="send-round-help" className="rk-muted rk-small">
          {t('messages.sendRoundHelp')}
        </Paragraph>
      ) : null}
      {round?.state === 'done' ? (
        <Alert type={round.held.length > 0 ? 'warning' : 'ok'} role="status">
          <Paragraph>{t('messages.sendRoundDone', { sent: round.sent, held: round.held.length })}</Paragraph>
          {round.held.length > 0 ? (
            <ul>
              {round.held.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {round?.state === 'failed' ? (
        <Alert type="error" role="alert">
          <Paragraph>{round.message}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{provider ? t('messages.introProvider') : t('messages.intro')}</Paragraph>
      <FilterForm
        key={`${JSON.stringify(filter)}|${providers ? 'p' : ''}`}
        label={t('messages.filterLabel')}
        fields={fields}
        values={{
          richting: filter.direction,
          soort: filter.type,
          status: filter.status,
          aanbieder: filter.providerId,
        }}
        onApply={(v) =>
          list.setFilter({
            richting: v.richting ?? '',
            soort: v.soort ?? '',
            status: v.status ?? '',
            aanbieder: v.aanbieder ?? '',
          })
        }
      />
      <ListResults
        state={state}
        caption={t('messages.title')}
        columns={columns}
        rowKey={(m) => m.id}
        count={{ one: t('messages.countOne'), many: t('messages.countMany') }}
        empty={{
          message: filtered
            ? t('messages.noResults')
            : provider
              ? t('messages.emptyProvider')
              : t('messages.empty'),
          action:
            submits && !filtered
              ? { href: '/berichten/indienen', label: t('messages.emptyAction') }
              : undefined,
        }}
        page={list.page}
        onPage={list.setPage}
      />
    </>
  );
}
