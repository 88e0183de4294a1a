import {
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  type AssessmentView,
  type CaseDetail,
  type EvaluationView,
  useEvaluations,
  type ZrmDomain,
} from '../../api/cases.js';
import type { ApiState } from '../../api/use-api.js';
import { useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { EmptyState } from '../../ui/ListParts.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { AppButtonLink } from '../../ui/router.js';
import { CompensationBadge, ZRM_DOMAIN_LIST, zrmDomainText, zrmScoreText } from './plan-parts.js';

/** Whether an evaluation can be recorded, and if not, why (the server's own conditions). */
function blocker(c: CaseDetail, assessment: ApiState<AssessmentView>): TextKey | undefined {
  if (c.status !== 'decided') return 'evaluation.notDecided';
  if (!assessment.data) return 'evaluation.noAssessment';
  return undefined;
}

/** The evaluations of the case, newest first, each with its derived outcome and the reasons. */
export function EvaluationSection({
  supportCase: c,
  assessment,
}: {
  supportCase: CaseDetail;
  assessment: ApiState<AssessmentView>;
}) {
  const t = useText();
  const state = useEvaluations(c.id);
  const reason = blocker(c, assessment);
  const formHref = `/casussen/${c.id}/evaluatie`;
  const evaluations = [...(state.data?.items ?? [])].reverse();
  const planned = assessment.data?.plannedEvaluationDate;
  return (
    <section className="rk-section rk-keep-words" aria-labelledby="case-evaluations">
      <div className="rk-title-row">
        <Heading2 id="case-evaluations">{t('evaluation.title')}</Heading2>
        {!reason && evaluations.length > 0 ? (
          <AppButtonLink href={formHref} appearance="secondary-action-button">
            {t('evaluation.record')}
          </AppButtonLink>
        ) : null}
      </div>
      {planned ? <Paragraph>{t('evaluation.planned', { date: formatDate(planned) })}</Paragraph> : null}
      {state.error ? <LoadError error={state.error} /> : null}
      {!state.data && !state.error ? <Loading /> : null}
      {state.data && evaluations.length === 0 ? (
        <EmptyState
          message={t(reason ?? 'evaluation.empty')}
          action={reason ? undefined : { href: formHref, label: t('evaluation.record') }}
        />
      ) : null}
      {evaluations.map((evaluation) => (
        <EvaluationCard
          key={evaluation.id}
          evaluation={evaluation}
          intake={assessment.data?.zrmIntake}
          reference={c.reference}
        />
      ))}
    </section>
  );
}

interface ScoreRow {
  domain: ZrmDomain;
  intake: number | undefined;
  evaluation: number;
}

function EvaluationCard({
  evaluation: e,
  intake,
  reference,
}: {
  evaluation: EvaluationView;
  intake: Record<string, number> | undefined;
  reference: string;
}) {
  const t = useText();
  const headingId = `evaluation-${e.id}`;
  const rows: ScoreRow[] = ZRM_DOMAIN_LIST.flatMap((domain) => {
    const score = e.zrm[domain];
    return score === undefined ? [] : [{ domain, intake: intake?.[domain], evaluation: score }];
  });
  const columns: Column<ScoreRow>[] = [
    { key: 'domain', label: t('assessment.domain'), render: (r) => zrmDomainText(t, r.domain) },
    { key: 'intake', label: t('evaluation.intakeScore'), render: (r) => zrmScoreText(t, r.intake) },
    { key: 'evaluation', label: t('evaluation.newScore'), render: (r) => zrmScoreText(t, r.evaluation) },
  ];
  return (
    <article className="rk-evaluation" aria-labelledby={headingId}>
      <div className="rk-evaluation__head">
        <Heading3 id={headingId}>{t('evaluation.of', { date: formatDate(e.evaluatedOn) })}</Heading3>
        <CompensationBadge outcome={e.outcome} />
      </div>
      <UnorderedList className="rk-evaluation__explanation">
        {e.explanation.map((sentence) => (
          <UnorderedListItem key={sentence}>{sentence}</UnorderedListItem>
        ))}
      </UnorderedList>
      {rows.length > 0 ? (
        <DataTable
          caption={t('evaluation.zrmCaption', { reference, date: formatDate(e.evaluatedOn) })}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.domain}
        />
      ) : null}
      <Paragraph className="rk-muted rk-small">
        {t('evaluation.recordedBy', { name: e.recordedBy, at: formatDateTime(e.recordedAt) })}
      </Paragraph>
    </article>
  );
}
