import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useRef } from 'react';
import {
  type CaseDetail,
  type DecisionLineBody,
  missing,
  recordDecision,
  useCase,
  useDecision,
} from '../../api/cases.js';
import { type Code, useReference } from '../../api/reference.js';
import {
  type ProviderSummary,
  type Provision,
  useContractsFor,
  useProviderOptions,
  useProvisionsOfLaw,
} from '../../api/registry.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { apiErrorText } from '../../ui/api-error-text.js';
import { BackLink } from '../../ui/BackLink.js';
import { RadioGroupField, SelectField, TextareaField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { formatDate } from '../../ui/format.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, useNavigate } from '../../ui/router.js';
import { type BoundField, type ClientErrors, type Form, fieldId, useForm } from '../../ui/use-form.js';
import { endNotBeforeStart, isoDate } from '../../ui/validation.js';
import { statusText } from './case-parts.js';
import { DECISION_FORMS, decidable, decisionFormText, FREQUENCY_LIST, frequencyText } from './plan-parts.js';

const REASONING_MAX = 4000;
const LINES_MAX = 50;
const VOLUME_MAX = 1_000_000;

interface LineValues {
  key: string;
  provisionId: string;
  /** 'yes' | 'no' | '' (not chosen yet) */
  granted: string;
  form: string;
  providerId: string;
  contractId: string;
  volume: string;
  frequency: string;
  startDate: string;
  endDate: string;
  reasoning: string;
}

type LinePart = Exclude<keyof LineValues, 'key'>;

interface Values {
  lines: LineValues[];
}

let lineCounter = 0;
function newLine(): LineValues {
  lineCounter += 1;
  return {
    key: `decision-line-${lineCounter}`,
    provisionId: '',
    granted: '',
    form: '',
    providerId: '',
    contractId: '',
    volume: '',
    frequency: '',
    startDate: '',
    endDate: '',
    reasoning: '',
  };
}

/** Which fields of a line apply: a refusal has only its reasoning, a general provision no form or volume. */
function shape(line: LineValues, provision: Provision | undefined) {
  const granted = line.granted === 'yes';
  const tailored = granted && provision?.kind === 'tailored';
  return {
    granted,
    tailored,
    inKind: tailored && line.form === 'in_kind',
  };
}

function validate(v: Values, provisions: ReadonlyMap<string, Provision>): ClientErrors {
  const errors: ClientErrors = {};
  v.lines.forEach((line, index) => {
    const at = (part: LinePart) => `lines.${index}.${part}`;
    const s = shape(line, provisions.get(line.provisionId));
    if (line.provisionId === '') errors[at('provisionId')] = 'validation.lineProvisionRequired';
    if (line.granted === '') errors[at('granted')] = 'validation.grantedRequired';
    if (s.tailored) {
      if (line.form === '') errors[at('form')] = 'validation.decisionFormRequired';
      const volume = line.volume.trim();
      if (!/^[0-9]{1,7}$/.test(volume) || Number(volume) < 1 || Number(volume) > VOLUME_MAX)
        errors[at('volume')] = 'validation.volume';
      if (line.frequency === '') errors[at('frequency')] = 'validation.frequencyRequired';
    }
    if (s.inKind) {
      if (line.providerId === '') errors[at('providerId')] = 'validation.providerRequired';
      if (line.contractId === '') errors[at('contractId')] = 'validation.contractRequired';
    }
    if (s.granted) {
      errors[at('startDate')] = isoDate(line.startDate);
      errors[at('endDate')] =
        line.endDate.trim() === ''
          ? s.tailored && line.frequency === '2'
            ? 'validation.endDateWeekly'
            : undefined
          : (isoDate(line.endDate) ?? endNotBeforeStart(line.startDate.trim(), line.endDate.trim()));
    }
    const reasoning = line.reasoning.trim();
    errors[at('reasoning')] =
      reasoning === ''
        ? 'validation.reasoningRequired'
        : reasoning.length > REASONING_MAX
          ? 'validation.reasoningLength'
          : undefined;
  });
  return errors;
}

/** The line as the API wants it: the fields that do not apply are null, not an empty string. */
function toBody(line: LineValues, provision: Provision | undefined): DecisionLineBody {
  const s = shape(line, provision);
  const form = s.tailored ? (DECISION_FORMS.find((f) => f === line.form) ?? null) : null;
  const frequency = s.tailored ? (FREQUENCY_LIST.find((f) => f === line.frequency) ?? null) : null;
  return {
    provisionId: line.provisionId,
    granted: s.granted,
    form,
    providerId: s.inKind ? line.providerId : null,
    contractId: s.inKind ? line.contractId : null,
    volume: s.tailored ? Number(line.volume.trim()) : null,
    frequency,
    startDate: s.granted ? line.startDate.trim() : null,
    endDate: s.granted && line.endDate.trim() !== '' ? line.endDate.trim() : null,
    reasoning: line.reasoning.trim(),
  };
}

/** Record the decision on a case: per provision granted or refused, with its reasoning. */
export function DecisionFormPage({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const supportCase = useCase(caseId);
  const decision = useDecision(caseId);
  const none = missing(decision);
  const error = supportCase.error ?? (none ? undefined : decision.error);
  const reference = supportCase.data?.reference ?? '';
  const title = t('decision.recordTitle', { reference });
  const ready = supportCase.data && (decision.data || none);
  return (
    <>
      <BackLink href={`/casussen/${caseId}`} label={t('case.titleWithReference', { reference })} />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {!ready && !error ? <Loading /> : null}
      {ready && decision.data ? (
        <>
          <Alert type="info">
            <Paragraph>{t('decision.alreadyDecided')}</Paragraph>
          </Alert>
          <AppButtonLink href={`/casussen/${caseId}`} appearance="secondary-action-button">
            {t('decision.backToCase')}
          </AppButtonLink>
        </>
      ) : null}
      {ready && none && supportCase.data ? <DecisionLoader supportCase={supportCase.data} /> : null}
    </>
  );
}

function DecisionLoader({ supportCase }: { supportCase: CaseDetail }) {
  const provisions = useProvisionsOfLaw(supportCase.law);
  const providers = useProviderOptions();
  // The unit names only explain the volume; without them the form still works.
  const reference = useReference();
  const error = provisions.error ?? providers.error;
  if (error) return <LoadError error={error} />;
  if (!provisions.data || !providers.data) return <Loading />;
  return (
    <DecisionForm
      supportCase={supportCase}
      provisions={provisions.data.items}
      providers={providers.data.items}
      units={reference.data?.units ?? []}
    />
  );
}

function DecisionForm({
  supportCase: c,
  provisions,
  providers,
  units,
}: {
  supportCase: CaseDetail;
  provisions: readonly Provision[];
  providers: readonly ProviderSummary[];
  units: readonly Code[];
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const addButton = useRef<HTMLButtonElement>(null);
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const form = useForm<Values>({ initial: { lines: [newLine()] }, validate: (v) => validate(v, byId) });
  const { lines } = form.values;

  const setLines = (next: LineValues[]) => form.setValue('lines', next);
  const addLine = () => {
    const index = lines.length;
    setLines([...lines, newLine()]);
    requestAnimationFrame(() => document.getElementById(fieldId(`lines.${index}.provisionId`))?.focus());
  };
  const removeLine = (index: number) => {
    setLines(lines.filter((_, i) => i !== index));
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <>
      <Paragraph>{t('decision.intro')}</Paragraph>
      {decidable(c) ? null : (
        <Alert type="warning">
          <Paragraph>
            {t('decision.notDecidable', { status: statusText(t, c.status).toLowerCase() })}
          </Paragraph>
        </Alert>
      )}
      <section className="rk-section" aria-labelledby="decision-request">
        <Heading2 id="decision-request">{t('case.request')}</Heading2>
        <Paragraph className="rk-intent rk-quote">{c.request}</Paragraph>
      </section>
      <FormShell
        form={form}
        submitLabel={t('decision.save')}
        cancelHref={`/casussen/${c.id}`}
        onSubmit={async (v) => {
          const decided = await recordDecision(c.id, {
            lines: v.lines.map((line) => toBody(line, byId.get(line.provisionId))),
          });
          navigate(`/casussen/${c.id}`, {
            flash: t('decision.saved', { reference: c.reference }),
            warnings: decided.notices ?? [],
          });
        }}
      >
        <ol className="rk-decision-lines">
          {lines.map((line, index) => (
            <li key={line.key}>
              <DecisionLineFields
                form={form}
                index={index}
                line={line}
                provisions={provisions}
                providers={providers}
                units={units}
                onRemove={lines.length > 1 ? () => removeLine(index) : undefined}
              />
            </li>
          ))}
        </ol>
        {lines.length < LINES_MAX ? (
          <Button ref={addButton} appearance="secondary-action-button" onClick={addLine}>
            {t('decision.addLine')}
          </Button>
        ) : null}
      </FormShell>
    </>
  );
}

/** One provision of the decision, in its own fieldset; only the fields that apply are shown. */
function DecisionLineFields({
  form,
  index,
  line,
  provisions,
  providers,
  units,
  onRemove,
}: {
  form: Form<Values>;
  index: number;
  line: LineValues;
  provisions: readonly Provision[];
  providers: readonly ProviderSummary[];
  units: readonly Code[];
  onRemove: (() => void) | undefined;
}) {
  const { t, language } = useI18n();
  const provision = provisions.find((p) => p.id === line.provisionId);
  const s = shape(line, provision);
  const contracts = useContractsFor(s.inKind ? line.providerId : '', line.provisionId);
  const legendId = `decision-line-${index}-legend`;

  const update = (change: Partial<LineValues>) =>
    form.setValue(
      'lines',
      form.values.lines.map((l, i) => (i === index ? { ...l, ...change } : l)),
    );

  const bind = (part: LinePart, reset: Partial<LineValues> = {}): BoundField => {
    const name = `lines.${index}.${part}`;
    return {
      id: fieldId(name),
      name,
      value: line[part],
      error: form.errorFor(name),
      onChange: (value) => {
        form.clearServerError(name);
        update({ [part]: value, ...reset });
      },
      onBlur: () => form.touch(name),
    };
  };

  const unit = units.find((u) => u.code === provision?.unit)?.description.toLowerCase();
  const n = index + 1;

  let contractDescription: string;
  if (line.providerId === '') contractDescription = t('decision.contractChooseProvider');
  else if (contracts.error) contractDescription = t('decision.contractsUnavailableShort');
  else if (contracts.loading) contractDescription = t('state.loading');
  else if ((contracts.contracts ?? []).length === 0) contractDescription = t('decision.noContract');
  else contractDescription = t('decision.contractDescription');

  return (
    <Fieldset className="rk-decision-line" aria-labelledby={legendId}>
      <FieldsetLegend id={legendId}>
        {provision
          ? t('decision.lineTitleNamed', { n, name: provision.name })
          : t('decision.lineTitle', { n })}
      </FieldsetLegend>
      <SelectField
        field={bind('provisionId', { contractId: '' })}
        label={t('decision.provision')}
        required
        placeholder={t('form.choose')}
        options={provisions.map((p) => ({
          value: p.id,
          label: `${p.code} – ${p.name} (${t(`kind.${p.kind}`).toLowerCase()})`,
        }))}
      />
      <RadioGroupField
        field={bind('granted')}
        legend={t('decision.granted')}
        required
        inline
        options={[
          { value: 'yes', label: t('decision.grantedYes') },
          { value: 'no', label: t('decision.grantedNo') },
        ]}
      />
      {s.tailored ? (
        <RadioGroupField
          field={bind('form')}
          legend={t('decision.form')}
          description={t('decision.formDescription')}
          required
          inline
          options={DECISION_FORMS.map((f) => ({ value: f, label: decisionFormText(t, f) }))}
        />
      ) : null}
      {s.inKind ? (
        <>
          <SelectField
            field={bind('providerId', { contractId: '' })}
            label={t('decision.provider')}
            required
            placeholder={t('form.choose')}
            options={providers.map((p) => ({ value: p.id, label: p.name }))}
          />
          <SelectField
            field={bind('contractId')}
            label={t('decision.contract')}
            description={contractDescription}
            required
            placeholder={t('form.choose')}
            options={(contracts.contracts ?? []).map((contract) => ({
              value: contract.id,
              label: t('decision.contractOption', {
                reference: contract.reference,
                start: formatDate(contract.startDate),
                end: formatDate(contract.endDate),
              }),
            }))}
          />
          {contracts.error ? (
            <Alert type="warning">
              <Paragraph>
                {t('decision.contractsUnavailable', { reason: apiErrorText(t, language, contracts.error) })}
              </Paragraph>
            </Alert>
          ) : null}
        </>
      ) : null}
      {s.tailored ? (
        <div className="rk-field-row">
          <TextField
            field={bind('volume')}
            label={t('decision.volume')}
            description={
              unit ? t('decision.volumeDescriptionUnit', { unit }) : t('decision.volumeDescription')
            }
            required
            inputMode="numeric"
            size="small"
            autoComplete="off"
          />
          <SelectField
            field={bind('frequency')}
            label={t('decision.frequency')}
            required
            placeholder={t('form.choose')}
            options={FREQUENCY_LIST.map((f) => ({ value: f, label: frequencyText(t, f) }))}
          />
        </div>
      ) : null}
      {s.granted ? (
        <div className="rk-field-row">
          <TextField
            field={bind('startDate')}
            label={t('decision.startDate')}
            type="date"
            required
            size="small"
          />
          <TextField
            field={bind('endDate')}
            label={t('decision.endDate')}
            description={t('decision.endDateDescription')}
            type="date"
            required={s.tailored && line.frequency === '2'}
            size="small"
          />
        </div>
      ) : null}
      <TextareaField
        field={bind('reasoning')}
        label={t('decision.reasoning')}
        description={t(
          line.granted === 'no' ? 'decision.reasoningRefusedDescription' : 'decision.reasoningDescription',
        )}
        required
        rows={3}
      />
      {onRemove ? (
        <Button appearance="subtle-button" hint="danger" className="rk-lines__remove" onClick={onRemove}>
          {t('decision.removeLine', { n })}
        </Button>
      ) : null}
    </Fieldset>
  );
}
