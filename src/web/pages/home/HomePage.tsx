import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { SECTION_PATHS, SECTIONS_BY_ROLE, type Section } from '../../ui/access.js';
import { SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { PlainLink, useFlash } from '../../ui/router.js';

const TILES: Record<Section, { title: TextKey; description: TextKey }> = {
  worklist: { title: 'nav.worklist', description: 'home.tile.worklist' },
  monitor: { title: 'nav.monitor', description: 'home.tile.monitor' },
  teams: { title: 'nav.teams', description: 'home.tile.teams' },
  geography: { title: 'nav.geography', description: 'home.tile.geography' },
  providers: { title: 'nav.providers', description: 'home.tile.providers' },
  provisions: { title: 'nav.provisions', description: 'home.tile.provisions' },
  contracts: { title: 'nav.contracts', description: 'home.tile.contracts' },
  residents: { title: 'nav.residents', description: 'home.tile.residents' },
  processingLog: { title: 'nav.processingLog', description: 'home.tile.processingLog' },
  accounts: { title: 'nav.accounts', description: 'home.tile.accounts' },
  messages: { title: 'nav.messages', description: 'home.tile.messages' },
};

export function HomePage() {
  const t = useText();
  const account = useAccount();
  const flash = useFlash();
  const tiles = SECTIONS_BY_ROLE[account.role].map((section) => ({
    href: SECTION_PATHS[section],
    ...TILES[section],
    // A provider submits messages; the municipality reads the exchange with all providers.
    ...(section === 'messages' && account.role === 'provider_user'
      ? { description: 'home.tile.messagesProvider' as TextKey }
      : {}),
  }));
  if (account.role === 'provider_user' && account.providerId) {
    tiles.push({
      href: `/aanbieders/${account.providerId}`,
      title: 'nav.ownProvider',
      description: 'home.tile.ownProvider',
    });
  }
  return (
    <>
      <SavedMessage message={flash} />
      <PageTitle title={t('home.documentTitle')}>
        {t('home.title', { name: account.municipalityName })}
      </PageTitle>
      <Paragraph appearance="lead">
        {t('home.welcome', { name: account.displayName, role: t(`role.${account.role}`).toLowerCase() })}
      </Paragraph>
      {tiles.length > 0 ? (
        <ul className="rk-tiles" aria-label={t('home.sections')}>
          {tiles.map((tile) => (
            <li key={tile.href} className="rk-tile">
              <Heading2 className="rk-tile__title">
                <PlainLink href={tile.href} className="rk-tile__link">
                  {t(tile.title)}
                </PlainLink>
              </Heading2>
              <Paragraph className="rk-tile__description">{t(tile.description)}</Paragraph>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('home.noSections')}</Paragraph>
      )}
    </>
  );
}
