import { categoriesFor, useReference } from '../../api/reference.js';
import { LAWS, PROVISION_KINDS, type Provision, saveProvision, useProvision } from '../../api/registry.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { SelectField, TextareaField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { useForm } from '../../ui/use-form.js';
import { required } from '../../ui/validation.js';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;
const PRODUCT_CODE = /^[0-9A-Z]{5}$/;

interface Values {
  code: string;
  name: string;
  law: string;
  kind: string;
  productCategory: string;
  productCode: string;
  unit: string;
  intent: string;
}

export function ProvisionFormPage({ id }: { id: string | null }) {
  const t = useText();
  const { data, error } = useProvision(id);
  const title = id === null ? t('provisions.new') : t('provision.editTitle', { name: data?.name ?? '' });
  return (
    <>
      <BackLink
        href={id === null ? '/voorzieningen' : `/voorzieningen/${id}`}
        label={id === null ? t('provisions.title') : (data?.name ?? t('provision.title'))}
      />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {id !== null && !data && !error ? <Loading /> : null}
      {id === null || data ? <ProvisionForm id={id} provision={data} /> : null}
    </>
  );
}

function ProvisionForm({ id, provision }: { id: string | null; provision: Provision | undefined }) {
  const t = useText();
  const navigate = useNavigate();
  const { data: reference } = useReference();
  const form = useForm<Values>({
    initial: {
      code: provision?.code ?? '',
      name: provision?.name ?? '',
      law: provision?.law ?? '',
      kind: provision?.kind ?? '',
      productCategory: provision?.productCategory ?? '',
      productCode: provision?.productCode ?? '',
      unit: provision?.unit ?? '',
      intent: provision?.intent ?? '',
    },
    validate: (v) => {
      const tailored = v.kind === 'tailored';
      const standard = tailored && (v.law === 'wmo' || v.law === 'youth');
      return {
        code: required(v.code) ?? (CODE.test(v.code.trim()) ? undefined : 'validation.provisionCode'),
        name: required(v.name),
        law: v.law === '' ? 'validation.lawRequired' : undefined,
        kind: v.kind === '' ? 'validation.kindRequired' : undefined,
        productCategory:
          standard && v.productCategory === '' ? 'validation.productCategoryRequired' : undefined,
        productCode:
          standard && v.productCode.trim() !== '' && !PRODUCT_CODE.test(v.productCode.trim())
            ? 'validation.productCode'
            : undefined,
        unit: tailored && v.unit === '' ? 'validation.unitRequired' : undefined,
        intent: required(v.intent),
      };
    },
  });
  const { values } = form;
  const tailored = values.kind === 'tailored';
  const standard = tailored && (values.law === 'wmo' || values.law === 'youth');
  const categories = categoriesFor(reference, values.law);
  const cancel = id === null ? '/voorzieningen' : `/voorzieningen/${id}`;

  return (
    <FormShell
      form={form}
      submitLabel={t('action.save')}
      cancelHref={cancel}
      onSubmit={async (v) => {
        const law = LAWS.find((l) => l === v.law);
        const kind = PROVISION_KINDS.find((k) => k === v.kind);
        if (!law || !kind) return;
        const isTailored = kind === 'tailored';
        const isStandard = isTailored && law !== 'participation';
        const saved = await saveProvision(id, {
          code: v.code.trim(),
          name: v.name.trim(),
          law,
          kind,
          productCategory: isStandard && v.productCategory ? v.productCategory : null,
          productCode: isStandard && v.productCode.trim() ? v.productCode.trim() : null,
          unit: isTailored && v.unit ? v.unit : null,
          intent: v.intent.trim(),
        });
        navigate(`/voorzieningen/${saved.id}`, { flash: t('provision.saved', { name: saved.name }) });
      }}
    >
      <TextField
        field={form.bind('code')}
        label={t('provision.code')}
        description={t('provision.codeDescription')}
        required
        size="small"
        spellCheck={false}
      />
      <TextField field={form.bind('name')} label={t('provision.name')} required />
      <SelectField
        field={{
          ...form.bind('law'),
          onChange: (value) => {
            form.setValue('law', value);
            form.setValue('productCategory', '');
          },
        }}
        label={t('provision.law')}
        required
        placeholder={t('form.choose')}
        options={LAWS.map((law) => ({ value: law, label: t(`law.${law}`) }))}
      />
      <SelectField
        field={form.bind('kind')}
        label={t('provision.kind')}
        description={t('provision.kindDescription')}
        required
        placeholder={t('form.choose')}
        options={PROVISION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
      />
      {standard ? (
        <>
          <SelectField
            field={form.bind('productCategory')}
            label={t('provision.productCategory')}
            description={t(
              values.law === 'wmo' ? 'provision.productCategoryWmo' : 'provision.productCategoryYouth',
            )}
            required
            placeholder={t('form.choose')}
            options={categories.map((c) => ({ value: c.code, label: `${c.code} ${c.description}` }))}
          />
          <TextField
            field={form.bind('productCode')}
            label={t('provision.productCode')}
            description={t('provision.productCodeDescription')}
            size="small"
            spellCheck={false}
          />
        </>
      ) : null}
      {tailored ? (
        <SelectField
          field={form.bind('unit')}
          label={t('provision.unit')}
          description={t('provision.unitDescription')}
          required
          placeholder={t('form.choose')}
          options={(reference?.units ?? []).map((u) => ({
            value: u.code,
            label: `${u.code} ${u.description}`,
          }))}
        />
      ) : null}
      <TextareaField
        field={form.bind('intent')}
        label={t('provision.intent')}
        description={t('provision.intentDescription')}
        required
        rows={5}
      />
    </FormShell>
  );
}
