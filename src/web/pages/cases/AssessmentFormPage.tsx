import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useRef } from 'react';
import {
  type AssessmentBody,
  type AssessmentView,
  type CaseDetail,
  missing,
  saveAssessment,
  useAssessment,
  useCase,
  type ZrmDomain,
  type ZrmScore,
} from '../../api/cases.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { CheckboxGroupField, SelectField, TextareaField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { type BoundField, type ClientErrors, fieldId, useForm } from '../../ui/use-form.js';
import { isoDate } from '../../ui/validation.js';
import { isZrmDomain, parseZrmScore, ZRM_DOMAIN_LIST, zrmDomainText, zrmScoreOptions } from './plan-parts.js';

/** The server's limits (assessment-schema.ts). */
const TEXT_MAX = 4000;
const GOAL_MAX = 1000;
const GOALS_MAX = 20;

interface GoalValues {
  key: string;
  /** The stored goal's id, so an evaluation keeps pointing at it after a rewrite. */
  id: string | null;
  domain: string;
  description: string;
}

interface Values {
  lifeDomains: string[];
  selfReliance: string;
  network: string;
  goals: GoalValues[];
  /** Per domain '1'..'5', or '' when not chosen yet. */
  zrmIntake: Record<string, string>;
  plannedEvaluationDate: string;
}

let goalCounter = 0;
function newGoal(domain = '', description = '', id: string | null = null): GoalValues {
  goalCounter += 1;
  return { key: `goal-${goalCounter}`, id, domain, description };
}

/** Record or rewrite the assessment of a case: the kitchen-table talk, its plan and the ZRM at intake. */
export function AssessmentFormPage({ caseId }: { caseId: string }) {
  const t = useText();
  const supportCase = useCase(caseId);
  const assessment = useAssessment(caseId);
  const none = missing(assessment);
  const error = supportCase.error ?? (none ? undefined : assessment.error);
  const reference = supportCase.data?.reference ?? '';
  const title = t(assessment.data ? 'assessment.editTitle' : 'assessment.recordTitle', { reference });
  const ready = supportCase.data && (assessment.data || none);
  return (
    <>
      <BackLink href={`/casussen/${caseId}`} label={t('case.titleWithReference', { reference })} />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {!ready && !error ? <Loading /> : null}
      {ready && supportCase.data ? (
        <AssessmentForm supportCase={supportCase.data} assessment={assessment.data} />
      ) : null}
    </>
  );
}

function validate(v: Values, reportDate: string): ClientErrors {
  const text = (
    value: string,
    requiredKey: 'validation.selfRelianceRequired' | 'validation.networkRequired',
  ) =>
    value.trim() === '' ? requiredKey : value.trim().length > TEXT_MAX ? 'validation.textLength' : undefined;
  const errors: ClientErrors = {
    lifeDomains: v.lifeDomains.length === 0 ? 'validation.lifeDomainsRequired' : undefined,
    selfReliance: text(v.selfReliance, 'validation.selfRelianceRequired'),
    network: text(v.network, 'validation.networkRequired'),
    goals:
      v.goals.length === 0
        ? 'validation.goalsRequired'
        : v.goals.length > GOALS_MAX
          ? 'validation.goalsMax'
          : undefined,
    plannedEvaluationDate:
      isoDate(v.plannedEvaluationDate) ??
      (v.plannedEvaluationDate.trim() < reportDate ? 'validation.evaluationBeforeReport' : undefined),
  };
  v.goals.forEach((goal, index) => {
    errors[`goals.${index}.domain`] =
      goal.domain === ''
        ? 'validation.goalDomainRequired'
        : v.lifeDomains.includes(goal.domain)
          ? undefined
          : 'validation.goalDomainNotChosen';
    const description = goal.description.trim();
    errors[`goals.${index}.description`] =
      description === ''
        ? 'validation.goalDescriptionRequired'
        : description.length > GOAL_MAX
          ? 'validation.goalDescriptionLength'
          : undefined;
  });
  for (const domain of v.lifeDomains) {
    if (!parseZrmScore(v.zrmIntake[domain] ?? ''))
      errors[`zrmIntake.${domain}`] = 'validation.zrmScoreRequired';
  }
  return errors;
}

function initialValues(assessment: AssessmentView | undefined): Values {
  if (!assessment) {
    return {
      lifeDomains: [],
      selfReliance: '',
      network: '',
      goals: [newGoal()],
      zrmIntake: {},
      plannedEvaluationDate: '',
    };
  }
  return {
    lifeDomains: [...assessment.lifeDomains],
    selfReliance: assessment.selfReliance,
    network: assessment.network,
    goals: assessment.goals.map((g) => newGoal(g.domain, g.description, g.id)),
    zrmIntake: Object.fromEntries(Object.entries(assessment.zrmIntake).map(([d, s]) => [d, String(s)])),
    plannedEvaluationDate: assessment.plannedEvaluationDate,
  };
}

function AssessmentForm({
  supportCase: c,
  assessment,
}: {
  supportCase: CaseDetail;
  assessment: AssessmentView | undefined;
}) {
  const t = useText();
  const navigate = useNavigate();
  const addButton = useRef<HTMLButtonElement>(null);
  const form = useForm<Values>({
    initial: initialValues(assessment),
    validate: (v) => validate(v, c.reportDate),
  });
  const { values } = form;
  const chosen = ZRM_DOMAIN_LIST.filter((d) => values.lifeDomains.includes(d));

  const setGoals = (goals: GoalValues[]) => form.setValue('goals', goals);
  const addGoal = () => {
    const index = values.goals.length;
    // With one life domain the goal can only be about that one.
    setGoals([...values.goals, newGoal(chosen.length === 1 ? chosen[0] : '')]);
    requestAnimationFrame(() => document.getElementById(fieldId(`goals.${index}.domain`))?.focus());
  };
  const removeGoal = (index: number) => {
    setGoals(values.goals.filter((_, i) => i !== index));
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const goalField = (index: number, part: 'domain' | 'description'): BoundField => {
    const name = `goals.${index}.${part}`;
    const goal = values.goals[index];
    return {
      id: fieldId(name),
      name,
      value: goal?.[part] ?? '',
      error: form.errorFor(name),
      onChange: (value) => {
        form.clearServerError(name);
        setGoals(values.goals.map((g, i) => (i === index ? { ...g, [part]: value } : g)));
      },
      onBlur: () => form.touch(name),
    };
  };

  const scoreField = (domain: ZrmDomain): BoundField => {
    const name = `zrmIntake.${domain}`;
    return {
      id: fieldId(name),
      name,
      value: values.zrmIntake[domain] ?? '',
      error: form.errorFor(name),
      onChange: (value) => {
        form.clearServerError(name);
        form.setValue('zrmIntake', { ...values.zrmIntake, [domain]: value });
      },
      onBlur: () => form.touch(name),
    };
  };

  const domainOptions = (selected: string) =>
    ZRM_DOMAIN_LIST.filter((d) => values.lifeDomains.includes(d) || d === selected).map((d) => ({
      value: d,
      label: zrmDomainText(t, d),
    }));

  const goalsError = form.errorFor('goals');

  return (
    <>
      <Paragraph>{t('assessment.intro')}</Paragraph>
      <section className="rk-section" aria-labelledby="assessment-request">
        <Heading2 id="assessment-request">{t('case.request')}</Heading2>
        <Paragraph className="rk-intent rk-quote">{c.request}</Paragraph>
      </section>
      <FormShell
        form={form}
        submitLabel={t('assessment.save')}
        cancelHref={`/casussen/${c.id}`}
        onSubmit={async (v) => {
          const lifeDomains = ZRM_DOMAIN_LIST.filter((d) => v.lifeDomains.includes(d));
          const zrmIntake: Partial<Record<ZrmDomain, ZrmScore>> = {};
          for (const domain of lifeDomains) {
            const score = parseZrmScore(v.zrmIntake[domain] ?? '');
            if (score) zrmIntake[domain] = score;
          }
          const body: AssessmentBody = {
            lifeDomains,
            selfReliance: v.selfReliance.trim(),
            network: v.network.trim(),
            goals: v.goals.flatMap((g) =>
              isZrmDomain(g.domain)
                ? [{ ...(g.id ? { id: g.id } : {}), domain: g.domain, description: g.description.trim() }]
                : [],
            ),
            zrmIntake,
            plannedEvaluationDate: v.plannedEvaluationDate.trim(),
          };
          await saveAssessment(c.id, body);
          navigate(`/casussen/${c.id}`, { flash: t('assessment.saved', { reference: c.reference }) });
        }}
      >
        <CheckboxGroupField
          id={fieldId('lifeDomains')}
          name="lifeDomains"
          legend={t('assessment.lifeDomains')}
          description={t('assessment.lifeDomainsDescription')}
          error={form.errorFor('lifeDomains')}
          required
          columns
          options={ZRM_DOMAIN_LIST.map((d) => ({ value: d, label: zrmDomainText(t, d) }))}
          selected={values.lifeDomains}
          onChange={(selected) => {
            form.clearServerError('lifeDomains');
            form.setValue('lifeDomains', selected);
            form.touch('lifeDomains');
          }}
        />
        <TextareaField
          field={form.bind('selfReliance')}
          label={t('assessment.selfReliance')}
          description={t('assessment.selfRelianceDescription')}
          required
          rows={4}
        />
        <TextareaField
          field={form.bind('network')}
          label={t('assessment.network')}
          description={t('assessment.networkDescription')}
          required
          rows={4}
        />

        <Fieldset
          id={fieldId('goals')}
          invalid={Boolean(goalsError)}
          className="rk-lines"
          aria-describedby={`goals-description${goalsError ? ' goals-error' : ''}`}
        >
          <FieldsetLegend>{t('assessment.goals')}</FieldsetLegend>
          <FormFieldDescription id="goals-description">
            {t('assessment.goalsDescription')}
          </FormFieldDescription>
          {goalsError ? <FormFieldErrorMessage id="goals-error">{goalsError}</FormFieldErrorMessage> : null}
          <ol className="rk-lines__list">
            {values.goals.map((goal, index) => (
              <li key={goal.key} className="rk-lines__line rk-lines__line--goal">
                <SelectField
                  field={goalField(index, 'domain')}
                  label={t('assessment.goalDomainNumbered', { n: index + 1 })}
                  required
                  placeholder={chosen.length === 0 ? t('assessment.chooseDomainsFirst') : t('form.choose')}
                  options={domainOptions(goal.domain)}
                />
                <TextareaField
                  field={goalField(index, 'description')}
                  label={t('assessment.goalDescriptionNumbered', { n: index + 1 })}
                  required
                  rows={2}
                />
                <Button
                  appearance="subtle-button"
                  hint="danger"
                  className="rk-lines__remove"
                  onClick={() => removeGoal(index)}
                >
                  {t('assessment.removeGoal', { n: index + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          {values.goals.length < GOALS_MAX ? (
            <Button ref={addButton} appearance="secondary-action-button" onClick={addGoal}>
              {t('assessment.addGoal')}
            </Button>
          ) : null}
        </Fieldset>

        <Fieldset className="rk-lines" aria-describedby="zrm-description">
          <FieldsetLegend>{t('assessment.zrmIntake')}</FieldsetLegend>
          <FormFieldDescription id="zrm-description">{t('assessment.zrmDescription')}</FormFieldDescription>
          {chosen.length === 0 ? (
            <Paragraph className="rk-muted">{t('assessment.zrmNoDomains')}</Paragraph>
          ) : (
            <div className="rk-zrm-grid">
              {chosen.map((domain) => (
                <SelectField
                  key={domain}
                  field={scoreField(domain)}
                  label={zrmDomainText(t, domain)}
                  required
                  placeholder={t('form.choose')}
                  options={zrmScoreOptions(t)}
                />
              ))}
            </div>
          )}
        </Fieldset>

        <TextField
          field={form.bind('plannedEvaluationDate')}
          label={t('assessment.plannedEvaluationDate')}
          description={t('assessment.plannedEvaluationDescription')}
          type="date"
          required
          size="small"
        />
      </FormShell>
    </>
  );
}
