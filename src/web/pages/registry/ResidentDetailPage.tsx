import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { type CaseSummary, useResidentCases } from '../../api/cases.js';
import { type Resident, useResident } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { canWorkCases } from '../../ui/access.js';
import { BackLink } from '../../ui/BackLink.js';
import { DataTable } from '../../ui/DataTable.js';
import { Details } from '../../ui/Details.js';
import { formatDate } from '../../ui/format.js';
import { LoadError, Loading, SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, useFlash } from '../../ui/router.js';
import { caseColumns } from '../cases/case-parts.js';

/** The address as Dutch post writes it: "Kerkstraat 12A-2", then "1234 AB Lindewaarde". */
function ResidentAddressLines({ address }: { address: NonNullable<Resident['address']> }) {
  const addition = address.houseNumberAddition ? `-${address.houseNumberAddition}` : '';
  const postcode = `${address.postcode.slice(0, 4)} ${address.postcode.slice(4)}`;
  return (
    <>
      {`${address.street} ${address.houseNumber}${address.houseLetter ?? ''}${addition}`}
      <br />
      {`${postcode} ${address.place}`}
    </>
  );
}

/** The resident's cases of the case worker's own teams; other teams' cases are not shown. */
function ResidentCases({ residentId }: { residentId: string }) {
  const t = useText();
  const state = useResidentCases(residentId);
  const columns = caseColumns<CaseSummary>(t, ['reference', 'law', 'status', 'team', 'deadline', 'flags']);
  return (
    <section className="rk-section" aria-labelledby="resident-cases">
      <Heading2 id="resident-cases">{t('resident.cases')}</Heading2>
      {state.error ? <LoadError error={state.error} /> : null}
      {!state.data && !state.error ? <Loading /> : null}
      {state.data && state.data.items.length === 0 ? <Paragraph>{t('resident.noCases')}</Paragraph> : null}
      {state.data && state.data.items.length > 0 ? (
        <DataTable
          caption={t('resident.cases')}
          columns={columns}
          rows={state.data.items}
          rowKey={(c) => c.id}
        />
      ) : null}
    </section>
  );
}

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
              { label: t('resident.givenNames'), value: resident.givenNames ?? '' },
              { label: t('resident.initials'), value: resident.initials ?? '' },
              { label: t('resident.familyNamePrefix'), value: resident.familyNamePrefix ?? '' },
              { label: t('resident.familyName'), value: resident.familyName ?? '' },
              { label: t('resident.gender'), value: t(`resident.gender.${resident.gender}`) },
              { label: t('resident.bsn'), value: resident.bsn },
              { label: t('resident.dateOfBirth'), value: formatDate(resident.dateOfBirth) },
              {
                label: t('resident.address'),
                value: resident.address ? <ResidentAddressLines address={resident.address} /> : '',
              },
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
          {canWorkCases(account.role) ? <ResidentCases residentId={id} /> : null}
          <Paragraph className="rk-muted">{t('resident.loggedNotice')}</Paragraph>
        </>
      ) : null}
    </>
  );
}
