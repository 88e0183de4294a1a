import { Alert, Button, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useId, useRef, useState } from 'react';
import { ApiError } from '../../api/http.js';
import {
  answerRequest,
  REFUSAL_REASON_CODES,
  REQUEST_STATUSES,
  type RequestFilter,
  type RequestStatus,
  type RequestSummary,
  useRequests,
} from '../../api/messages.js';
import { useReference } from '../../api/reference.js';
import { useProviderOptions } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { type Translate, useText } from '../../i18n/i18n-context.js';
import { canAnswerRequests } from '../../ui/access.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { formatDate } from '../../ui/format.js';
import { type FilterField, FilterForm } from '../../ui/ListParts.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppLink } from '../../ui/router.js';
import { useListParams } from '../../ui/use-list-params.js';
import { frequencyText, periodText, unitText } from '../cases/plan-parts.js';
import { MessagesNav, providerColumns, providerFilterField, standardMessageName } from './message-parts.js';

const STATUS_TONE: Record<RequestStatus, string> = {
  open: 'warning',
  in_assessment: 'neutral',
  refused: 'danger',
  granted: 'success',
};

function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const t = useText();
  const tone = STATUS_TONE[status];
  return (
    <StatusBadge status={tone} className={`rk-badge rk-badge--tone-${tone} rk-nowrap`}>
      {t(`requestStatus.${status}`)}
    </StatusBadge>
  );
}

/** What the request asks, one line per product: new, changed or unchanged. */
function RequestedText({ request }: { request: RequestSummary }) {
  const t = useText();
  const units = useReference().data?.units ?? [];
  return (
    <ul className="rk-plain-list">
      {request.requested.products.map((p, i) => (
        <li key={`${p.kind}-${p.allocationNumber ?? p.productCode ?? i}`}>
          {t(`requestProduct.${p.kind}`)}{' '}
          {p.allocationNumber !== undefined ? (
            <span className="rk-code">{p.allocationNumber}</span>
          ) : (
            <span className="rk-code">{p.productCode ?? p.productCategory ?? '—'}</span>
          )}
          {p.startDate ? <> · {periodText(t, p.startDate, p.endDate ?? null)}</> : null}
          {p.volume !== undefined ? (
            <>
              {' '}
              · {p.volume} {unitText(units, p.unit ?? null)} {frequencyText(t, p.frequency ?? null)}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * Refuse with a reason, or take into assessment: the 319 goes to the provider's outbox. A
 * request for a change can also be granted: its changes are made and a 301 answers it.
 */
function AnswerForm({
  request,
  onAnswered,
}: {
  request: RequestSummary;
  onAnswered: (text: string) => void;
}) {
  const t = useText();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A request for a change is granted here as a whole; a new product in it needs a decision.
  const grantable =
    request.requestType === '317' && !request.requested.products.some((p) => p.kind === 'new');
  const send = async (
    answer:
      | { answer: 'refused'; refusalReason: string }
      | { answer: 'in_assessment' }
      | { answer: 'granted' },
  ) => {
    setBusy(true);
    setError(null);
    try {
      await answerRequest(request.id, answer);
      onAnswered(
        answer.answer === 'refused'
          ? t('requests.refusedDone', { reference: request.reference })
          : answer.answer === 'granted'
            ? t('requests.grantDone', { reference: request.reference })
            : t('requests.assessingDone', { reference: request.reference }),
      );
    } catch (e) {
      // A grant the rules refuse says why, next to the request; any other 409 means it was
      // answered meanwhile (by a colleague, or granted by a 301): the list shows how it stands.
      if (e instanceof ApiError && e.status === 409 && answer.answer !== 'granted') onAnswered(e.message);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="rk-inline-form">
      {grantable ? (
        <>
          <Button
            appearance="primary-action-button"
            disabled={busy}
            onClick={() => void send({ answer: 'granted' })}
          >
            {t('requests.grant')}
            <span className="rk-visually-hidden"> {request.reference}</span>
          </Button>{' '}
        </>
      ) : request.requestType === '317' ? (
        <p className="rk-muted">{t('requests.grantNewProduct')}</p>
      ) : null}
      <label htmlFor={`${id}-reason`} className="rk-visually-hidden">
        {t('requests.reasonFor', { reference: request.reference })}
      </label>
      <select
        id={`${id}-reason`}
        className="utrecht-select utrecht-select--html-select"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t('requests.chooseReason')}</option>
        {REFUSAL_REASON_CODES.map((code) => (
          <option key={code} value={code}>
            {code} {t(`refusalReason.${code}`)}
          </option>
        ))}
      </select>{' '}
      <Button
        appearance="secondary-action-button"
        disabled={busy}
        onClick={() => {
          if (!reason) {
            setError(t('requests.reasonNeeded'));
            return;
          }
          void send({ answer: 'refused', refusalReason: reason });
        }}
      >
        {t('requests.refuse')}
        <span className="rk-visually-hidden"> {request.reference}</span>
      </Button>{' '}
      {request.status === 'open' ? (
        <Button
          appearance="subtle-button"
          disabled={busy}
          onClick={() => void send({ answer: 'in_assessment' })}
        >
          {t('requests.assess')}
          <span className="rk-visually-hidden"> {request.reference}</span>
        </Button>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="rk-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function dueText(t: Translate, r: RequestSummary) {
  return (
    <span className="rk-nowrap">
      {formatDate(r.answerDueOn)}
      {r.overdue ? (
        <>
          {' '}
          <StatusBadge status="danger" className="rk-badge rk-badge--tone-danger">
            {t('requests.overdue')}
          </StatusBadge>
        </>
      ) : null}
    </span>
  );
}

/**
 * Providers' requests for an allocation (315) or a change (317), unanswered first, with the day
 * the answer is due (five working days) and what is overdue. The municipality refuses a request
 * with its reason or takes it into assessment; a decision that allocates the product grants it.
 */
export function RequestListPage() {
  const t = useText();
  const account = useAccount();
  const provider = account.role === 'provider_user';
  const answers = canAnswerRequests(account.role);
  const list = useListParams(['status', 'te-laat', 'aanbieder']);
  const filter: RequestFilter = {
    status: REQUEST_STATUSES.find((s) => s === list.extra.status) ?? '',
    overdue: list.extra['te-laat'] === 'ja',
    providerId: provider ? '' : (list.extra.aanbieder ?? ''),
  };
  const state = useRequests(filter, list.paging);
  const { data: providers } = useProviderOptions(!provider);
  const [done, setDone] = useState<string | null>(null);
  // The row answered may leave the list: focus goes to the message saying what happened.
  const statusRef = useRef<HTMLDivElement>(null);
  const filtered = Boolean(filter.status || filter.overdue || filter.providerId);

  const columns: Column<RequestSummary>[] = [
    {
      key: 'received',
      label: t('requests.received'),
      render: (r) => <span className="rk-nowrap">{formatDate(r.receivedOn)}</span>,
      sortValue: (r) => r.receivedOn,
    },
    {
      key: 'request',
      label: t('requests.request'),
      render: (r) => (
        <>
          <AppLink href={`/berichten/${r.messageId}`} className="rk-nowrap">
            {standardMessageName(r.standard, r.requestType)}
          </AppLink>
          <br />
          <span className="rk-code">{r.reference}</span>
        </>
      ),
      sortValue: (r) => r.reference,
    },
    ...providerColumns<RequestSummary>(t, provider),
    {
      key: 'client',
      label: t('requests.client'),
      render: (r) => <span className="rk-code rk-nowrap">{r.bsn}</span>,
    },
    { key: 'asked', label: t('requests.asked'), render: (r) => <RequestedText request={r} /> },
    {
      key: 'due',
      label: t('requests.due'),
      render: (r) => dueText(t, r),
      sortValue: (r) => r.answerDueOn,
    },
    {
      key: 'status',
      label: t('requests.status'),
      render: (r) => (
        <>
          <RequestStatusBadge status={r.status} />
          {r.refusalReason ? (
            <>
              <br />
              <span className="rk-small">
                {r.refusalReason} {t(`refusalReason.${r.refusalReason}` as 'refusalReason.1')}
              </span>
            </>
          ) : null}
          {r.answerMessageId ? (
            <>
              <br />
              <AppLink href={`/berichten/${r.answerMessageId}`}>{t('requests.answerLink')}</AppLink>
            </>
          ) : null}
        </>
      ),
      sortValue: (r) => r.status,
    },
    ...(answers
      ? [
          {
            key: 'answer',
            label: t('requests.answer'),
            render: (r: RequestSummary) =>
              r.status === 'open' || r.status === 'in_assessment' ? (
                <AnswerForm
                  request={r}
                  onAnswered={(text) => {
                    setDone(text);
                    state.reload();
                    requestAnimationFrame(() => statusRef.current?.focus());
                  }}
                />
              ) : null,
          },
        ]
      : []),
  ];

  const fields: FilterField[] = [
    {
      name: 'status',
      label: t('requests.status'),
      kind: 'select',
      allLabel: t('messages.allStatuses'),
      options: REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requestStatus.${s}`) })),
    },
    {
      name: 'te-laat',
      label: t('requests.overdueFilter'),
      kind: 'select',
      allLabel: t('requests.overdueAll'),
      options: [{ value: 'ja', label: t('requests.overdueOnly') }],
    },
  ];
  if (!provider) {
    fields.push(providerFilterField(t, providers?.items));
  }

  const overdue = state.data?.overdue ?? 0;
  return (
    <>
      <MessagesNav />
      <PageTitle>{t('requests.title')}</PageTitle>
      <Paragraph>{provider ? t('requests.introProvider') : t('requests.intro')}</Paragraph>
      {overdue > 0 ? (
        <Alert type="warning" role="status">
          <Paragraph>{t('requests.overdueCount', { count: overdue })}</Paragraph>
        </Alert>
      ) : null}
      {/* Mounted before the first answer, so screen readers announce the text put in it. */}
      <div role="status" ref={statusRef} tabIndex={-1} className="rk-live-region">
        {done ? (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <FilterForm
        key={`${JSON.stringify(filter)}|${providers ? 'p' : ''}`}
        label={t('requests.filterLabel')}
        fields={fields}
        values={{
          status: filter.status,
          'te-laat': filter.overdue ? 'ja' : '',
          aanbieder: filter.providerId,
        }}
        onApply={(v) =>
          list.setFilter({
            status: v.status ?? '',
            'te-laat': v['te-laat'] ?? '',
            aanbieder: v.aanbieder ?? '',
          })
        }
      />
      <ListResults
        state={state}
        caption={t('requests.title')}
        columns={columns}
        rowKey={(r) => r.id}
        count={{ one: t('requests.countOne'), many: t('requests.countMany') }}
        empty={{ message: filtered ? t('requests.noResults') : t('requests.empty') }}
        page={list.page}
        onPage={list.setPage}
      />
    </>
  );
}
