import { useNeighbourhoods } from '../../api/geography.js';
import { type Resident, saveResident, useResident } from '../../api/registry.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { useForm } from '../../ui/use-form.js';
import { bsn, isoDate, required } from '../../ui/validation.js';

export function ResidentFormPage({ id }: { id: string | null }) {
  const t = useText();
  const { data, error } = useResident(id);
  const title = id === null ? t('residents.new') : t('resident.editTitle', { name: data?.name ?? '' });
  return (
    <>
      <BackLink
        href={id === null ? '/inwoners' : `/inwoners/${id}`}
        label={id === null ? t('residents.title') : (data?.name ?? t('resident.title'))}
      />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {id !== null && !data && !error ? <Loading /> : null}
      {id === null || data ? <ResidentForm id={id} resident={data} /> : null}
    </>
  );
}

function ResidentForm({ id, resident }: { id: string | null; resident: Resident | undefined }) {
  const t = useText();
  const navigate = useNavigate();
  const { data: neighbourhoods } = useNeighbourhoods();
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm({
    initial: {
      bsn: resident?.bsn ?? '',
      name: resident?.name ?? '',
      dateOfBirth: resident?.dateOfBirth ?? '',
      neighbourhoodCode: resident?.neighbourhoodCode ?? '',
    },
    validate: (v) => ({
      bsn: bsn(v.bsn),
      name: required(v.name),
      dateOfBirth:
        isoDate(v.dateOfBirth) ??
        (v.dateOfBirth > today
          ? 'validation.dateOfBirthFuture'
          : v.dateOfBirth < '1900-01-01'
            ? 'validation.dateOfBirthOld'
            : undefined),
    }),
  });
  const options = [...(neighbourhoods?.items ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map((n) => ({ value: n.code, label: `${n.name} (${n.code})` }));
  return (
    <FormShell
      form={form}
      submitLabel={t('action.save')}
      cancelHref={id === null ? '/inwoners' : `/inwoners/${id}`}
      onSubmit={async (v) => {
        const saved = await saveResident(id, {
          bsn: v.bsn.trim(),
          name: v.name.trim(),
          dateOfBirth: v.dateOfBirth,
          neighbourhoodCode: v.neighbourhoodCode === '' ? null : v.neighbourhoodCode,
        });
        navigate(`/inwoners/${saved.id}`, { flash: t('resident.saved', { name: saved.name }) });
      }}
    >
      <TextField
        field={form.bind('bsn')}
        label={t('resident.bsn')}
        description={t('resident.bsnDescription')}
        required
        inputMode="numeric"
        size="small"
        spellCheck={false}
        autoComplete="off"
      />
      <TextField field={form.bind('name')} label={t('resident.name')} required autoComplete="off" />
      <TextField
        field={form.bind('dateOfBirth')}
        label={t('resident.dateOfBirth')}
        type="date"
        required
        size="small"
      />
      <SelectField
        field={form.bind('neighbourhoodCode')}
        label={t('resident.neighbourhood')}
        description={t('resident.neighbourhoodDescription')}
        placeholder={t('resident.noNeighbourhood')}
        options={options}
      />
    </FormShell>
  );
}
