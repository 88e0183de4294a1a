import { type ProviderDetail, saveProvider, useProvider } from '../../api/registry.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { useForm } from '../../ui/use-form.js';
import { agbCode, kvkNumber, required } from '../../ui/validation.js';

/** New provider (id null) or an existing one. */
export function ProviderFormPage({ id }: { id: string | null }) {
  const t = useText();
  const { data, error } = useProvider(id);
  const title = id === null ? t('providers.new') : t('provider.editTitle', { name: data?.name ?? '' });
  return (
    <>
      <BackLink
        href={id === null ? '/aanbieders' : `/aanbieders/${id}`}
        label={id === null ? t('providers.title') : (data?.name ?? t('provider.title'))}
      />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {id !== null && !data && !error ? <Loading /> : null}
      {id === null || data ? <ProviderForm id={id} provider={data} /> : null}
    </>
  );
}

function ProviderForm({ id, provider }: { id: string | null; provider: ProviderDetail | undefined }) {
  const t = useText();
  const navigate = useNavigate();
  const form = useForm({
    initial: {
      name: provider?.name ?? '',
      agbCode: provider?.agbCode ?? '',
      kvkNumber: provider?.kvkNumber ?? '',
    },
    validate: (v) => ({
      name: required(v.name),
      agbCode: agbCode(v.agbCode),
      kvkNumber: kvkNumber(v.kvkNumber),
    }),
  });
  const cancel = id === null ? '/aanbieders' : `/aanbieders/${id}`;
  return (
    <FormShell
      form={form}
      submitLabel={t('action.save')}
      cancelHref={cancel}
      onSubmit={async (v) => {
        const saved = await saveProvider(id, {
          name: v.name.trim(),
          agbCode: v.agbCode.trim(),
          kvkNumber: v.kvkNumber.trim() === '' ? null : v.kvkNumber.trim(),
        });
        navigate(`/aanbieders/${saved.id}`, { flash: t('provider.saved', { name: saved.name }) });
      }}
    >
      <TextField field={form.bind('name')} label={t('provider.name')} required autoComplete="organization" />
      <TextField
        field={form.bind('agbCode')}
        label={t('provider.agbCode')}
        description={t('provider.agbCodeDescription')}
        required
        inputMode="numeric"
        size="small"
        spellCheck={false}
      />
      <TextField
        field={form.bind('kvkNumber')}
        label={t('provider.kvkNumber')}
        description={t('provider.kvkNumberDescription')}
        inputMode="numeric"
        size="small"
        spellCheck={false}
      />
    </FormShell>
  );
}
