import {
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type AssessmentView, type CaseDetail, missing, type ZrmDomain } from '../../api/cases.js';
import type { ApiState } from '../../api/use-api.js';
import { useText } from '../../i18n/i18n-context.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { Details } from '../../ui/Details.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { EmptyState } from '../../ui/ListParts.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { AppButtonLink } from '../../ui/router.js';
import { ZRM_DOMAIN_LIST, zrmDomainText, zrmScoreText } from './plan-parts.js';

/**
 * The case's assessment (onderzoek): an empty state with the way to record it, or a summary
 * that reads like the plan: life domains, own strength and network, the goals per domain and
 * the ZRM scores at intake.
 */
export function AssessmentSection({
  supportCase: c,
  state,
}: {
  supportCase: CaseDetail;
  state: ApiState<AssessmentView>;
}) {
  const t = useText();
  const writable = c.status !== 'withdrawn';
  const formHref = `/casussen/${c.id}/onderzoek`;
  const none = missing(state);
  return (
    <section className="rk-section rk-keep-words" aria-labelledby="case-assessment">
      <div className="rk-title-row">
        <Heading2 id="case-assessment">{t('assessment.title')}</Heading2>
        {state.data && writable ? (
          <AppButtonLink href={formHref} appearance="secondary-action-button">
            {t('assessment.edit')}
          </AppButtonLink>
        ) : null}
      </div>
      {state.error && !none ? <LoadError error={state.error} /> : null}
      {!state.data && !state.error ? <Loading /> : null}
      {none ? (
        <EmptyState
          message={t(writable ? 'assessment.empty' : 'assessment.emptyClosed')}
          action={writable ? { href: formHref, label: t('assessment.record') } : undefined}
        />
      ) : null}
      {state.data ? <AssessmentSummary assessment={state.data} reference={c.reference} /> : null}
    </section>
  );
}

interface ScoreRow {
  domain: ZrmDomain;
  score: number;
}

function AssessmentSummary({ assessment: a, reference }: { assessment: AssessmentView; reference: string }) {
  const t = useText();
  // Goals grouped per domain, in the ZRM's order.
  const goalDomains = ZRM_DOMAIN_LIST.filter((domain) => a.goals.some((g) => g.domain === domain));
  const scores: ScoreRow[] = ZRM_DOMAIN_LIST.flatMap((domain) => {
    const score = a.zrmIntake[domain];
    return score === undefined ? [] : [{ domain, score }];
  });
  const scoreColumns: Column<ScoreRow>[] = [
    { key: 'domain', label: t('assessment.domain'), render: (r) => zrmDomainText(t, r.domain) },
    { key: 'score', label: t('assessment.score'), render: (r) => zrmScoreText(t, r.score) },
  ];
  return (
    <>
      <Details
        items={[
          {
            label: t('assessment.lifeDomains'),
            value: a.lifeDomains.map((d) => zrmDomainText(t, d)).join(', '),
          },
          { label: t('assessment.selfReliance'), value: <span className="rk-intent">{a.selfReliance}</span> },
          { label: t('assessment.network'), value: <span className="rk-intent">{a.network}</span> },
          { label: t('assessment.plannedEvaluationDate'), value: formatDate(a.plannedEvaluationDate) },
          {
            label: t('assessment.recorded'),
            value: t('assessment.recordedBy', { name: a.recordedBy, at: formatDateTime(a.recordedAt) }),
          },
        ]}
      />
      <div className="rk-split">
        <section className="rk-section" aria-labelledby="assessment-goals">
          <Heading3 id="assessment-goals">{t('assessment.goals')}</Heading3>
          {goalDomains.length === 0 ? (
            <Paragraph className="rk-muted">{t('assessment.noGoals')}</Paragraph>
          ) : null}
          <UnorderedList className="rk-goals">
            {goalDomains.map((domain) => (
              <UnorderedListItem key={domain}>
                <span className="rk-goals__domain">{zrmDomainText(t, domain)}</span>
                <UnorderedList>
                  {a.goals
                    .filter((g) => g.domain === domain)
                    .map((g) => (
                      <UnorderedListItem key={g.id}>{g.description}</UnorderedListItem>
                    ))}
                </UnorderedList>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
        <section className="rk-section" aria-labelledby="assessment-zrm">
          <Heading3 id="assessment-zrm">{t('assessment.zrmIntake')}</Heading3>
          {scores.length === 0 ? (
            <Paragraph className="rk-muted">{t('assessment.noScores')}</Paragraph>
          ) : (
            <DataTable
              caption={t('assessment.zrmCaption', { reference })}
              columns={scoreColumns}
              rows={scores}
              rowKey={(r) => r.domain}
            />
          )}
        </section>
      </div>
    </>
  );
}
