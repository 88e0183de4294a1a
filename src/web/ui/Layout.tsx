/**
 * The frame of every screen: a skip link, the header with the municipality, the user and the
 * language switch, the navigation for the user's role, the main area and a footer.
 */
import { Button, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import type { MouseEvent, ReactNode } from 'react';
import { type Account, useSession } from '../api/session.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { TextKey } from '../i18n/nl.js';
import { SECTION_PATHS, SECTIONS_BY_ROLE, type Section } from './access.js';
import { AppLink, PlainLink, useLocation } from './router.js';

const SECTION_LABELS: Record<Section, TextKey> = {
  worklist: 'nav.worklist',
  monitor: 'nav.monitor',
  teams: 'nav.teams',
  geography: 'nav.geography',
  providers: 'nav.providers',
  provisions: 'nav.provisions',
  contracts: 'nav.contracts',
  residents: 'nav.residents',
  processingLog: 'nav.processingLog',
  accounts: 'nav.accounts',
  messages: 'nav.messages',
};

export function navigationFor(account: Account): { href: string; label: TextKey }[] {
  const items = SECTIONS_BY_ROLE[account.role].map((section) => ({
    href: SECTION_PATHS[section],
    label: SECTION_LABELS[section],
  }));
  if (account.role === 'provider_user' && account.providerId) {
    items.push({ href: `/aanbieders/${account.providerId}`, label: 'nav.ownProvider' });
  }
  return items;
}

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const other = language === 'nl' ? 'en' : 'nl';
  return (
    <Button
      appearance="subtle-button"
      className="rk-language"
      lang={other}
      onClick={() => setLanguage(other)}
      title={t('layout.switchLanguageLabel')}
    >
      {t('layout.switchLanguage')}
    </Button>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <PageFooter className="rk-footer">
      <div className="rk-footer__inner">
        <Paragraph>{t('layout.footer')}</Paragraph>
      </div>
    </PageFooter>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { account, logout } = useSession();
  const { path } = useLocation();
  if (!account) return <PublicLayout>{children}</PublicLayout>;
  const items = [{ href: '/', label: 'nav.home' as TextKey }, ...navigationFor(account)];
  const isCurrent = (href: string) =>
    href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  return (
    <div className="rk-app">
      <SkipLink href="#main" onClick={skipToMain}>
        {t('layout.skipToContent')}
      </SkipLink>
      <PageHeader className="rk-header">
        <div className="rk-header__bar">
          <PlainLink href="/" className="rk-brand">
            <span className="rk-brand__product">{t('app.name')}</span>
            <span className="rk-brand__municipality">
              {t('layout.municipality', { name: account.municipalityName })}
            </span>
          </PlainLink>
          <div className="rk-user">
            <p className="rk-user__who">
              <span className="rk-visually-hidden">{t('layout.loggedInAs')} </span>
              <span className="rk-user__name">{account.displayName}</span>
              <span className="rk-user__role">{t(`role.${account.role}`)}</span>
            </p>
            <div className="rk-user__actions">
              <LanguageSwitch />
              <AppLink href="/wachtwoord">{t('layout.changePassword')}</AppLink>
              <Button appearance="secondary-action-button" onClick={() => void logout()}>
                {t('layout.logout')}
              </Button>
            </div>
          </div>
        </div>
        <nav className="rk-nav" aria-label={t('layout.mainNavigation')}>
          <ul className="rk-nav__list">
            {items.map((item) => (
              <li key={item.href} className="rk-nav__item">
                <PlainLink
                  href={item.href}
                  className="rk-nav__link"
                  aria-current={isCurrent(item.href) ? 'page' : undefined}
                >
                  {t(item.label)}
                </PlainLink>
              </li>
            ))}
          </ul>
        </nav>
      </PageHeader>
      <main id="main" tabIndex={-1} className="rk-main">
        {children}
      </main>
      <Footer />
    </div>
  );
}

/** The frame before login: the product's name and the language switch. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="rk-app">
      <SkipLink href="#main" onClick={skipToMain}>
        {t('layout.skipToContent')}
      </SkipLink>
      <PageHeader className="rk-header">
        <div className="rk-header__bar">
          <span className="rk-brand">
            <span className="rk-brand__product">{t('app.name')}</span>
            <span className="rk-brand__municipality">{t('app.tagline')}</span>
          </span>
          <div className="rk-user">
            <div className="rk-user__actions">
              <LanguageSwitch />
            </div>
          </div>
        </div>
      </PageHeader>
      <main id="main" tabIndex={-1} className="rk-main">
        {children}
      </main>
      <Footer />
    </div>
  );
}
