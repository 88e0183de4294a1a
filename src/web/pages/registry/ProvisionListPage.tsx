import { Paragraph } from '@utrecht/component-library-react';
import { describeCode, useReference } from '../../api/reference.js';
import {
  fetchAllProvisions,
  LAWS,
  PROVISION_KINDS,
  type Provision,
  type ProvisionFilter,
  useProvisions,
} from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { canWrite } from '../../ui/access.js';
import { csvFilename, downloadCsv } from '../../ui/csv.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { FilterForm } from '../../ui/ListParts.js';
import { SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, AppLink, useFlash } from '../../ui/router.js';
import { useListParams } from '../../ui/use-list-params.js';

export function ProvisionListPage() {
  const t = useText();
  const account = useAccount();
  const flash = useFlash();
  const list = useListParams(['wet', 'soort']);
  const filter: ProvisionFilter = {
    search: list.search,
    law: list.extra.wet ?? '',
    kind: list.extra.soort ?? '',
  };
  const state = useProvisions(filter, list.paging);
  const { data: reference } = useReference();
  const writable = canWrite(account.role, 'provisions');
  const filtered = Boolean(filter.search || filter.law || filter.kind);

  const columns: Column<Provision>[] = [
    { key: 'code', label: t('provision.code'), render: (p) => p.code, sortValue: (p) => p.code },
    {
      key: 'name',
      label: t('provision.name'),
      render: (p) => <AppLink href={`/voorzieningen/${p.id}`}>{p.name}</AppLink>,
      sortValue: (p) => p.name,
    },
    { key: 'law', label: t('provision.law'), render: (p) => t(`law.${p.law}`), sortValue: (p) => p.law },
    { key: 'kind', label: t('provision.kind'), render: (p) => t(`kind.${p.kind}`), sortValue: (p) => p.kind },
    {
      key: 'unit',
      label: t('provision.unit'),
      render: (p) => describeCode(reference?.units, p.unit),
      sortValue: (p) => p.unit,
    },
  ];

  const exportCsv = async () => {
    const rows = await fetchAllProvisions(filter);
    downloadCsv(
      csvFilename('voorzieningen'),
      [
        t('provision.code'),
        t('provision.name'),
        t('provision.law'),
        t('provision.kind'),
        t('provision.productCategory'),
        t('provision.productCode'),
        t('provision.unit'),
        t('provision.intent'),
      ],
      rows.map((p) => [
        p.code,
        p.name,
        t(`law.${p.law}`),
        t(`kind.${p.kind}`),
        p.productCategory,
        p.productCode,
        describeCode(reference?.units, p.unit),
        p.intent,
      ]),
    );
  };

  return (
    <>
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle>{t('provisions.title')}</PageTitle>
        {writable ? (
          <AppButtonLink href="/voorzieningen/nieuw" appearance="primary-action-button">
            {t('provisions.new')}
          </AppButtonLink>
        ) : null}
      </div>
      <Paragraph>{t('provisions.intro')}</Paragraph>
      <FilterForm
        key={`${filter.search}|${filter.law}|${filter.kind}`}
        label={t('provisions.searchLabel')}
        fields={[
          {
            name: 'zoek',
            label: t('list.searchLabel'),
            kind: 'text',
            description: t('provisions.searchDescription'),
          },
          {
            name: 'wet',
            label: t('provision.law'),
            kind: 'select',
            allLabel: t('provisions.allLaws'),
            options: LAWS.map((law) => ({ value: law, label: t(`law.${law}`) })),
          },
          {
            name: 'soort',
            label: t('provision.kind'),
            kind: 'select',
            allLabel: t('provisions.allKinds'),
            options: PROVISION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
          },
        ]}
        values={{ zoek: filter.search, wet: filter.law, soort: filter.kind }}
        onApply={(v) => list.setFilter({ zoek: v.zoek ?? '', wet: v.wet ?? '', soort: v.soort ?? '' })}
      />
      <ListResults
        state={state}
        caption={t('provisions.title')}
        columns={columns}
        rowKey={(p) => p.id}
        count={{ one: t('provisions.countOne'), many: t('provisions.countMany') }}
        empty={{
          message: filtered ? t('provisions.noResults') : t('provisions.empty'),
          action:
            writable && !filtered
              ? { href: '/voorzieningen/nieuw', label: t('provisions.emptyAction') }
              : undefined,
        }}
        page={list.page}
        onPage={list.setPage}
        onExport={exportCsv}
      />
    </>
  );
}
