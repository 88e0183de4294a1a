import { Paragraph } from '@utrecht/component-library-react';
import { useText } from '../../i18n/i18n-context.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppLink } from '../../ui/router.js';

export function NotFoundPage() {
  const t = useText();
  return (
    <div className="rk-narrow">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink href="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </div>
  );
}
