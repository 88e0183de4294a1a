import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  type CaseDetail,
  type Deadline,
  type HistoryEntry,
  useAssessment,
  useCase,
} from '../../api/cases.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { Details } from '../../ui/Details.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { LoadError, Loading, SavedMessage, SavedWarnings } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppLink, useFlash, useFlashWarnings } from '../../ui/router.js';
import { AssessmentSection } from './AssessmentSection.js';
import { CaseActions } from './CaseActions.js';
import { CaseFlags, DeadlineBadge, deadlineKindText, eventText, statusText } from './case-parts.js';
import { DecisionSection } from './DecisionSection.js';
import { EvaluationSection } from './EvaluationSection.js';

/**
 * One case: who and what, the legal deadlines, the assessment, the decision and the evaluations,
 * the steps the case worker can record, the history.
 */
export function CaseDetailPage({ id }: { id: string }) {
  const t = useText();
  const flash = useFlash();
  const warnings = useFlashWarnings();
  const { data, error } = useCase(id);
  // The answer to a recorded step replaces the loaded case (the server returns the whole case).
  const [updated, setUpdated] = useState<CaseDetail | undefined>(undefined);
  const supportCase = updated ?? data;
  const title = supportCase
    ? t('case.titleWithReference', { reference: supportCase.reference })
    : t('case.title');
  return (
    <>
      <BackLink href="/werkvoorraad" label={t('worklist.title')} />
      <SavedMessage message={flash} />
      <SavedWarnings warnings={warnings} />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {!supportCase && !error ? <Loading /> : null}
      {supportCase ? <CaseView supportCase={supportCase} onUpdated={setUpdated} /> : null}
    </>
  );
}

function CaseView({
  supportCase: c,
  onUpdated,
}: {
  supportCase: CaseDetail;
  onUpdated: (updated: CaseDetail) => void;
}) {
  const t = useText();
  // Read once here: the assessment section shows it, the evaluation section needs its goals.
  const assessment = useAssessment(c.id);
  const deadlineColumns: Column<Deadline>[] = [
    { key: 'kind', label: t('case.deadlineKind'), render: (d) => deadlineKindText(t, d.kind) },
    {
      key: 'dueDate',
      label: t('case.dueDate'),
      render: (d) => <span className="rk-nowrap">{formatDate(d.dueDate)}</span>,
    },
    { key: 'status', label: t('case.deadlineStatus'), render: (d) => <DeadlineBadge deadline={d} /> },
    {
      key: 'metOn',
      label: t('case.metOn'),
      render: (d) => <span className="rk-nowrap">{formatDate(d.metOn)}</span>,
    },
  ];
  const historyColumns: Column<HistoryEntry>[] = [
    {
      key: 'at',
      label: t('case.historyAt'),
      render: (h) => <span className="rk-nowrap">{formatDateTime(h.at)}</span>,
    },
    { key: 'event', label: t('case.historyStep'), render: (h) => eventText(t, h.event) },
    {
      key: 'status',
      label: t('case.historyStatus'),
      render: (h) =>
        h.from === null || h.from === h.to ? (
          statusText(t, h.to)
        ) : (
          <>
            {statusText(t, h.from)} <span aria-hidden="true">→</span>
            <span className="rk-visually-hidden"> {t('case.historyTo')}</span> {statusText(t, h.to)}
          </>
        ),
    },
    { key: 'actor', label: t('case.historyActor'), render: (h) => h.actor },
    { key: 'reason', label: t('case.historyReason'), render: (h) => h.reason ?? '' },
  ];
  return (
    <>
      <Details
        items={[
          {
            label: t('case.resident'),
            value: <AppLink href={`/inwoners/${c.residentId}`}>{c.residentName}</AppLink>,
          },
          { label: t('case.bsn'), value: c.residentBsn },
          { label: t('case.law'), value: t(`law.${c.law}`) },
          {
            label: t('case.status'),
            value: (
              <span className="rk-flags">
                <span className="rk-status">{statusText(t, c.status)}</span>
                <CaseFlags urgent={c.urgent} suspended={c.suspended} />
              </span>
            ),
          },
          { label: t('case.team'), value: c.teamName },
          { label: t('case.reportDate'), value: formatDate(c.reportDate) },
        ]}
      />

      <section className="rk-section" aria-labelledby="case-request">
        <Heading2 id="case-request">{t('case.request')}</Heading2>
        <Paragraph className="rk-intent rk-quote">{c.request}</Paragraph>
      </section>

      <section className="rk-section" aria-labelledby="case-deadlines">
        <Heading2 id="case-deadlines">{t('case.deadlines')}</Heading2>
        {c.deadlines.length === 0 ? (
          <Paragraph className="rk-muted">{t('case.noDeadlines')}</Paragraph>
        ) : (
          <DataTable
            caption={t('case.deadlinesCaption', { reference: c.reference })}
            columns={deadlineColumns}
            rows={c.deadlines}
            rowKey={(d) => d.kind}
          />
        )}
      </section>

      <AssessmentSection supportCase={c} state={assessment} />
      <DecisionSection supportCase={c} />
      <EvaluationSection supportCase={c} assessment={assessment} />

      <CaseActions supportCase={c} onUpdated={onUpdated} />

      <section className="rk-section" aria-labelledby="case-history">
        <Heading2 id="case-history">{t('case.history')}</Heading2>
        <DataTable
          caption={t('case.historyCaption', { reference: c.reference })}
          columns={historyColumns}
          rows={c.history}
          rowKey={(h) => `${h.at}-${h.event}`}
        />
      </section>
      <Paragraph className="rk-muted">{t('resident.loggedNotice')}</Paragraph>
    </>
  );
}
