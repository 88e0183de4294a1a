import { Paragraph } from '@utrecht/component-library-react';
import { fetchAllProviders, type ProviderSummary, useProviders } from '../../api/registry.js';
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
import { useListParams } from '../../ui/use-list-params.js';

export function ProviderListPage() {
  const t = useText();
  const account = useAccount();
  const flash = useFlash();
  const list = useListParams();
  const filter = { search: list.search };
  const state = useProviders(filter, list.paging);
  const writable = canWrite(account.role, 'providers');

  const columns: Column<ProviderSummary>[] = [
    {
      key: 'name',
      label: t('provider.name'),
      render: (p) => <AppLink href={`/aanbieders/${p.id}`}>{p.name}</AppLink>,
      sortValue: (p) => p.name,
    },
    { key: 'agbCode', label: t('provider.agbCode'), render: (p) => p.agbCode, sortValue: (p) => p.agbCode },
    {
      key: 'kvkNumber',
      label: t('provider.kvkNumber'),
      render: (p) => p.kvkNumber ?? '',
      sortValue: (p) => p.kvkNumber,
    },
    {
      key: 'contractCount',
      label: t('provider.contractCount'),
      render: (p) => formatNumber(p.contractCount),
      sortValue: (p) => p.contractCount,
      numeric: true,
    },
  ];

  const exportCsv = async () => {
    const rows = await fetchAllProviders(filter);
    downloadCsv(
      csvFilename('aanbieders'),
      [t('provider.name'), t('provider.agbCode'), t('provider.kvkNumber'), t('provider.contractCount')],
      rows.map((p) => [p.name, p.agbCode, p.kvkNumber, p.contractCount]),
    );
  };

  return (
    <>
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle>{t('providers.title')}</PageTitle>
        {writable ? (
          <AppButtonLink href="/aanbieders/nieuw" appearance="primary-action-button">
            {t('providers.new')}
          </AppButtonLink>
        ) : null}
      </div>
      <Paragraph>{t('providers.intro')}</Paragraph>
      <FilterForm
        key={list.search}
        label={t('providers.searchLabel')}
        fields={[
          {
            name: 'zoek',
            label: t('list.searchLabel'),
            kind: 'text',
            description: t('providers.searchDescription'),
          },
        ]}
        values={{ zoek: list.search }}
        onApply={(v) => list.setFilter({ zoek: v.zoek ?? '' })}
      />
      <ListResults
        state={state}
        caption={t('providers.title')}
        columns={columns}
        rowKey={(p) => p.id}
        count={{ one: t('providers.countOne'), many: t('providers.countMany') }}
        empty={{
          message: list.search ? t('providers.noResults', { search: list.search }) : t('providers.empty'),
          action:
            writable && !list.search
              ? { href: '/aanbieders/nieuw', label: t('providers.emptyAction') }
              : undefined,
        }}
        page={list.page}
        onPage={list.setPage}
        onExport={exportCsv}
      />
    </>
  );
}
