import type { ContractSummary } from '../../api/registry.js';
import type { Translate } from '../../i18n/i18n-context.js';
import type { Column } from '../../ui/DataTable.js';
import { formatDate, formatMoney, formatNumber } from '../../ui/format.js';
import { AppLink } from '../../ui/router.js';

/** The contract table's columns, shared by the contract list and a provider's page. */
export function contractColumns(t: Translate, options: { withProvider: boolean }): Column<ContractSummary>[] {
  const provider: Column<ContractSummary> = {
    key: 'provider',
    label: t('contract.provider'),
    render: (c) => <AppLink href={`/aanbieders/${c.providerId}`}>{c.providerName}</AppLink>,
    sortValue: (c) => c.providerName,
  };
  return [
    {
      key: 'reference',
      label: t('contract.reference'),
      render: (c) => <AppLink href={`/contracten/${c.id}`}>{c.reference}</AppLink>,
      sortValue: (c) => c.reference,
    },
    ...(options.withProvider ? [provider] : []),
    {
      key: 'variant',
      label: t('contract.financingVariant'),
      render: (c) => t(`variant.${c.financingVariant}`),
      sortValue: (c) => c.financingVariant,
    },
    {
      key: 'period',
      label: t('contract.period'),
      render: (c) =>
        t('contract.periodValue', { start: formatDate(c.startDate), end: formatDate(c.endDate) }),
      sortValue: (c) => c.startDate,
    },
    {
      key: 'budget',
      label: t('contract.budgetCeiling'),
      render: (c) => formatMoney(c.budgetCeilingCents),
      sortValue: (c) => c.budgetCeilingCents,
      numeric: true,
    },
    {
      key: 'lines',
      label: t('contract.lineCount'),
      render: (c) => formatNumber(c.lineCount),
      sortValue: (c) => c.lineCount,
      numeric: true,
    },
  ];
}
