import { Paragraph } from '@utrecht/component-library-react';
import { useText } from '../../i18n/i18n-context.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppLink } from '../../ui/router.js';

export function ForbiddenPage() {
  const t = useText();
  return (
    <div className="rk-narrow">
      <PageTitle>{t('forbidden.title')}</PageTitle>
      <Paragraph>{t('forbidden.text')}</Paragraph>
      <Paragraph>
        <AppLink href="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </div>
  );
}
