import { ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useProvider } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { canReadContracts, canUse, canWrite } from '../../ui/access.js';
import { BackLink } from '../../ui/BackLink.js';
import { DataTable } from '../../ui/DataTable.js';
import { Details } from '../../ui/Details.js';
import { formatNumber } from '../../ui/format.js';
import { EmptyState } from '../../ui/ListParts.js';
import { LoadError, Loading, SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, useFlash } from '../../ui/router.js';
import { contractColumns } from './contract-columns.js';

export function ProviderDetailPage({ id }: { id: string }) {
  const t = useText();
  const account = useAccount();
  const flash = useFlash();
  const { data: provider, error } = useProvider(id);
  const writable = canWrite(account.role, 'providers');
  const showContracts = canReadContracts(account.role);
  const contractsWritable = canWrite(account.role, 'contracts');

  const columns = contractColumns(t, { withProvider: false });

  return (
    <>
      {canUse(account.role, 'providers') ? (
        <BackLink href="/aanbieders" label={t('providers.title')} />
      ) : null}
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle title={provider?.name ?? t('provider.title')}>
          {provider?.name ?? t('provider.title')}
        </PageTitle>
        {writable && provider ? (
          <AppButtonLink href={`/aanbieders/${id}/bewerken`} appearance="secondary-action-button">
            {t('action.edit')}
          </AppButtonLink>
        ) : null}
      </div>
      {error ? <LoadError error={error} /> : null}
      {!provider && !error ? <Loading /> : null}
      {provider ? (
        <>
          <Details
            items={[
              { label: t('provider.agbCode'), value: provider.agbCode },
              { label: t('provider.kvkNumber'), value: provider.kvkNumber ?? '' },
              { label: t('provider.contractCount'), value: formatNumber(provider.contractCount) },
            ]}
          />
          {showContracts ? (
            <section aria-labelledby="contracts-heading" className="rk-section">
              <div className="rk-title-row">
                <Heading2 id="contracts-heading">{t('provider.contracts')}</Heading2>
                {contractsWritable ? (
                  <ButtonGroup>
                    <AppButtonLink
                      href={`/contracten/nieuw?aanbieder=${id}`}
                      appearance="secondary-action-button"
                    >
                      {t('contracts.new')}
                    </AppButtonLink>
                  </ButtonGroup>
                ) : null}
              </div>
              {provider.contracts.length === 0 ? (
                <EmptyState
                  message={t('provider.noContracts')}
                  action={
                    contractsWritable
                      ? { href: `/contracten/nieuw?aanbieder=${id}`, label: t('contracts.emptyAction') }
                      : undefined
                  }
                />
              ) : (
                <DataTable
                  caption={t('provider.contractsCaption', { name: provider.name })}
                  columns={columns}
                  rows={provider.contracts}
                  rowKey={(c) => c.id}
                />
              )}
            </section>
          ) : (
            <Paragraph className="rk-muted">{t('provider.contractsHidden')}</Paragraph>
          )}
        </>
      ) : null}
    </>
  );
}
