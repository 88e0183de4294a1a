import { Fieldset, FieldsetLegend, FormFieldDescription, Paragraph } from '@utrecht/component-library-react';
import { type AccountView, useAccounts } from '../../api/accounts.js';
import { setTeamMembers, type Team, useTeams } from '../../api/cases.js';
import { ApiError } from '../../api/http.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { CheckboxField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { LoadError, Loading, SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useFlash, useNavigate } from '../../ui/router.js';
import { fieldId, useForm } from '../../ui/use-form.js';

/**
 * A team's members: a checkbox per case worker. Members with another role or a deactivated
 * account stay in the list while they are members, so saving never drops them unseen.
 */
export function TeamMembersPage({ id }: { id: string }) {
  const t = useText();
  const flash = useFlash();
  // There is no GET /api/v1/teams/{id}: the team comes from the (short) list of teams.
  const teams = useTeams();
  const accounts = useAccounts();
  const team = teams.data?.items.find((item) => item.id === id);
  const error =
    teams.error ??
    accounts.error ??
    (teams.data && !team ? new ApiError(404, 'NOT_FOUND', t('error.notFound')) : undefined);
  const title = team ? t('team.membersTitle', { name: team.name }) : t('team.members');
  return (
    <>
      <BackLink href="/teams" label={t('teams.title')} />
      <SavedMessage message={flash} />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {!error && !(team && accounts.data) ? <Loading /> : null}
      {team && accounts.data ? <MembersForm team={team} accounts={accounts.data.items} /> : null}
    </>
  );
}

function MembersForm({ team, accounts }: { team: Team; accounts: readonly AccountView[] }) {
  const t = useText();
  const navigate = useNavigate();
  const form = useForm({ initial: { memberIds: team.memberIds }, validate: () => ({}) });
  const candidates = accounts
    .filter((a) => (a.role === 'case_worker' && a.active) || team.memberIds.includes(a.id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
  const selected = new Set(form.values.memberIds);
  const toggle = (accountId: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(accountId);
    else next.delete(accountId);
    form.setValue('memberIds', [...next]);
  };
  return (
    <FormShell
      form={form}
      submitLabel={t('team.saveMembers')}
      cancelHref="/teams"
      onSubmit={async (v) => {
        const saved = await setTeamMembers(team.id, v.memberIds);
        navigate('/teams', { flash: t('team.membersSaved', { name: saved.name }) });
      }}
    >
      <Fieldset
        id={fieldId('accountIds')}
        aria-describedby="members-description"
        className="rk-checkbox-group"
      >
        <FieldsetLegend>{t('team.membersLegend')}</FieldsetLegend>
        <FormFieldDescription id="members-description">{t('team.membersDescription')}</FormFieldDescription>
        {candidates.length === 0 ? (
          <Paragraph className="rk-muted">{t('team.noCaseWorkers')}</Paragraph>
        ) : null}
        {candidates.map((account) => {
          const notes = [
            account.role === 'case_worker' ? '' : t(`role.${account.role}`).toLowerCase(),
            account.active ? '' : t('team.inactiveMember'),
          ].filter(Boolean);
          return (
            <CheckboxField
              key={account.id}
              id={fieldId(`member-${account.id}`)}
              name="accountIds"
              label={
                <>
                  {account.displayName}{' '}
                  <span className="rk-muted">
                    ({account.username}
                    {notes.length > 0 ? `, ${notes.join(', ')}` : ''})
                  </span>
                </>
              }
              checked={selected.has(account.id)}
              onChange={(checked) => toggle(account.id, checked)}
            />
          );
        })}
      </Fieldset>
    </FormShell>
  );
}
