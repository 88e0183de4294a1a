import {
  createNeighbourhood,
  type Neighbourhood,
  updateNeighbourhood,
  useDistricts,
  useNeighbourhood,
} from '../../api/geography.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useLocation, useNavigate } from '../../ui/router.js';
import { useForm } from '../../ui/use-form.js';
import { neighbourhoodCode, population, required } from '../../ui/validation.js';

export function NeighbourhoodFormPage({ code }: { code: string | null }) {
  const t = useText();
  const { data, error } = useNeighbourhood(code);
  const { search } = useLocation();
  const districtCode = data?.districtCode ?? search.get('wijk') ?? '';
  const title =
    code === null ? t('neighbourhoods.new') : t('neighbourhood.editTitle', { name: data?.name ?? '' });
  return (
    <>
      <BackLink
        href={districtCode ? `/wijken/${districtCode}` : '/wijken'}
        label={t('neighbourhood.backToDistrict')}
      />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {code !== null && !data && !error ? <Loading /> : null}
      {code === null || data ? (
        <NeighbourhoodForm code={code} neighbourhood={data} districtCode={districtCode} />
      ) : null}
    </>
  );
}

function NeighbourhoodForm({
  code,
  neighbourhood,
  districtCode,
}: {
  code: string | null;
  neighbourhood: Neighbourhood | undefined;
  districtCode: string;
}) {
  const t = useText();
  const navigate = useNavigate();
  const { data: districts } = useDistricts();
  const form = useForm({
    initial: {
      code: neighbourhood?.code ?? (districtCode ? `BU${districtCode.slice(2)}` : ''),
      name: neighbourhood?.name ?? '',
      districtCode,
      population: String(neighbourhood?.population ?? 0),
    },
    validate: (v) => ({
      code:
        code === null
          ? (neighbourhoodCode(v.code) ??
            (v.districtCode && v.code.trim().slice(2, 8) !== v.districtCode.slice(2, 8)
              ? 'validation.neighbourhoodDistrict'
              : undefined))
          : undefined,
      name: required(v.name),
      districtCode: code === null && v.districtCode === '' ? 'validation.districtRequired' : undefined,
      population: population(v.population),
    }),
  });
  const back = form.values.districtCode ? `/wijken/${form.values.districtCode}` : '/wijken';
  return (
    <FormShell
      form={form}
      submitLabel={t('action.save')}
      cancelHref={back}
      onSubmit={async (v) => {
        const saved =
          code === null
            ? await createNeighbourhood({
                code: v.code.trim().toUpperCase(),
                name: v.name.trim(),
                districtCode: v.districtCode,
                population: Number(v.population),
              })
            : await updateNeighbourhood(code, {
                name: v.name.trim(),
                population: Number(v.population),
                geometry: neighbourhood?.geometry ?? null,
              });
        navigate(`/wijken/${saved.districtCode}`, { flash: t('neighbourhood.saved', { name: saved.name }) });
      }}
    >
      {code === null ? (
        <>
          <SelectField
            field={form.bind('districtCode')}
            label={t('neighbourhood.district')}
            required
            placeholder={t('form.choose')}
            options={(districts?.items ?? []).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))}
          />
          <TextField
            field={form.bind('code')}
            label={t('neighbourhood.code')}
            description={t('neighbourhood.codeDescription')}
            required
            size="small"
            spellCheck={false}
          />
        </>
      ) : null}
      <TextField field={form.bind('name')} label={t('neighbourhood.name')} required />
      <TextField
        field={form.bind('population')}
        label={t('neighbourhood.population')}
        description={t('neighbourhood.populationDescription')}
        required
        inputMode="numeric"
        size="small"
      />
    </FormShell>
  );
}
