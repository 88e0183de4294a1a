/**
 * What the message screens share: the catalogue's words for message kinds, directions, statuses,
 * claim statuses and quarantine reasons (the API sends codes), the verdict and status badges, the table of findings, the
 * sub-navigation of the section and the download of an XML document.
 */
import { StatusBadge } from '@utrecht/component-library-react';
import { Fragment } from 'react';
import type {
  ClaimStandard,
  ClaimStatus,
  FindingView,
  MessageDirection,
  MessageStatus,
  MessageType,
  QuarantineReasonCode,
} from '../../api/messages.js';
import { type Translate, useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { downloadFile } from '../../ui/download.js';
import type { FilterField } from '../../ui/ListParts.js';
import { SubNav } from '../../ui/SubNav.js';

/**
 * The titles of the standard's messages. The Dutch ones are MESSAGE_TITLES of
 * src/modules/messaging/standard/message-kinds.ts, repeated in the catalogue because importing
 * that module would bring the standard's XML schemas (150 kB) into the bundle.
 */
const MESSAGE_TITLE_TEXT: Record<MessageType, TextKey> = {
  '301': 'messageTitle.301',
  '302': 'messageTitle.302',
  '305': 'messageTitle.305',
  '306': 'messageTitle.306',
  '307': 'messageTitle.307',
  '308': 'messageTitle.308',
  '315': 'messageTitle.315',
  '316': 'messageTitle.316',
  '317': 'messageTitle.317',
  '318': 'messageTitle.318',
  '319': 'messageTitle.319',
  '320': 'messageTitle.320',
  '323': 'messageTitle.323',
  '325': 'messageTitle.325',
};

export const MESSAGE_TYPE_LIST = Object.keys(MESSAGE_TITLE_TEXT) as MessageType[];

const STATUS_TEXT: Record<MessageStatus, TextKey> = {
  accepted: 'messageStatus.accepted',
  partly_rejected: 'messageStatus.partly_rejected',
  rejected: 'messageStatus.rejected',
  ready: 'messageStatus.ready',
  fetched: 'messageStatus.fetched',
};

const DIRECTION_TEXT: Record<MessageDirection, TextKey> = {
  inbound: 'messageDirection.inbound',
  outbound: 'messageDirection.outbound',
};

const REASON_TEXT: Record<QuarantineReasonCode, TextKey> = {
  UNREADABLE: 'quarantineReason.UNREADABLE',
  UNKNOWN_MESSAGE: 'quarantineReason.UNKNOWN_MESSAGE',
  UNSUPPORTED_MESSAGE: 'quarantineReason.UNSUPPORTED_MESSAGE',
  INVALID: 'quarantineReason.INVALID',
  WRONG_SENDER: 'quarantineReason.WRONG_SENDER',
  WRONG_RECEIVER: 'quarantineReason.WRONG_RECEIVER',
  DUPLICATE_IDENTIFICATION: 'quarantineReason.DUPLICATE_IDENTIFICATION',
  NO_ORIGINAL: 'quarantineReason.NO_ORIGINAL',
};

/** A code from the API in the catalogue's words; an unknown code (a newer server) as it is. */
function lookup(t: Translate, table: Record<string, TextKey>, code: string): string {
  const key = Object.hasOwn(table, code) ? table[code] : undefined;
  return key ? t(key) : code;
}

export function messageTitle(t: Translate, type: string): string {
  return Object.hasOwn(MESSAGE_TITLE_TEXT, type) ? lookup(t, MESSAGE_TITLE_TEXT, type) : '';
}

/** "WMO305 Start zorg" */
export function messageLabel(t: Translate, message: { messageName: string; messageType: string }): string {
  const title = messageTitle(t, message.messageType);
  return title ? `${message.messageName} ${title}` : message.messageName;
}

export function messageStatusText(t: Translate, status: string): string {
  return lookup(t, STATUS_TEXT, status);
}

export function directionText(t: Translate, direction: string): string {
  return lookup(t, DIRECTION_TEXT, direction);
}

export function quarantineReasonText(t: Translate, reasonCode: string): string {
  return lookup(t, REASON_TEXT, reasonCode);
}

/** What became of a document that was checked or submitted. */
export type Verdict =
  | 'conform'
  | 'not_conform'
  | 'processed'
  | 'partly_rejected'
  | 'rejected'
  | 'quarantined'
  | 'failed';

const VERDICT_BADGE: Record<Verdict, { status: string; text: TextKey }> = {
  conform: { status: 'success', text: 'verdict.conform' },
  not_conform: { status: 'danger', text: 'verdict.not_conform' },
  processed: { status: 'success', text: 'verdict.processed' },
  partly_rejected: { status: 'warning', text: 'verdict.partly_rejected' },
  rejected: { status: 'danger', text: 'verdict.rejected' },
  quarantined: { status: 'danger', text: 'verdict.quarantined' },
  failed: { status: 'danger', text: 'verdict.failed' },
};

export function verdictText(t: Translate, verdict: Verdict): string {
  return t(VERDICT_BADGE[verdict].text);
}

/** The verdict as a badge; its text carries the meaning, the colour only repeats it. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = useText();
  const badge = VERDICT_BADGE[verdict];
  return (
    <StatusBadge
      status={badge.status}
      className={`rk-badge rk-badge--verdict rk-badge--tone-${badge.status} rk-badge--${verdict}`}
    >
      {t(badge.text)}
    </StatusBadge>
  );
}

/** A message's status as a badge: accepted and fetched read well, rejected stands out. */
const STATUS_BADGE: Record<MessageStatus, string> = {
  accepted: 'success',
  partly_rejected: 'warning',
  rejected: 'danger',
  ready: 'neutral',
  fetched: 'neutral',
};

export function MessageStatusBadge({ status }: { status: string }) {
  const t = useText();
  const badge = Object.hasOwn(STATUS_BADGE, status) ? STATUS_BADGE[status as MessageStatus] : 'neutral';
  return (
    <StatusBadge status={badge} className={`rk-badge rk-badge--tone-${badge} rk-badge--${status}`}>
      {messageStatusText(t, status)}
    </StatusBadge>
  );
}

const DECLARATION_BADGE: Record<ClaimStatus, { status: string; text: TextKey }> = {
  awarded: { status: 'success', text: 'claimStatus.awarded' },
  partly_awarded: { status: 'warning', text: 'claimStatus.partly_awarded' },
  rejected: { status: 'danger', text: 'claimStatus.rejected' },
};

export function claimStatusText(t: Translate, status: ClaimStatus): string {
  return t(DECLARATION_BADGE[status].text);
}

/** What the municipality awarded of a claim, as a badge in the tones of the message badges. */
export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const t = useText();
  const badge = DECLARATION_BADGE[status];
  return (
    <StatusBadge
      status={badge.status}
      className={`rk-badge rk-badge--tone-${badge.status} rk-badge--claim-${status}`}
    >
      {t(badge.text)}
    </StatusBadge>
  );
}

export function standardText(t: Translate, standard: ClaimStandard): string {
  switch (standard) {
    case 'iwmo':
      return t('standard.iwmo');
    case 'ijw':
      return t('standard.ijw');
  }
}

/** "WMO323", "JW325": a message's name in the standard (STANDARD_PREFIX of message-kinds.ts). */
export function standardMessageName(standard: ClaimStandard, type: MessageType): string {
  switch (standard) {
    case 'iwmo':
      return `WMO${type}`;
    case 'ijw':
      return `JW${type}`;
  }
}

/** "Bericht/Client/Bsn", allowed to wrap after a slash only, never inside an element's name. */
export function ElementPath({ path }: { path: string }) {
  const parts = path.split('/');
  return (
    <span className="rk-code">
      {parts.map((part, index) => (
        // The parts of one path are fixed in number and order: the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <Fragment key={index}>
          {index > 0 ? (
            <>
              /<wbr />
            </>
          ) : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

type NumberedFinding = FindingView & { index: number };

/** The findings on a document: where (line, element), which rule, which return code, and why. */
export function FindingsTable({ findings, caption }: { findings: readonly FindingView[]; caption: string }) {
  const t = useText();
  const rows: NumberedFinding[] = findings.map((f, index) => ({ ...f, index }));
  const columns: Column<NumberedFinding>[] = [
    {
      key: 'line',
      label: t('finding.line'),
      render: (f) => (f.line === null ? '' : f.line),
      sortValue: (f) => f.line,
      numeric: true,
    },
    { key: 'code', label: t('finding.code'), render: (f) => <span className="rk-code">{f.code}</span> },
    {
      key: 'returnCode',
      label: t('finding.returnCode'),
      render: (f) =>
        f.returnCode === null ? (
          <span className="rk-muted">{t('finding.noReturnCode')}</span>
        ) : (
          <>
            <span className="rk-code">{f.returnCode}</span>
            {f.returnCodeMeaning ? <span className="rk-small"> {f.returnCodeMeaning}</span> : null}
          </>
        ),
    },
    { key: 'path', label: t('finding.path'), render: (f) => <ElementPath path={f.path} /> },
    { key: 'message', label: t('finding.message'), render: (f) => f.message },
  ];
  return (
    <div className="rk-keep-words rk-findings">
      <DataTable caption={caption} columns={columns} rows={rows} rowKey={(f) => String(f.index)} />
    </div>
  );
}

/** "WMO306-R-2026-000123.xml": the standard's name and the identification, safe as a file name. */
export function xmlFileName(name: string, identification: string): string {
  return `${name}-${identification}.xml`.replace(/[^A-Za-z0-9._-]/g, '_');
}

export function downloadXml(name: string, identification: string, document: string): void {
  downloadFile(xmlFileName(name, identification), document, 'application/xml;charset=utf-8');
}

const SUBNAV: readonly { href: string; label: TextKey }[] = [
  { href: '/berichten', label: 'messages.title' },
  { href: '/berichten/toewijzingen', label: 'allocations.title' },
  { href: '/berichten/verzoeken', label: 'requests.title' },
  { href: '/berichten/declaraties', label: 'claims.title' },
  { href: '/berichten/quarantaine', label: 'quarantine.title' },
];

/** The parts of the section, under the page title: messages, allocations, claims, quarantine. */
export function MessagesNav() {
  const t = useText();
  return (
    <SubNav
      label={t('messages.subnavLabel')}
      items={SUBNAV.map((i) => ({ href: i.href, label: t(i.label) }))}
    />
  );
}

/** The provider column the municipality sees; a provider user sees only its own, so gets none. */
export function providerColumns<T extends { providerName: string | null }>(
  t: Translate,
  forProvider: boolean,
): Column<T>[] {
  if (forProvider) return [];
  return [
    {
      key: 'provider',
      label: t('message.provider'),
      render: (row) => row.providerName ?? '',
      sortValue: (row) => row.providerName ?? '',
    },
  ];
}

/** The municipality's filter on provider ("aanbieder" in the address). */
export function providerFilterField(
  t: Translate,
  providers: readonly { id: string; name: string }[] | undefined,
  allLabel: string = t('contracts.allProviders'),
): FilterField {
  return {
    name: 'aanbieder',
    label: t('message.provider'),
    kind: 'select',
    allLabel,
    options: (providers ?? []).map((p) => ({ value: p.id, label: p.name })),
  };
}
