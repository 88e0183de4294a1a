import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  Paragraph,
} from '@utrecht/component-library-react';
import { useRef } from 'react';
import { EFFORT_UNITS, OUTPUT_UNITS } from '../../../shared/istandaard-codes.js';
import { useReference } from '../../api/reference.js';
import {
  type ContractDetail,
  FINANCING_VARIANTS,
  KPI_INDICATORS,
  type KpiIndicator,
  type Provision,
  saveContract,
  useContract,
  useProviderOptions,
  useTailoredProvisions,
} from '../../api/registry.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { type Option, SelectField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { centsToInput, parseEuroCents } from '../../ui/format.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useLocation, useNavigate } from '../../ui/router.js';
import { type BoundField, type ClientErrors, fieldId, useForm } from '../../ui/use-form.js';
import { endNotBeforeStart, euroAmount, isoDate, required } from '../../ui/validation.js';

interface LineValues {
  key: string;
  provisionId: string;
  tariff: string;
}

/** A contract's performance agreements: one optional target per indicator of the provider monitor. */
type KpiValues = Record<KpiIndicator, string>;
const NO_KPIS: KpiValues = {
  median_days_to_start: '',
  never_started_share: '',
  delivery_rate: '',
  rejected_services_share: '',
  late_reports_share: '',
};

interface Values {
  kpis: KpiValues;
  providerId: string;
  reference: string;
  financingVariant: string;
  startDate: string;
  endDate: string;
  budgetCeiling: string;
  lines: LineValues[];
}

let lineCounter = 0;
function newLine(provisionId = '', tariff = ''): LineValues {
  lineCounter += 1;
  return { key: `line-${lineCounter}`, provisionId, tariff };
}

export function ContractFormPage({ id }: { id: string | null }) {
  const t = useText();
  const { data, error } = useContract(id);
  const title =
    id === null ? t('contracts.new') : t('contract.editTitle', { reference: data?.reference ?? '' });
  return (
    <>
      <BackLink
        href={id === null ? '/contracten' : `/contracten/${id}`}
        label={
          id === null
            ? t('contracts.title')
            : t('contract.titleWithReference', { reference: data?.reference ?? '' })
        }
      />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {id !== null && !data && !error ? <Loading /> : null}
      {id === null || data ? <ContractForm id={id} contract={data} /> : null}
    </>
  );
}

function validate(v: Values): ClientErrors {
  const errors: ClientErrors = {
    providerId: v.providerId === '' ? 'validation.providerRequired' : undefined,
    reference:
      required(v.reference) ?? (v.reference.trim().length > 50 ? 'validation.referenceLength' : undefined),
    financingVariant: v.financingVariant === '' ? 'validation.variantRequired' : undefined,
    startDate: isoDate(v.startDate),
    endDate: isoDate(v.endDate) ?? endNotBeforeStart(v.startDate, v.endDate),
    budgetCeiling:
      v.financingVariant === 'task' && v.budgetCeiling.trim() === ''
        ? 'validation.budgetRequiredForTask'
        : euroAmount(v.budgetCeiling, { optional: true }),
    lines: v.lines.length === 0 ? 'validation.linesRequired' : undefined,
  };
  for (const indicator of KPI_INDICATORS) {
    const text = v.kpis[indicator].trim();
    if (text === '') continue;
    const target = Number(text.replace(',', '.'));
    const max = indicator === 'median_days_to_start' ? 365 : 100;
    if (!Number.isFinite(target) || target < 0 || target > max) {
      errors[`kpis.${indicator}`] =
        indicator === 'median_days_to_start' ? 'validation.kpiDays' : 'validation.kpiPercentage';
    }
  }
  const seen = new Set<string>();
  v.lines.forEach((line, index) => {
    if (line.provisionId === '') errors[`lines.${index}.provisionId`] = 'validation.lineProvisionRequired';
    else if (seen.has(line.provisionId)) errors[`lines.${index}.provisionId`] = 'validation.lineDuplicate';
    seen.add(line.provisionId);
    errors[`lines.${index}.tariffCents`] = euroAmount(line.tariff, {
      positive: v.financingVariant !== 'task',
    });
  });
  return errors;
}

/** The provisions a financing variant can buy: effort needs a time or effort unit, output pieces or euros. */
function fitsVariant(provision: Provision, variant: string): boolean {
  if (variant === 'effort') return EFFORT_UNITS.includes(provision.unit ?? '');
  if (variant === 'output') return OUTPUT_UNITS.includes(provision.unit ?? '');
  return true;
}

function ContractForm({ id, contract }: { id: string | null; contract: ContractDetail | undefined }) {
  const t = useText();
  const navigate = useNavigate();
  const { search } = useLocation();
  const { data: providers } = useProviderOptions();
  const { data: provisions } = useTailoredProvisions();
  const { data: reference } = useReference();
  const addButton = useRef<HTMLButtonElement>(null);
  const form = useForm<Values>({
    initial: {
      providerId: contract?.providerId ?? search.get('aanbieder') ?? '',
      reference: contract?.reference ?? '',
      financingVariant: contract?.financingVariant ?? '',
      startDate: contract?.startDate ?? '',
      endDate: contract?.endDate ?? '',
      budgetCeiling: centsToInput(contract?.budgetCeilingCents),
      lines: contract
        ? contract.lines.map((l) => newLine(l.provisionId, centsToInput(l.tariffCents)))
        : [newLine()],
      kpis: {
        ...NO_KPIS,
        ...Object.fromEntries(
          (contract?.kpis ?? []).map((k) => [k.indicator, String(k.target).replace('.', ',')]),
        ),
      },
    },
    validate,
  });
  const { values } = form;
  const units = reference?.units ?? [];
  const unitName = (code: string | null) => units.find((u) => u.code === code)?.description ?? '';

  const setLines = (lines: LineValues[]) => form.setValue('lines', lines);
  const updateLine = (index: number, change: Partial<LineValues>) =>
    setLines(values.lines.map((line, i) => (i === index ? { ...line, ...change } : line)));

  const addLine = () => {
    const index = values.lines.length;
    setLines([...values.lines, newLine()]);
    // Focus the new line's provision once it is rendered.
    requestAnimationFrame(() => document.getElementById(fieldId(`lines.${index}.provisionId`))?.focus());
  };
  const removeLine = (index: number) => {
    setLines(values.lines.filter((_, i) => i !== index));
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const lineField = (index: number, part: 'provisionId' | 'tariffCents'): BoundField => {
    const name = `lines.${index}.${part}`;
    const line = values.lines[index];
    return {
      id: fieldId(name),
      name,
      value: (part === 'provisionId' ? line?.provisionId : line?.tariff) ?? '',
      error: form.errorFor(name),
      onChange: (value) => {
        form.clearServerError(name);
        updateLine(index, part === 'provisionId' ? { provisionId: value } : { tariff: value });
      },
      onBlur: () => form.touch(name),
    };
  };

  const kpiField = (indicator: KpiIndicator): BoundField => {
    const name = `kpis.${indicator}`;
    return {
      id: fieldId(name),
      name,
      value: values.kpis[indicator],
      error: form.errorFor(name),
      onChange: (value) => {
        form.clearServerError(name);
        form.setValue('kpis', { ...values.kpis, [indicator]: value });
      },
      onBlur: () => form.touch(name),
    };
  };

  const provisionOptions = (selected: string): Option[] =>
    (provisions?.items ?? [])
      .filter((p) => p.id === selected || fitsVariant(p, values.financingVariant))
      .map((p) => ({
        value: p.id,
        label: `${p.code} – ${p.name}${p.unit ? ` (${unitName(p.unit).toLowerCase()})` : ''}`,
      }));

  const linesError = form.errorFor('lines');

  return (
    <FormShell
      form={form}
      submitLabel={t('action.save')}
      cancelHref={id === null ? '/contracten' : `/contracten/${id}`}
      onSubmit={async (v) => {
        const variant = FINANCING_VARIANTS.find((f) => f === v.financingVariant);
        if (!variant) return;
        const budget = v.budgetCeiling.trim() === '' ? null : (parseEuroCents(v.budgetCeiling) ?? null);
        const saved = await saveContract(id, {
          providerId: v.providerId,
          reference: v.reference.trim(),
          financingVariant: variant,
          startDate: v.startDate,
          endDate: v.endDate,
          budgetCeilingCents: budget,
          lines: v.lines.map((line) => ({
            provisionId: line.provisionId,
            tariffCents: parseEuroCents(line.tariff) ?? 0,
          })),
          kpis: KPI_INDICATORS.flatMap((indicator) => {
            const text = v.kpis[indicator].trim();
            return text === '' ? [] : [{ indicator, target: Number(text.replace(',', '.')) }];
          }),
        });
        navigate(`/contracten/${saved.id}`, { flash: t('contract.saved', { reference: saved.reference }) });
      }}
    >
      <SelectField
        field={form.bind('providerId')}
        label={t('contract.provider')}
        required
        placeholder={t('form.choose')}
        options={(providers?.items ?? []).map((p) => ({
          value: p.id,
          label: `${p.name} (AGB ${p.agbCode})`,
        }))}
      />
      <TextField
        field={form.bind('reference')}
        label={t('contract.reference')}
        description={t('contract.referenceDescription')}
        required
        size="medium"
        spellCheck={false}
      />
      <SelectField
        field={form.bind('financingVariant')}
        label={t('contract.financingVariant')}
        description={t('contract.financingVariantDescription')}
        required
        placeholder={t('form.choose')}
        options={FINANCING_VARIANTS.map((v) => ({ value: v, label: t(`variant.${v}`) }))}
      />
      <div className="rk-field-row">
        <TextField
          field={form.bind('startDate')}
          label={t('contract.startDate')}
          type="date"
          required
          size="small"
        />
        <TextField
          field={form.bind('endDate')}
          label={t('contract.endDate')}
          description={t('contract.endDateDescription')}
          type="date"
          required
          size="small"
        />
      </div>
      <TextField
        field={form.bind('budgetCeiling')}
        label={t('contract.budgetCeilingEuro')}
        description={t('contract.budgetCeilingDescription')}
        required={values.financingVariant === 'task'}
        inputMode="decimal"
        size="small"
      />

      <Fieldset
        id={fieldId('lines')}
        invalid={Boolean(linesError)}
        className="rk-lines"
        aria-describedby="lines-description"
      >
        <FieldsetLegend>{t('contract.lines')}</FieldsetLegend>
        <FormFieldDescription id="lines-description">{t('contract.linesDescription')}</FormFieldDescription>
        {linesError ? <FormFieldErrorMessage>{linesError}</FormFieldErrorMessage> : null}
        {values.lines.length === 0 ? (
          <Paragraph className="rk-muted">{t('contract.noLines')}</Paragraph>
        ) : null}
        <ol className="rk-lines__list">
          {values.lines.map((line, index) => (
            <li key={line.key} className="rk-lines__line">
              <SelectField
                field={lineField(index, 'provisionId')}
                label={t('contract.lineProvisionNumbered', { n: index + 1 })}
                required
                placeholder={t('form.choose')}
                options={provisionOptions(line.provisionId)}
              />
              <TextField
                field={lineField(index, 'tariffCents')}
                label={t('contract.lineTariffNumbered', { n: index + 1 })}
                required
                inputMode="decimal"
                size="small"
              />
              <Button
                appearance="subtle-button"
                hint="danger"
                className="rk-lines__remove"
                onClick={() => removeLine(index)}
              >
                {t('contract.removeLine', { n: index + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <Button ref={addButton} appearance="secondary-action-button" onClick={addLine}>
          {t('contract.addLine')}
        </Button>
      </Fieldset>

      <Fieldset className="rk-kpis" aria-describedby="kpis-description">
        <FieldsetLegend>{t('contract.kpis')}</FieldsetLegend>
        <FormFieldDescription id="kpis-description">{t('contract.kpisDescription')}</FormFieldDescription>
        {KPI_INDICATORS.map((indicator) => (
          <TextField
            key={indicator}
            field={kpiField(indicator)}
            label={t(`kpi.${indicator}`)}
            description={t(`kpi.${indicator}.norm`)}
            inputMode="decimal"
            size="small"
          />
        ))}
      </Fieldset>
    </FormShell>
  );
}
