import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { describeCode, useReference } from '../../api/reference.js';
import { type ContractLine, useContract } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { canUse, canWrite } from '../../ui/access.js';
import { BackLink } from '../../ui/BackLink.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { Details } from '../../ui/Details.js';
import { formatDate, formatMoney } from '../../ui/format.js';
import { LoadError, Loading, SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, AppLink, useFlash } from '../../ui/router.js';
import { KpiList } from '../monitor/KpiList.js';

export function ContractDetailPage({ id }: { id: string }) {
  const t = useText();
  const account = useAccount();
  const flash = useFlash();
  const { data: contract, error } = useContract(id);
  const { data: reference } = useReference();
  const title = contract
    ? t('contract.titleWithReference', { reference: contract.reference })
    : t('contract.title');

  const columns: Column<ContractLine>[] = [
    {
      key: 'code',
      label: t('provision.code'),
      render: (l) => l.provisionCode,
      sortValue: (l) => l.provisionCode,
    },
    {
      key: 'name',
      label: t('contract.lineProvision'),
      render: (l) =>
        canUse(account.role, 'provisions') ? (
          <AppLink href={`/voorzieningen/${l.provisionId}`}>{l.provisionName}</AppLink>
        ) : (
          l.provisionName
        ),
      sortValue: (l) => l.provisionName,
    },
    {
      key: 'unit',
      label: t('provision.unit'),
      render: (l) => describeCode(reference?.units, l.unit),
      sortValue: (l) => l.unit,
    },
    {
      key: 'tariff',
      label: t('contract.tariff'),
      render: (l) => formatMoney(l.tariffCents),
      sortValue: (l) => l.tariffCents,
      numeric: true,
    },
  ];

  const back = canUse(account.role, 'contracts')
    ? { href: '/contracten', label: t('contracts.title') }
    : contract
      ? { href: `/aanbieders/${contract.providerId}`, label: contract.providerName }
      : undefined;

  return (
    <>
      {back ? <BackLink href={back.href} label={back.label} /> : null}
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle title={title}>{title}</PageTitle>
        {contract && canWrite(account.role, 'contracts') ? (
          <AppButtonLink href={`/contracten/${id}/bewerken`} appearance="secondary-action-button">
            {t('action.edit')}
          </AppButtonLink>
        ) : null}
      </div>
      {error ? <LoadError error={error} /> : null}
      {!contract && !error ? <Loading /> : null}
      {contract ? (
        <>
          <Details
            items={[
              {
                label: t('contract.provider'),
                value: <AppLink href={`/aanbieders/${contract.providerId}`}>{contract.providerName}</AppLink>,
              },
              { label: t('contract.reference'), value: contract.reference },
              { label: t('contract.financingVariant'), value: t(`variant.${contract.financingVariant}`) },
              {
                label: t('contract.period'),
                value: t('contract.periodValue', {
                  start: formatDate(contract.startDate),
                  end: formatDate(contract.endDate),
                }),
              },
              { label: t('contract.budgetCeiling'), value: formatMoney(contract.budgetCeilingCents) },
            ]}
          />
          <section aria-labelledby="kpis-heading" className="rk-section">
            <Heading2 id="kpis-heading">{t('contract.kpis')}</Heading2>
            {contract.kpis.length === 0 ? (
              <Paragraph className="rk-muted">{t('contract.kpisNone')}</Paragraph>
            ) : (
              <KpiList kpis={contract.kpis} />
            )}
          </section>
          <section aria-labelledby="lines-heading" className="rk-section">
            <Heading2 id="lines-heading">{t('contract.lines')}</Heading2>
            <DataTable
              caption={t('contract.linesCaption', { reference: contract.reference })}
              columns={columns}
              rows={contract.lines}
              rowKey={(l) => l.provisionId}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
