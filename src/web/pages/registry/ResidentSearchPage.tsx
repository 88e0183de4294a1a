import { Paragraph } from '@utrecht/component-library-react';
import { type Resident, useResidentSearch } from '../../api/registry.js';
import { useText } from '../../i18n/i18n-context.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { formatDate } from '../../ui/format.js';
import { FilterForm } from '../../ui/ListParts.js';
import { SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, AppLink, useFlash } from '../../ui/router.js';
import { useListParams } from '../../ui/use-list-params.js';

/**
 * Case workers find a resident by name or BSN. Nothing is listed before a search: every row
 * shown is a processing of personal data and is logged.
 */
export function ResidentSearchPage() {
  const t = useText();
  const flash = useFlash();
  const list = useListParams();
  const state = useResidentSearch(list.search, list.paging);

  const columns: Column<Resident>[] = [
    {
      key: 'name',
      label: t('resident.name'),
      render: (r) => <AppLink href={`/inwoners/${r.id}`}>{r.name}</AppLink>,
      sortValue: (r) => r.name,
    },
    { key: 'bsn', label: t('resident.bsn'), render: (r) => r.bsn, sortValue: (r) => r.bsn },
    {
      key: 'dateOfBirth',
      label: t('resident.dateOfBirth'),
      render: (r) => formatDate(r.dateOfBirth),
      sortValue: (r) => r.dateOfBirth,
    },
    {
      key: 'neighbourhood',
      label: t('resident.neighbourhood'),
      render: (r) => r.neighbourhoodName ?? '',
      sortValue: (r) => r.neighbourhoodName,
    },
  ];

  return (
    <>
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle>{t('residents.title')}</PageTitle>
        <AppButtonLink href="/inwoners/nieuw" appearance="primary-action-button">
          {t('residents.new')}
        </AppButtonLink>
      </div>
      <Paragraph>{t('residents.intro')}</Paragraph>
      <FilterForm
        key={list.search}
        label={t('residents.searchLabel')}
        fields={[
          {
            name: 'zoek',
            label: t('residents.search'),
            kind: 'text',
            description: t('residents.searchDescription'),
          },
        ]}
        values={{ zoek: list.search }}
        onApply={(v) => list.setFilter({ zoek: (v.zoek ?? '').trim() })}
      />
      {list.search ? (
        <ListResults
          state={state}
          caption={t('residents.resultsCaption', { search: list.search })}
          columns={columns}
          rowKey={(r) => r.id}
          count={{ one: t('residents.countOne'), many: t('residents.countMany') }}
          empty={{
            message: t('residents.noResults', { search: list.search }),
            action: { href: '/inwoners/nieuw', label: t('residents.new') },
          }}
          page={list.page}
          onPage={list.setPage}
        />
      ) : (
        <Paragraph className="rk-muted">{t('residents.searchFirst')}</Paragraph>
      )}
    </>
  );
}
