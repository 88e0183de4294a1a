import {
  Alert,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  Paragraph,
} from '@utrecht/component-library-react';
import { todayInNetherlands } from '../../../shared/identifiers.js';
import {
  type AssessmentView,
  type CaseDetail,
  type EvaluationBody,
  type GoalAttainment,
  missing,
  recordEvaluation,
  useAssessment,
  useCase,
  type ZrmDomain,
  type ZrmScore,
} from '../../api/cases.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { RadioGroupField, SelectField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { formatDate } from '../../ui/format.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { type BoundField, type ClientErrors, fieldId, useForm } from '../../ui/use-form.js';
import { isoDate } from '../../ui/validation.js';
import {
  attainmentText,
  GOAL_ATTAINMENT_LIST,
  parseZrmScore,
  ZRM_DOMAIN_LIST,
  zrmDomainText,
  zrmScoreOptions,
  zrmScoreText,
} from './plan-parts.js';

interface Values {
  evaluatedOn: string;
  /** Per goal (in plan order) 'yes' | 'partly' | 'no' | ''. */
  attained: string[];
  /** Per domain '1'..'5' or ''. */
  zrm: Record<string, string>;
}

/** Record an evaluation: per goal whether it was attained, and the ZRM scores now. */
export function EvaluationFormPage({ caseId }: { caseId: string }) {
  const t = useText();
  const supportCase = useCase(caseId);
  const assessment = useAssessment(caseId);
  const none = missing(assessment);
  const error = supportCase.error ?? (none ? undefined : assessment.error);
  const reference = supportCase.data?.reference ?? '';
  const title = t('evaluation.recordTitle', { reference });
  const ready = supportCase.data && (assessment.data || none);
  return (
    <>
      <BackLink href={`/casussen/${caseId}`} label={t('case.titleWithReference', { reference })} />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {!ready && !error ? <Loading /> : null}
      {ready && none ? (
        <Alert type="warning">
          <Paragraph>{t('evaluation.noAssessment')}</Paragraph>
        </Alert>
      ) : null}
      {ready && supportCase.data && assessment.data ? (
        <EvaluationForm supportCase={supportCase.data} assessment={assessment.data} />
      ) : null}
    </>
  );
}

function EvaluationForm({
  supportCase: c,
  assessment: a,
}: {
  supportCase: CaseDetail;
  assessment: AssessmentView;
}) {
  const t = useText();
  const navigate = useNavigate();
  const today = todayInNetherlands();
  const domains = ZRM_DOMAIN_LIST.filter((d) => a.zrmIntake[d] !== undefined);
  const goalDomains = new Set<string>(a.goals.map((g) => g.domain));
  const form = useForm<Values>({
    initial: { evaluatedOn: today, attained: a.goals.map(() => ''), zrm: {} },
    validate: (v): ClientErrors => {
      const errors: ClientErrors = {
        evaluatedOn:
          isoDate(v.evaluatedOn) ??
          (v.evaluatedOn.trim() > today ? 'validation.evaluationFuture' : undefined),
      };
      v.attained.forEach((value, index) => {
        errors[`goalAttainment.${index}.attained`] =
          value === '' ? 'validation.attainmentRequired' : undefined;
      });
      for (const domain of goalDomains) {
        if (!parseZrmScore(v.zrm[domain] ?? '')) errors[`zrm.${domain}`] = 'validation.zrmScoreRequired';
      }
      return errors;
    },
  });
  const { values } = form;

  const attainedField = (index: number): BoundField => {
    const name = `goalAttainment.${index}.attained`;
    return {
      id: fieldId(name),
      name,
      value: values.attained[index] ?? '',
      error: form.errorFor(name),
      onChange: (value) => {
        form.clearServerError(name);
        form.setValue(
          'attained',
          values.attained.map((v, i) => (i === index ? value : v)),
        );
      },
      onBlur: () => form.touch(name),
    };
  };

  const scoreField = (domain: ZrmDomain): BoundField => {
    const name = `zrm.${domain}`;
    return {
      id: fieldId(name),
      name,
      value: values.zrm[domain] ?? '',
      error: form.errorFor(name),
      onChange: (value) => {
        form.clearServerError(name);
        form.setValue('zrm', { ...values.zrm, [domain]: value });
      },
      onBlur: () => form.touch(name),
    };
  };

  return (
    <>
      <Paragraph>{t('evaluation.intro')}</Paragraph>
      <FormShell
        form={form}
        submitLabel={t('evaluation.save')}
        cancelHref={`/casussen/${c.id}`}
        onSubmit={async (v) => {
          const zrm: Partial<Record<ZrmDomain, ZrmScore>> = {};
          for (const domain of domains) {
            const score = parseZrmScore(v.zrm[domain] ?? '');
            if (score) zrm[domain] = score;
          }
          const body: EvaluationBody = {
            evaluatedOn: v.evaluatedOn.trim(),
            goalAttainment: a.goals.flatMap((goal, index) => {
              const attained = GOAL_ATTAINMENT_LIST.find((g): g is GoalAttainment => g === v.attained[index]);
              return attained ? [{ goalId: goal.id, attained }] : [];
            }),
            zrm,
          };
          const saved = await recordEvaluation(c.id, body);
          navigate(`/casussen/${c.id}`, {
            flash: t('evaluation.saved', { outcome: t(`compensation.${saved.outcome}`).toLowerCase() }),
          });
        }}
      >
        <TextField
          field={form.bind('evaluatedOn')}
          label={t('evaluation.evaluatedOn')}
          description={t('evaluation.evaluatedOnDescription', {
            planned: formatDate(a.plannedEvaluationDate),
          })}
          type="date"
          required
          size="small"
        />
        <Fieldset className="rk-lines" aria-describedby="goals-attained-description">
          <FieldsetLegend>{t('evaluation.goals')}</FieldsetLegend>
          <FormFieldDescription id="goals-attained-description">
            {t('evaluation.goalsDescription')}
          </FormFieldDescription>
          <ol className="rk-lines__list">
            {a.goals.map((goal, index) => (
              <li key={goal.id} className="rk-lines__line rk-lines__line--single">
                <RadioGroupField
                  field={attainedField(index)}
                  legend={t('evaluation.goalLegend', {
                    n: index + 1,
                    domain: zrmDomainText(t, goal.domain),
                    description: goal.description,
                  })}
                  required
                  inline
                  options={GOAL_ATTAINMENT_LIST.map((g) => ({ value: g, label: attainmentText(t, g) }))}
                />
              </li>
            ))}
          </ol>
        </Fieldset>
        <Fieldset className="rk-lines" aria-describedby="zrm-now-description">
          <FieldsetLegend>{t('evaluation.zrm')}</FieldsetLegend>
          <FormFieldDescription id="zrm-now-description">
            {t('evaluation.zrmDescription')}
          </FormFieldDescription>
          <div className="rk-zrm-grid">
            {domains.map((domain) => (
              <SelectField
                key={domain}
                field={scoreField(domain)}
                label={zrmDomainText(t, domain)}
                description={t('evaluation.atIntake', { score: zrmScoreText(t, a.zrmIntake[domain]) })}
                required={goalDomains.has(domain)}
                placeholder={t('form.choose')}
                options={zrmScoreOptions(t)}
              />
            ))}
          </div>
        </Fieldset>
      </FormShell>
    </>
  );
}
