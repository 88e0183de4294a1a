import { Heading2, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import {
  type CaseSummary,
  type DueEvaluation,
  teamsOf,
  useEvaluationsDue,
  useTeams,
  useWorklist,
} from '../../api/cases.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { formatDate } from '../../ui/format.js';
import { EmptyState, type FilterField, FilterForm } from '../../ui/ListParts.js';
import { LoadError, Loading, SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppLink, useFlash } from '../../ui/router.js';
import { PAGE_SIZE, pageNumber, useListParams } from '../../ui/use-list-params.js';
import { caseColumns } from './case-parts.js';

/**
 * The case worker's worklist: the open cases of his teams, the most urgent deadline first (the
 * server's order). Filter by team and "only what needs attention"; no CSV export, because every
 * row is personal data.
 */
export function WorklistPage() {
  const t = useText();
  const account = useAccount();
  const flash = useFlash();
  const list = useListParams(['team', 'aandacht', 'evaluatiepagina']);
  const teamsState = useTeams();
  const myTeams = teamsOf(teamsState.data?.items, account.id);
  const teamId = myTeams.some((team) => team.id === list.extra.team) ? (list.extra.team ?? '') : '';
  const attention = list.extra.aandacht === 'true';
  const ready = teamsState.data !== undefined && myTeams.length > 0;
  const state = useWorklist({ teamId, attention }, list.paging, ready);
  const duePage = pageNumber(list.extra.evaluatiepagina);
  const due = useEvaluationsDue(teamId, { limit: PAGE_SIZE, offset: (duePage - 1) * PAGE_SIZE }, ready);

  // In the server's order (most urgent first): sorting one page of many would mislead.
  const columns = caseColumns<CaseSummary>(
    t,
    ['reference', 'resident', 'law', 'status', 'team', 'deadline', 'flags'],
    false,
  );

  const fields: FilterField[] = [
    ...(myTeams.length > 1
      ? [
          {
            name: 'team',
            label: t('worklist.team'),
            kind: 'select' as const,
            allLabel: t('worklist.allTeams'),
            options: myTeams.map((team) => ({ value: team.id, label: team.name })),
          },
        ]
      : []),
    {
      name: 'aandacht',
      label: t('worklist.attention'),
      kind: 'checkbox',
      description: t('worklist.attentionDescription'),
    },
  ];

  const noTeam = teamsState.data !== undefined && myTeams.length === 0;

  return (
    <>
      <SavedMessage message={flash} />
      <PageTitle>{t('worklist.title')}</PageTitle>
      <Paragraph>{t('worklist.intro')}</Paragraph>
      {teamsState.error ? <LoadError error={teamsState.error} /> : null}
      {!teamsState.data && !teamsState.error ? <Loading /> : null}
      {noTeam ? <EmptyState message={t('worklist.noTeam')} /> : null}
      {teamsState.data && !noTeam ? (
        <>
          <FilterForm
            // A new key when the address changes (Back), so the form shows the filter in use.
            key={`${teamId}|${attention}`}
            label={t('worklist.filterLabel')}
            fields={fields}
            values={{ team: teamId, aandacht: attention ? 'true' : '' }}
            onApply={(values) =>
              list.setFilter({
                team: values.team ?? '',
                aandacht: values.aandacht ?? '',
                evaluatiepagina: '',
              })
            }
          />
          <ListResults
            state={state}
            caption={t('worklist.caption')}
            columns={columns}
            rowKey={(c) => c.id}
            count={{ one: t('worklist.countOne'), many: t('worklist.countMany') }}
            empty={
              attention
                ? { message: t('worklist.emptyAttention') }
                : {
                    message: t('worklist.empty'),
                    action: { href: '/inwoners', label: t('worklist.findResident') },
                  }
            }
            page={list.page}
            onPage={list.setPage}
          />
          <DueEvaluations
            state={due}
            page={duePage}
            onPage={(next) => list.setExtra({ evaluatiepagina: next > 1 ? String(next) : '' })}
          />
        </>
      ) : null}
    </>
  );
}

/** Decided cases whose evaluation is planned within 14 days or overdue (the server's selection and order). */
function DueEvaluations({
  state,
  page,
  onPage,
}: {
  state: ReturnType<typeof useEvaluationsDue>;
  page: number;
  onPage: (page: number) => void;
}) {
  const t = useText();
  // In the server's order (earliest planned date first), like the worklist.
  const columns: Column<DueEvaluation>[] = [
    {
      key: 'reference',
      label: t('case.reference'),
      render: (d) => (
        <AppLink href={`/casussen/${d.caseId}`} className="rk-nowrap">
          {d.reference}
        </AppLink>
      ),
    },
    { key: 'resident', label: t('case.resident'), render: (d) => d.residentName },
    {
      key: 'planned',
      label: t('dueEvaluations.planned'),
      render: (d) => <span className="rk-nowrap">{formatDate(d.plannedEvaluationDate)}</span>,
    },
    {
      key: 'overdue',
      label: t('case.deadlineStatus'),
      render: (d) =>
        d.overdue ? (
          <StatusBadge status="danger" className="rk-badge rk-badge--overdue">
            {t('deadlineStatus.overdue')}
          </StatusBadge>
        ) : (
          <StatusBadge status="warning" className="rk-badge rk-badge--due_soon">
            {t('deadlineStatus.due_soon')}
          </StatusBadge>
        ),
    },
  ];
  return (
    <section className="rk-section" aria-labelledby="due-evaluations">
      <Heading2 id="due-evaluations">{t('dueEvaluations.title')}</Heading2>
      <Paragraph>{t('dueEvaluations.intro')}</Paragraph>
      <ListResults
        state={state}
        caption={t('dueEvaluations.caption')}
        columns={columns}
        rowKey={(d) => d.caseId}
        count={{ one: t('dueEvaluations.countOne'), many: t('dueEvaluations.countMany') }}
        empty={{ message: t('dueEvaluations.empty') }}
        page={page}
        onPage={onPage}
      />
    </section>
  );
}
