import { Paragraph } from '@utrecht/component-library-react';
import { useResident } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { canWorkCases } from '../../ui/access.js';
import { BackLink } from '../../ui/BackLink.js';
import { Details } from '../../ui/Details.js';
import { formatDate } from '../../ui/format.js';
import { LoadError, Loading, SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, useFlash } from '../../ui/router.js';

export function ResidentDetailPage({ id }: { id: string }) {
  const t = useText();
  const flash = useFlash();
  const account = useAccount();
  const { data: resident, error } = useResident(id);
  const title = resident?.name ?? t('resident.title');
  return (
    <>
      <BackLink href="/inwoners" label={t('residents.title')} />
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle title={title}>{title}</PageTitle>
        {resident ? (
          <AppButtonLink href={`/inwoners/${id}/bewerken`} appearance="secondary-action-button">
            {t('action.edit')}
          </AppButtonLink>
        ) : null}
      </div>
      {error ? <LoadError error={error} /> : null}
      {!resident && !error ? <Loading /> : null}
      {resident ? (
        <>
          <Details
            items={[
              { label: t('resident.name'), value: resident.name },
              { label: t('resident.bsn'), value: resident.bsn },
              { label: t('resident.dateOfBirth'), value: formatDate(resident.dateOfBirth) },
              {
                label: t('resident.neighbourhood'),
                value: resident.neighbourhoodName
                  ? `${resident.neighbourhoodName} (${resident.neighbourhoodCode ?? ''})`
                  : (resident.neighbourhoodCode ?? ''),
              },
            ]}
          />
          {canWorkCases(account.role) ? (
            <div className="rk-actions-row">
              <AppButtonLink href={`/inwoners/${id}/melding`} appearance="primary-action-button">
                {t('newCase.button')}
              </AppButtonLink>
            </div>
          ) : null}
          <Paragraph className="rk-muted">{t('resident.loggedNotice')}</Paragraph>
        </>
      ) : null}
    </>
  );
}
