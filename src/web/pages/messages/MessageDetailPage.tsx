import { Button, CodeBlock, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type MessageSummary, type ReturnCode, useMessage, useReturnCodes } from '../../api/messages.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { Details } from '../../ui/Details.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppLink } from '../../ui/router.js';
import {
  directionText,
  downloadXml,
  MessageStatusBadge,
  messageLabel,
  xmlFileName,
} from './message-parts.js';

interface CodeRow {
  code: string;
  meaning: string;
  count: number;
}

/** Every RetourCode element's value in an answer written by the municipality, in order. */
function returnCodesIn(document: string): string[] {
  return Array.from(document.matchAll(/<(?:[\w.-]+:)?RetourCode>\s*([0-9A-Za-z]+)\s*</g), (m) => m[1] ?? '');
}

/** Each code once, in order of appearance, with its meaning and how often it occurs. */
function codeRows(codes: readonly string[], meanings: readonly ReturnCode[] | undefined): CodeRow[] {
  const rows = new Map<string, CodeRow>();
  for (const code of codes) {
    const row = rows.get(code);
    if (row) row.count += 1;
    else rows.set(code, { code, meaning: meanings?.find((c) => c.code === code)?.meaning ?? '', count: 1 });
  }
  return [...rows.values()];
}

/** One message: what it is, its return codes with their meaning, the answers, and the XML itself. */
export function MessageDetailPage({ id }: { id: string }) {
  const t = useText();
  const account = useAccount();
  const { data: message, error } = useMessage(id);
  const { data: returnCodes } = useReturnCodes();
  const title = message
    ? t('message.titleWithName', { name: messageLabel(t, message), identification: message.identification })
    : t('message.title');

  const answerColumns: Column<MessageSummary>[] = [
    {
      key: 'message',
      label: t('message.message'),
      render: (m) => <AppLink href={`/berichten/${m.id}`}>{messageLabel(t, m)}</AppLink>,
    },
    {
      key: 'identification',
      label: t('message.identification'),
      render: (m) => <span className="rk-code">{m.identification}</span>,
    },
    {
      key: 'receivedAt',
      label: t('message.createdAt'),
      render: (m) => <span className="rk-nowrap">{formatDateTime(m.receivedAt)}</span>,
    },
    { key: 'status', label: t('message.status'), render: (m) => <MessageStatusBadge status={m.status} /> },
  ];
  const codeColumns: Column<CodeRow>[] = [
    { key: 'code', label: t('message.returnCode'), render: (c) => <span className="rk-code">{c.code}</span> },
    { key: 'meaning', label: t('message.returnCodeMeaning'), render: (c) => c.meaning },
    { key: 'count', label: t('message.returnCodeCount'), render: (c) => c.count, numeric: true },
  ];
  // An answer carries its codes per line (a 306 approves or rejects each start): all of them count.
  // An inbound message has the codes it was refused with as a whole.
  const codes: CodeRow[] = message
    ? codeRows(
        message.direction === 'outbound' ? returnCodesIn(message.document) : message.returnCodes,
        returnCodes,
      )
    : [];

  return (
    <>
      <BackLink href="/berichten" label={t('messages.title')} />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {!message && !error ? <Loading /> : null}
      {message ? (
        <>
          <Details
            items={[
              { label: t('message.message'), value: messageLabel(t, message) },
              { label: t('message.direction'), value: directionText(t, message.direction) },
              ...(account.role === 'provider_user'
                ? []
                : [{ label: t('message.provider'), value: message.providerName }]),
              { label: t('message.sender'), value: <span className="rk-code">{message.sender}</span> },
              { label: t('message.receiver'), value: <span className="rk-code">{message.receiver}</span> },
              {
                label: t('message.identification'),
                value: <span className="rk-code">{message.identification}</span>,
              },
              { label: t('message.datedOn'), value: formatDate(message.datedOn) },
              {
                label: message.direction === 'inbound' ? t('message.receivedAt') : t('message.createdAt'),
                value: formatDateTime(message.receivedAt),
              },
              { label: t('message.status'), value: <MessageStatusBadge status={message.status} /> },
              ...(message.answerDueOn
                ? [{ label: t('message.answerDueOn'), value: formatDate(message.answerDueOn) }]
                : []),
              ...(message.direction === 'outbound'
                ? [
                    {
                      label: t('message.fetchedAt'),
                      value: message.fetchedAt ? formatDateTime(message.fetchedAt) : t('message.notFetched'),
                    },
                  ]
                : []),
              ...(message.answersMessageId
                ? [
                    {
                      label: t('message.inReplyTo'),
                      value: (
                        <AppLink href={`/berichten/${message.answersMessageId}`}>
                          {t('message.original')}
                        </AppLink>
                      ),
                    },
                  ]
                : []),
            ]}
          />

          <section aria-labelledby="return-codes-heading" className="rk-section">
            <Heading2 id="return-codes-heading">{t('message.returnCodes')}</Heading2>
            {codes.length > 0 && !returnCodes ? (
              // The meanings come with the code list; the table waits for them rather than flicker.
              <Loading />
            ) : codes.length === 0 ? (
              <Paragraph>
                {message.direction === 'inbound'
                  ? t('message.noReturnCodesInbound')
                  : t('message.noReturnCodes')}
              </Paragraph>
            ) : (
              <>
                {message.direction === 'outbound' ? (
                  <Paragraph>{t('message.returnCodesOutbound')}</Paragraph>
                ) : null}
                <DataTable
                  caption={t('message.returnCodesCaption', { name: message.messageName })}
                  columns={codeColumns}
                  rows={codes}
                  rowKey={(c) => c.code}
                />
              </>
            )}
          </section>

          {message.direction === 'inbound' ? (
            <section aria-labelledby="answers-heading" className="rk-section">
              <Heading2 id="answers-heading">{t('message.answerList')}</Heading2>
              {message.answers.length === 0 ? (
                <Paragraph>{t('message.noAnswers')}</Paragraph>
              ) : (
                <DataTable
                  caption={t('message.answersCaption', { name: message.messageName })}
                  columns={answerColumns}
                  rows={message.answers}
                  rowKey={(m) => m.id}
                />
              )}
            </section>
          ) : null}

          <section aria-labelledby="document-heading" className="rk-section">
            <div className="rk-title-row">
              <Heading2 id="document-heading">{t('message.document')}</Heading2>
              <Button
                appearance="secondary-action-button"
                onClick={() => downloadXml(message.messageName, message.identification, message.document)}
              >
                {t('message.download')}
                <span className="rk-visually-hidden">
                  {' '}
                  {xmlFileName(message.messageName, message.identification)}
                </span>
              </Button>
            </div>
            {/* Scrollable, so it takes the focus: a keyboard user can scroll it too (WCAG 2.1.1). */}
            <CodeBlock
              className="rk-xml"
              tabIndex={0}
              role="region"
              aria-label={t('message.documentRegion', {
                name: xmlFileName(message.messageName, message.identification),
              })}
            >
              {message.document}
            </CodeBlock>
          </section>
        </>
      ) : null}
    </>
  );
}
