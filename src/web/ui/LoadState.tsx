import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ApiError } from '../api/http.js';
import { useI18n } from '../i18n/i18n-context.js';
import { apiErrorText } from './api-error-text.js';

/** "Bezig met laden…", announced politely. */
export function Loading() {
  const { t } = useI18n();
  return (
    <Paragraph className="rk-loading" role="status">
      {t('state.loading')}
    </Paragraph>
  );
}

export function LoadError({ error }: { error: ApiError }) {
  const { t, language } = useI18n();
  return (
    <Alert type="error">
      <Paragraph>{apiErrorText(t, language, error)}</Paragraph>
    </Alert>
  );
}

/** A confirmation after saving, shown on the page the user lands on. */
/** Warnings that came with a save: the save stood, but something needs the user's attention. */
export function SavedWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert type="warning" role="status">
      {warnings.map((w) => (
        <Paragraph key={w}>{w}</Paragraph>
      ))}
    </Alert>
  );
}

export function SavedMessage({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert type="ok" role="status" className="rk-saved">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
