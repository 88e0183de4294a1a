import { Paragraph } from '@utrecht/component-library-react';
import { type DistrictSummary, useDistricts } from '../../api/geography.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { canWrite } from '../../ui/access.js';
import { csvFilename, downloadCsv } from '../../ui/csv.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { formatNumber } from '../../ui/format.js';
import { FilterForm } from '../../ui/ListParts.js';
import { SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, AppLink, useFlash } from '../../ui/router.js';
import { PAGE_SIZE, useListParams } from '../../ui/use-list-params.js';

/** The districts: the API returns them all (a municipality has tens), so the filter runs here. */
export function DistrictListPage() {
  const t = useText();
  const account = useAccount();
  const flash = useFlash();
  const list = useListParams();
  const state = useDistricts();
  const writable = canWrite(account.role, 'geography');
  const needle = list.search.trim().toLowerCase();
  const matching = (state.data?.items ?? []).filter(
    (d) => !needle || d.name.toLowerCase().includes(needle) || d.code.toLowerCase().includes(needle),
  );
  const page = matching.slice(list.paging.offset, list.paging.offset + PAGE_SIZE);
  const shown = { ...state, data: state.data ? { items: page, total: matching.length } : undefined };

  const columns: Column<DistrictSummary>[] = [
    { key: 'code', label: t('district.code'), render: (d) => d.code, sortValue: (d) => d.code },
    {
      key: 'name',
      label: t('district.name'),
      render: (d) => <AppLink href={`/wijken/${d.code}`}>{d.name}</AppLink>,
      sortValue: (d) => d.name,
    },
    {
      key: 'population',
      label: t('district.population'),
      render: (d) => formatNumber(d.population),
      sortValue: (d) => d.population,
      numeric: true,
    },
    {
      key: 'neighbourhoods',
      label: t('district.neighbourhoodCount'),
      render: (d) => formatNumber(d.neighbourhoodCount),
      sortValue: (d) => d.neighbourhoodCount,
      numeric: true,
    },
  ];

  const exportCsv = async () => {
    downloadCsv(
      csvFilename('wijken'),
      [t('district.code'), t('district.name'), t('district.population'), t('district.neighbourhoodCount')],
      matching.map((d) => [d.code, d.name, d.population, d.neighbourhoodCount]),
    );
  };

  return (
    <>
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle>{t('districts.title')}</PageTitle>
        {writable ? (
          <AppButtonLink href="/wijken/nieuw" appearance="primary-action-button">
            {t('districts.new')}
          </AppButtonLink>
        ) : null}
      </div>
      <Paragraph>{t('districts.intro')}</Paragraph>
      <FilterForm
        key={list.search}
        label={t('districts.searchLabel')}
        fields={[
          {
            name: 'zoek',
            label: t('list.searchLabel'),
            kind: 'text',
            description: t('districts.searchDescription'),
          },
        ]}
        values={{ zoek: list.search }}
        onApply={(v) => list.setFilter({ zoek: v.zoek ?? '' })}
      />
      <ListResults
        state={shown}
        caption={t('districts.title')}
        columns={columns}
        rowKey={(d) => d.code}
        count={{ one: t('districts.countOne'), many: t('districts.countMany') }}
        empty={{
          message: needle ? t('districts.noResults') : t('districts.empty'),
          action:
            writable && !needle ? { href: '/wijken/nieuw', label: t('districts.emptyAction') } : undefined,
        }}
        page={list.page}
        onPage={list.setPage}
        onExport={exportCsv}
      />
    </>
  );
}
