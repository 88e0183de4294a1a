import { Alert, Paragraph } from '@utrecht/component-library-react';
import { todayInNetherlands } from '../../../shared/identifiers.js';
import {
  CASE_LAW_LIST,
  type CaseLaw,
  openCase,
  PARTICIPATION_KINDS,
  type ParticipationKind,
  type Team,
  teamsOf,
  useTeams,
} from '../../api/cases.js';
import { type Resident, useResident } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { CheckboxField, SelectField, TextareaField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { fieldId, useForm } from '../../ui/use-form.js';
import { isoDate } from '../../ui/validation.js';

const REQUEST_MAX = 4000;

/** A new case (melding, Jeugdwet: verzoek) for a resident, opened from the resident's page. */
export function CaseFormPage({ residentId }: { residentId: string }) {
  const t = useText();
  const account = useAccount();
  const resident = useResident(residentId);
  const teams = useTeams();
  const error = resident.error ?? teams.error;
  const ready = resident.data && teams.data;
  return (
    <>
      <BackLink href={`/inwoners/${residentId}`} label={resident.data?.name ?? t('resident.title')} />
      <PageTitle>{t('newCase.title')}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {!ready && !error ? <Loading /> : null}
      {resident.data && teams.data ? (
        <CaseForm resident={resident.data} teams={teamsOf(teams.data.items, account.id)} />
      ) : null}
    </>
  );
}

function CaseForm({ resident, teams }: { resident: Resident; teams: readonly Team[] }) {
  const t = useText();
  const navigate = useNavigate();
  const today = todayInNetherlands();
  const form = useForm({
    initial: {
      law: '',
      reportDate: today,
      request: '',
      urgent: false,
      participationKind: '',
      teamId: teams.length === 1 ? (teams[0]?.id ?? '') : '',
    },
    validate: (v) => ({
      law: v.law === '' ? 'validation.lawRequired' : undefined,
      reportDate:
        isoDate(v.reportDate) ?? (v.reportDate.trim() > today ? 'validation.reportDateFuture' : undefined),
      request:
        v.request.trim() === ''
          ? 'validation.requestRequired'
          : v.request.trim().length > REQUEST_MAX
            ? 'validation.requestLength'
            : undefined,
      participationKind:
        v.law === 'participation' && v.participationKind === ''
          ? 'validation.participationKindRequired'
          : undefined,
      teamId: teams.length > 1 && v.teamId === '' ? 'validation.teamRequired' : undefined,
    }),
  });
  const isParticipation = form.values.law === 'participation';
  return (
    <>
      <Paragraph>{t('newCase.forResident', { name: resident.name, bsn: resident.bsn })}</Paragraph>
      {teams.length === 0 ? (
        <Alert type="warning">
          <Paragraph>{t('newCase.noTeam')}</Paragraph>
        </Alert>
      ) : null}
      <FormShell
        form={form}
        submitLabel={t('newCase.submit')}
        cancelHref={`/inwoners/${resident.id}`}
        onSubmit={async (v) => {
          const law = CASE_LAW_LIST.find((l): l is CaseLaw => l === v.law);
          if (!law) return;
          const participationKind = PARTICIPATION_KINDS.find(
            (k): k is ParticipationKind => k === v.participationKind,
          );
          const saved = await openCase({
            residentId: resident.id,
            law,
            reportDate: v.reportDate.trim(),
            request: v.request.trim(),
            urgent: v.urgent,
            ...(law === 'participation' && participationKind ? { participationKind } : {}),
            ...(v.teamId ? { teamId: v.teamId } : {}),
          });
          navigate(`/casussen/${saved.id}`, { flash: t('newCase.saved', { reference: saved.reference }) });
        }}
      >
        <SelectField
          field={form.bind('law')}
          label={t('newCase.law')}
          description={t('newCase.lawDescription')}
          required
          placeholder={t('form.choose')}
          options={CASE_LAW_LIST.map((law) => ({ value: law, label: t(`law.${law}`) }))}
        />
        {isParticipation ? (
          <SelectField
            field={form.bind('participationKind')}
            label={t('newCase.participationKind')}
            required
            placeholder={t('form.choose')}
            options={PARTICIPATION_KINDS.map((kind) => ({
              value: kind,
              label: t(`participationKind.${kind}`),
            }))}
          />
        ) : null}
        <TextField
          field={form.bind('reportDate')}
          label={t('newCase.reportDate')}
          description={t('newCase.reportDateDescription')}
          type="date"
          required
          size="small"
        />
        <TextareaField
          field={form.bind('request')}
          label={t('newCase.request')}
          description={t('newCase.requestDescription')}
          required
          rows={6}
        />
        <CheckboxField
          id={fieldId('urgent')}
          name="urgent"
          label={t('newCase.urgent')}
          description={t('newCase.urgentDescription')}
          checked={form.values.urgent}
          onChange={(checked) => form.setValue('urgent', checked)}
        />
        {teams.length > 1 ? (
          <SelectField
            field={form.bind('teamId')}
            label={t('newCase.team')}
            description={t('newCase.teamDescription')}
            required
            placeholder={t('form.choose')}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        ) : null}
      </FormShell>
    </>
  );
}
