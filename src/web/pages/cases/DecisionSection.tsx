import { Heading2, Heading3, Link, Paragraph } from '@utrecht/component-library-react';
import {
  type CaseDetail,
  type DecisionView,
  decisionLetterHref,
  missing,
  useDecision,
} from '../../api/cases.js';
import { useReference } from '../../api/reference.js';
import { useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { Details } from '../../ui/Details.js';
import { formatDate } from '../../ui/format.js';
import { EmptyState } from '../../ui/ListParts.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import {
  allocationStatusText,
  DecisionOutcomeBadge,
  decidable,
  decisionFormText,
  frequencyText,
  periodText,
  unitText,
} from './plan-parts.js';

type DecisionLine = DecisionView['lines'][number];
type Allocation = DecisionView['allocations'][number];

/** Why there is no decision yet, and whether one can be recorded now. */
function emptyText(c: CaseDetail): TextKey {
  if (decidable(c)) return 'decision.empty';
  switch (c.status) {
    case 'decided':
      return 'decision.emptyDecided';
    case 'withdrawn':
      return 'decision.emptyWithdrawn';
    case 'reported':
    case 'requested':
    case 'assessment':
    case 'applied':
      return c.law === 'youth' ? 'decision.emptyNotYetYouth' : 'decision.emptyNotYet';
  }
}

/** The decision (besluit) on the case: outcome, lines, allocations and the letter; or the way to record it. */
export function DecisionSection({ supportCase: c }: { supportCase: CaseDetail }) {
  const t = useText();
  const state = useDecision(c.id);
  const none = missing(state);
  return (
    <section className="rk-section rk-keep-words" aria-labelledby="case-decision">
      <Heading2 id="case-decision">{t('decision.title')}</Heading2>
      {state.error && !none ? <LoadError error={state.error} /> : null}
      {!state.data && !state.error ? <Loading /> : null}
      {none ? (
        <EmptyState
          message={t(emptyText(c))}
          action={
            decidable(c) ? { href: `/casussen/${c.id}/besluit`, label: t('decision.record') } : undefined
          }
        />
      ) : null}
      {state.data ? <DecisionSummary decision={state.data} reference={c.reference} /> : null}
    </section>
  );
}

function DecisionSummary({ decision: d, reference }: { decision: DecisionView; reference: string }) {
  const t = useText();
  const units = useReference().data?.units ?? [];
  const lineOf = (provisionId: string, providerId: string) =>
    d.lines.find((l) => l.provisionId === provisionId && l.providerId === providerId);

  const lineColumns: Column<DecisionLine>[] = [
    { key: 'provision', label: t('decision.provision'), render: (l) => l.provisionName },
    {
      key: 'granted',
      label: t('decision.lineOutcome'),
      render: (l) => (
        <span className="rk-nowrap">{t(l.granted ? 'decision.lineGranted' : 'decision.lineRefused')}</span>
      ),
    },
    {
      key: 'form',
      label: t('decision.form'),
      render: (l) => <span className="rk-nowrap">{decisionFormText(t, l.form)}</span>,
    },
    { key: 'provider', label: t('decision.provider'), render: (l) => l.providerName ?? '' },
    {
      key: 'volume',
      label: t('decision.volume'),
      render: (l) =>
        l.volume === null ? (
          ''
        ) : (
          <span className="rk-nowrap">
            {t('decision.volumeValue', {
              volume: l.volume,
              unit: unitText(units, l.unit),
              frequency: frequencyText(t, l.frequency),
            })}
          </span>
        ),
    },
    {
      key: 'period',
      label: t('decision.periodLabel'),
      render: (l) => <span className="rk-nowrap">{periodText(t, l.startDate, l.endDate)}</span>,
    },
    { key: 'reasoning', label: t('decision.reasoning'), render: (l) => l.reasoning },
  ];

  const allocationColumns: Column<Allocation>[] = [
    {
      key: 'number',
      label: t('decision.allocationNumber'),
      render: (a) => <span className="rk-code">{a.allocationNumber}</span>,
    },
    {
      key: 'provision',
      label: t('decision.provision'),
      render: (a) => lineOf(a.provisionId, a.providerId)?.provisionName ?? '',
    },
    {
      key: 'provider',
      label: t('decision.provider'),
      render: (a) => lineOf(a.provisionId, a.providerId)?.providerName ?? '',
    },
    { key: 'volume', label: t('decision.volume'), render: (a) => a.volume, numeric: true },
    { key: 'unit', label: t('decision.unit'), render: (a) => unitText(units, a.unit) },
    { key: 'frequency', label: t('decision.frequency'), render: (a) => frequencyText(t, a.frequency) },
    {
      key: 'period',
      label: t('decision.periodLabel'),
      render: (a) => <span className="rk-nowrap">{periodText(t, a.startDate, a.endDate)}</span>,
    },
    {
      key: 'status',
      label: t('decision.allocationStatus'),
      render: (a) => allocationStatusText(t, a.status),
    },
    {
      key: 'changes',
      label: t('decision.allocationChanges'),
      render: (a) =>
        a.changes.length === 0 ? (
          <span className="rk-muted">—</span>
        ) : (
          <ul className="rk-plain-list">
            {a.changes.map((c) => (
              <li key={c.changedAt}>
                {t('decision.allocationChange', {
                  date: formatDate(c.changedAt.slice(0, 10)),
                  by: c.changedBy,
                  from: periodText(t, a.startDate, c.previousEndDate),
                  to: periodText(t, a.startDate, c.endDate),
                })}
                {c.volume !== c.previousVolume
                  ? ` ${t('decision.allocationVolumeChange', { from: c.previousVolume, to: c.volume })}`
                  : ''}
                {c.successorAllocationId
                  ? ` ${t('decision.allocationContinued', { number: d.allocations.find((x) => x.id === c.successorAllocationId)?.allocationNumber ?? '' })}`
                  : ''}{' '}
                <span className="rk-muted">({c.reason})</span>
              </li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <>
      <Details
        items={[
          { label: t('decision.outcome'), value: <DecisionOutcomeBadge outcome={d.outcome} /> },
          { label: t('decision.decidedOn'), value: formatDate(d.decidedOn) },
          { label: t('decision.decidedBy'), value: d.decidedBy },
        ]}
      />
      <Paragraph>
        <Link href={decisionLetterHref(d.caseId)} download>
          {t('decision.letter')}
        </Link>{' '}
        <span className="rk-muted">{t('decision.letterNote')}</span>
      </Paragraph>
      <section className="rk-subsection" aria-labelledby="decision-lines">
        <Heading3 id="decision-lines">{t('decision.lines')}</Heading3>
        <DataTable
          caption={t('decision.linesCaption', { reference })}
          columns={lineColumns}
          rows={d.lines}
          rowKey={(l) => l.id}
        />
      </section>
      <section className="rk-subsection" aria-labelledby="decision-allocations">
        <Heading3 id="decision-allocations">{t('decision.allocations')}</Heading3>
        {d.allocations.length === 0 ? (
          <Paragraph className="rk-muted">{t('decision.noAllocations')}</Paragraph>
        ) : (
          <DataTable
            caption={t('decision.allocationsCaption', { reference })}
            columns={allocationColumns}
            rows={d.allocations}
            rowKey={(a) => a.id}
          />
        )}
      </section>
    </>
  );
}
