/**
 * What the case screens share: the Dutch names of statuses, steps and deadlines (the API sends
 * codes), the deadline badge and the urgent/suspended markers. A badge always carries text, so
 * its meaning never depends on colour alone.
 */
import { StatusBadge } from '@utrecht/component-library-react';
import type { CaseEventType, CaseStatus, CaseSummary, Deadline, DeadlineStatus } from '../../api/cases.js';
import { type Translate, useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import type { Column } from '../../ui/DataTable.js';
import { formatDate } from '../../ui/format.js';
import { AppLink } from '../../ui/router.js';

const STATUS_TEXT: Record<CaseStatus, TextKey> = {
  reported: 'caseStatus.reported',
  requested: 'caseStatus.requested',
  assessment: 'caseStatus.assessment',
  applied: 'caseStatus.applied',
  decided: 'caseStatus.decided',
  withdrawn: 'caseStatus.withdrawn',
};

const EVENT_TEXT: Record<CaseEventType | 'report', TextKey> = {
  report: 'caseEvent.report',
  start_assessment: 'caseEvent.start_assessment',
  complete_assessment: 'caseEvent.complete_assessment',
  apply: 'caseEvent.apply',
  decide: 'caseEvent.decide',
  withdraw: 'caseEvent.withdraw',
  suspend: 'caseEvent.suspend',
  resume: 'caseEvent.resume',
  extend: 'caseEvent.extend',
  receive_own_plan: 'caseEvent.receive_own_plan',
  pay_advance: 'caseEvent.pay_advance',
  provide_temporary_provision: 'caseEvent.provide_temporary_provision',
};

/** The deadline kinds of the legal clock (`legal-clock.ts`); the API types them as a string. */
const DEADLINE_TEXT: Record<string, TextKey> = {
  assessment: 'deadline.assessment',
  decision: 'deadline.decision',
  own_plan: 'deadline.own_plan',
  advance_payment: 'deadline.advance_payment',
  earliest_application: 'deadline.earliest_application',
  temporary_provision: 'deadline.temporary_provision',
};

/** A code from the API in the catalogue's words; an unknown code (a newer server) as it is. */
function lookup(t: Translate, table: Record<string, TextKey>, code: string | null): string {
  if (code === null) return '';
  const key = Object.hasOwn(table, code) ? table[code] : undefined;
  return key ? t(key) : code;
}

export function statusText(t: Translate, status: string | null): string {
  return lookup(t, STATUS_TEXT, status);
}

export function eventText(t: Translate, event: string): string {
  return lookup(t, EVENT_TEXT, event);
}

export function deadlineKindText(t: Translate, kind: string): string {
  return lookup(t, DEADLINE_TEXT, kind);
}

const BADGE: Record<DeadlineStatus, { status: string; text: TextKey }> = {
  overdue: { status: 'danger', text: 'deadlineStatus.overdue' },
  due_soon: { status: 'warning', text: 'deadlineStatus.due_soon' },
  open: { status: 'neutral', text: 'deadlineStatus.open' },
  met: { status: 'success', text: 'deadlineStatus.met' },
};

/**
 * "Te laat", "Binnenkort", "Op tijd", "Gehaald". The earliest application date is a "not
 * before" date, not a duty: it reads "Nog niet" until it is reached.
 */
export function DeadlineBadge({ deadline }: { deadline: Deadline }) {
  const t = useText();
  if (deadline.kind === 'earliest_application') {
    const reached = deadline.status === 'met';
    return (
      <StatusBadge
        status={reached ? 'success' : 'neutral'}
        className={`rk-badge rk-badge--${reached ? 'met' : 'open'}`}
      >
        {t(reached ? 'deadlineStatus.reached' : 'deadlineStatus.notYet')}
      </StatusBadge>
    );
  }
  const badge = BADGE[deadline.status];
  return (
    <StatusBadge status={badge.status} className={`rk-badge rk-badge--${deadline.status}`}>
      {t(badge.text)}
    </StatusBadge>
  );
}

/** The next deadline in a table cell: what, by when, and how it stands. */
export function NextDeadline({ deadline }: { deadline: Deadline | null }) {
  const t = useText();
  if (!deadline) return <span className="rk-muted">{t('case.noDeadline')}</span>;
  return (
    <span className="rk-deadline">
      <span className="rk-deadline__kind">{deadlineKindText(t, deadline.kind)}</span>{' '}
      <span className="rk-deadline__date rk-nowrap">{formatDate(deadline.dueDate)}</span>{' '}
      <DeadlineBadge deadline={deadline} />
    </span>
  );
}

/** "Spoed" and "Opgeschort", or nothing. */
export function CaseFlags({ urgent, suspended }: { urgent: boolean; suspended: boolean }) {
  const t = useText();
  if (!urgent && !suspended) return null;
  return (
    <span className="rk-flags">
      {urgent ? (
        <StatusBadge status="danger" className="rk-badge rk-badge--urgent">
          {t('case.urgent')}
        </StatusBadge>
      ) : null}
      {suspended ? (
        <StatusBadge status="inactive" className="rk-badge rk-badge--suspended">
          {t('case.suspended')}
        </StatusBadge>
      ) : null}
    </span>
  );
}

type CaseColumn = 'reference' | 'resident' | 'law' | 'status' | 'team' | 'deadline' | 'flags';

/** The columns of a case list, in this order, for the worklist and every other list of cases. */
export function caseColumns<T extends CaseSummary>(
  t: Translate,
  shown: readonly CaseColumn[],
  /** False for a page of a server-ordered list, which sorting within the page would misrepresent. */
  sortable = true,
): Column<T>[] {
  const all: Record<CaseColumn, Column<T>> = {
    reference: {
      key: 'reference',
      label: t('case.reference'),
      render: (c) => (
        <AppLink href={`/casussen/${c.id}`} className="rk-nowrap">
          {c.reference}
        </AppLink>
      ),
      sortValue: (c) => c.reference,
    },
    resident: {
      key: 'resident',
      label: t('case.resident'),
      render: (c) => c.residentName,
      sortValue: (c) => c.residentName,
    },
    law: {
      key: 'law',
      label: t('case.law'),
      render: (c) => <span className="rk-nowrap">{t(`law.${c.law}`)}</span>,
      sortValue: (c) => c.law,
    },
    status: {
      key: 'status',
      label: t('case.status'),
      render: (c) => statusText(t, c.status),
      sortValue: (c) => statusText(t, c.status),
    },
    team: { key: 'team', label: t('case.team'), render: (c) => c.teamName, sortValue: (c) => c.teamName },
    deadline: {
      key: 'deadline',
      label: t('case.nextDeadline'),
      render: (c) => <NextDeadline deadline={c.nextDeadline} />,
      sortValue: (c) => c.nextDeadline?.dueDate,
    },
    flags: {
      key: 'flags',
      label: t('case.signals'),
      render: (c) => <CaseFlags urgent={c.urgent} suspended={c.suspended} />,
    },
  };
  return shown.map((name) => {
    const { sortValue, ...column } = all[name];
    return sortable && sortValue ? { ...column, sortValue } : column;
  });
}
