import { createDistrict, type DistrictDetail, updateDistrict, useDistrict } from '../../api/geography.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { useForm } from '../../ui/use-form.js';
import { districtCode, required } from '../../ui/validation.js';

export function DistrictFormPage({ code }: { code: string | null }) {
  const t = useText();
  const { data, error } = useDistrict(code);
  const title = code === null ? t('districts.new') : t('district.editTitle', { name: data?.name ?? '' });
  return (
    <>
      <BackLink
        href={code === null ? '/wijken' : `/wijken/${code}`}
        label={code === null ? t('districts.title') : (data?.name ?? t('district.title'))}
      />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {code !== null && !data && !error ? <Loading /> : null}
      {code === null || data ? <DistrictForm code={code} district={data} /> : null}
    </>
  );
}

function DistrictForm({ code, district }: { code: string | null; district: DistrictDetail | undefined }) {
  const t = useText();
  const navigate = useNavigate();
  const account = useAccount();
  const form = useForm({
    initial: { code: district?.code ?? `WK${account.municipalityCode}`, name: district?.name ?? '' },
    validate: (v) => ({
      code:
        code === null
          ? (districtCode(v.code) ??
            (v.code.trim().slice(2, 6) === account.municipalityCode
              ? undefined
              : 'validation.districtMunicipality'))
          : undefined,
      name: required(v.name),
    }),
  });
  return (
    <FormShell
      form={form}
      submitLabel={t('action.save')}
      cancelHref={code === null ? '/wijken' : `/wijken/${code}`}
      onSubmit={async (v) => {
        const saved =
          code === null
            ? await createDistrict({ code: v.code.trim().toUpperCase(), name: v.name.trim() })
            : await updateDistrict(code, { name: v.name.trim(), geometry: district?.geometry ?? null });
        navigate(`/wijken/${saved.code}`, { flash: t('district.saved', { name: saved.name }) });
      }}
    >
      {code === null ? (
        <TextField
          field={form.bind('code')}
          label={t('district.code')}
          description={t('district.codeDescription', { municipality: account.municipalityCode })}
          required
          size="small"
          spellCheck={false}
        />
      ) : null}
      <TextField field={form.bind('name')} label={t('district.name')} required />
    </FormShell>
  );
}
