import { Paragraph } from '@utrecht/component-library-react';
import {
  type ContractFilter,
  fetchAllContracts,
  useContracts,
  useProviderOptions,
} from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { canWrite } from '../../ui/access.js';
import { csvFilename, downloadCsv } from '../../ui/csv.js';
import { ListResults } from '../../ui/DataTable.js';
import { centsToInput, formatDate } from '../../ui/format.js';
import { FilterForm } from '../../ui/ListParts.js';
import { SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, useFlash } from '../../ui/router.js';
import { useListParams } from '../../ui/use-list-params.js';
import { contractColumns } from './contract-columns.js';

export function ContractListPage() {
  const t = useText();
  const account = useAccount();
  const flash = useFlash();
  const list = useListParams(['aanbieder']);
  const filter: ContractFilter = { search: list.search, providerId: list.extra.aanbieder ?? '' };
  const state = useContracts(filter, list.paging);
  const { data: providers } = useProviderOptions();
  const writable = canWrite(account.role, 'contracts');
  const filtered = Boolean(filter.search || filter.providerId);

  const columns = contractColumns(t, { withProvider: true });

  const exportCsv = async () => {
    const rows = await fetchAllContracts(filter);
    downloadCsv(
      csvFilename('contracten'),
      [
        t('contract.reference'),
        t('contract.provider'),
        t('contract.financingVariant'),
        t('contract.startDate'),
        t('contract.endDate'),
        t('contract.budgetCeilingEuro'),
        t('contract.lineCount'),
      ],
      rows.map((c) => [
        c.reference,
        c.providerName,
        t(`variant.${c.financingVariant}`),
        formatDate(c.startDate),
        formatDate(c.endDate),
        centsToInput(c.budgetCeilingCents),
        c.lineCount,
      ]),
    );
  };

  return (
    <>
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle>{t('contracts.title')}</PageTitle>
        {writable ? (
          <AppButtonLink href="/contracten/nieuw" appearance="primary-action-button">
            {t('contracts.new')}
          </AppButtonLink>
        ) : null}
      </div>
      <Paragraph>{t('contracts.intro')}</Paragraph>
      <FilterForm
        key={`${filter.search}|${filter.providerId}|${providers ? 'p' : ''}`}
        label={t('contracts.searchLabel')}
        fields={[
          {
            name: 'zoek',
            label: t('list.searchLabel'),
            kind: 'text',
            description: t('contracts.searchDescription'),
          },
          {
            name: 'aanbieder',
            label: t('contract.provider'),
            kind: 'select',
            allLabel: t('contracts.allProviders'),
            options: (providers?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          },
        ]}
        values={{ zoek: filter.search, aanbieder: filter.providerId }}
        onApply={(v) => list.setFilter({ zoek: v.zoek ?? '', aanbieder: v.aanbieder ?? '' })}
      />
      <ListResults
        state={state}
        caption={t('contracts.title')}
        columns={columns}
        rowKey={(c) => c.id}
        count={{ one: t('contracts.countOne'), many: t('contracts.countMany') }}
        empty={{
          message: filtered ? t('contracts.noResults') : t('contracts.empty'),
          action:
            writable && !filtered
              ? { href: '/contracten/nieuw', label: t('contracts.emptyAction') }
              : undefined,
        }}
        page={list.page}
        onPage={list.setPage}
        onExport={exportCsv}
      />
    </>
  );
}
