import { Paragraph } from '@utrecht/component-library-react';
import { type AccountView, useAccounts } from '../../api/accounts.js';
import { type Team, useTeams } from '../../api/cases.js';
import { useDistricts } from '../../api/geography.js';
import { useText } from '../../i18n/i18n-context.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, AppLink, useFlash } from '../../ui/router.js';
import { PAGE_SIZE, useListParams } from '../../ui/use-list-params.js';

/** The municipality's teams with their members (administrator). */
export function TeamListPage() {
  const t = useText();
  const flash = useFlash();
  const list = useListParams();
  const state = useTeams();
  const { data: accounts } = useAccounts();
  const { data: districts } = useDistricts();

  const accountsById = new Map<string, AccountView>((accounts?.items ?? []).map((a) => [a.id, a]));
  const memberNames = (team: Team) =>
    team.memberIds
      .map((id) => accountsById.get(id)?.displayName ?? id)
      .sort((a, b) => a.localeCompare(b, 'nl'));
  const districtName = (code: string | null) => {
    if (!code) return '';
    const name = districts?.items.find((d) => d.code === code)?.name;
    return name ? `${name} (${code})` : code;
  };

  const all = state.data?.items ?? [];
  const page = all.slice(list.paging.offset, list.paging.offset + PAGE_SIZE);
  const shown = { ...state, data: state.data ? { items: page, total: all.length } : undefined };

  const columns: Column<Team>[] = [
    { key: 'name', label: t('team.name'), render: (team) => team.name, sortValue: (team) => team.name },
    {
      key: 'district',
      label: t('team.district'),
      render: (team) => districtName(team.districtCode),
      sortValue: (team) => districtName(team.districtCode),
    },
    {
      key: 'members',
      label: t('team.members'),
      render: (team) => {
        const names = memberNames(team);
        return names.length === 0 ? (
          <span className="rk-muted">{t('team.noMembers')}</span>
        ) : (
          names.join(', ')
        );
      },
      sortValue: (team) => team.memberIds.length,
    },
    {
      key: 'actions',
      label: t('list.actions'),
      render: (team) => (
        <AppLink href={`/teams/${team.id}/leden`}>
          {t('team.editMembers')}
          <span className="rk-visually-hidden"> {team.name}</span>
        </AppLink>
      ),
    },
  ];

  return (
    <>
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle>{t('teams.title')}</PageTitle>
        <AppButtonLink href="/teams/nieuw" appearance="primary-action-button">
          {t('teams.new')}
        </AppButtonLink>
      </div>
      <Paragraph>{t('teams.intro')}</Paragraph>
      <ListResults
        state={shown}
        caption={t('teams.title')}
        columns={columns}
        rowKey={(team) => team.id}
        count={{ one: t('teams.countOne'), many: t('teams.countMany') }}
        empty={{ message: t('teams.empty'), action: { href: '/teams/nieuw', label: t('teams.new') } }}
        page={list.page}
        onPage={list.setPage}
      />
    </>
  );
}
