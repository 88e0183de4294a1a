import { createTeam } from '../../api/cases.js';
import { useDistricts } from '../../api/geography.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { useForm } from '../../ui/use-form.js';
import { required } from '../../ui/validation.js';

/** A new team; its members are chosen on the next page. */
export function TeamFormPage() {
  const t = useText();
  const navigate = useNavigate();
  const { data: districts } = useDistricts();
  const form = useForm({
    initial: { name: '', districtCode: '' },
    validate: (v) => ({ name: required(v.name) }),
  });
  return (
    <>
      <BackLink href="/teams" label={t('teams.title')} />
      <PageTitle>{t('teams.new')}</PageTitle>
      <FormShell
        form={form}
        submitLabel={t('teams.create')}
        cancelHref="/teams"
        onSubmit={async (v) => {
          const saved = await createTeam({
            name: v.name.trim(),
            districtCode: v.districtCode === '' ? null : v.districtCode,
          });
          navigate(`/teams/${saved.id}/leden`, { flash: t('teams.created', { name: saved.name }) });
        }}
      >
        <TextField field={form.bind('name')} label={t('team.name')} required autoComplete="off" />
        <SelectField
          field={form.bind('districtCode')}
          label={t('team.district')}
          description={t('team.districtDescription')}
          placeholder={t('team.noDistrict')}
          options={(districts?.items ?? []).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))}
        />
      </FormShell>
    </>
  );
}
