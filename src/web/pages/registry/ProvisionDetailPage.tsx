import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { categoriesFor, describeCode, useReference } from '../../api/reference.js';
import { useProvision } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { canWrite } from '../../ui/access.js';
import { BackLink } from '../../ui/BackLink.js';
import { Details } from '../../ui/Details.js';
import { LoadError, Loading, SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, useFlash } from '../../ui/router.js';

export function ProvisionDetailPage({ id }: { id: string }) {
  const t = useText();
  const account = useAccount();
  const flash = useFlash();
  const { data: provision, error } = useProvision(id);
  const { data: reference } = useReference();
  const title = provision?.name ?? t('provision.title');
  return (
    <>
      <BackLink href="/voorzieningen" label={t('provisions.title')} />
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle title={title}>{title}</PageTitle>
        {provision && canWrite(account.role, 'provisions') ? (
          <AppButtonLink href={`/voorzieningen/${id}/bewerken`} appearance="secondary-action-button">
            {t('action.edit')}
          </AppButtonLink>
        ) : null}
      </div>
      {error ? <LoadError error={error} /> : null}
      {!provision && !error ? <Loading /> : null}
      {provision ? (
        <>
          <Details
            items={[
              { label: t('provision.code'), value: provision.code },
              { label: t('provision.law'), value: t(`law.${provision.law}`) },
              { label: t('provision.kind'), value: t(`kind.${provision.kind}`) },
              {
                label: t('provision.productCategory'),
                value: describeCode(categoriesFor(reference, provision.law), provision.productCategory),
              },
              { label: t('provision.productCode'), value: provision.productCode ?? '' },
              { label: t('provision.unit'), value: describeCode(reference?.units, provision.unit) },
            ]}
          />
          <section aria-labelledby="intent-heading" className="rk-section">
            <Heading2 id="intent-heading">{t('provision.intent')}</Heading2>
            <Paragraph className="rk-intent">{provision.intent}</Paragraph>
          </section>
        </>
      ) : null}
    </>
  );
}
