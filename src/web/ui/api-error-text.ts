/**
 * The text for an error that is not tied to a form field: the catalogue's text for the codes
 * everyone meets, the server's own (Dutch, specific) message for the rest.
 */
import { ApiError } from '../api/http.js';
import type { Language, Translate } from '../i18n/i18n-context.js';
import type { TextKey } from '../i18n/nl.js';

const BY_CODE: Record<string, TextKey> = {
  NETWORK_ERROR: 'error.network',
  UNAUTHENTICATED: 'error.unauthenticated',
  FORBIDDEN: 'error.forbidden',
  CSRF_TOKEN_INVALID: 'error.csrf',
  NOT_FOUND: 'error.notFound',
  INTERNAL_ERROR: 'error.internal',
  BODY_TOO_LARGE: 'error.tooLarge',
  INVALID_CREDENTIALS: 'login.invalidCredentials',
  TOO_MANY_ATTEMPTS: 'login.tooManyAttempts',
};

export function apiErrorText(t: Translate, language: Language, error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  // The lock-out message names the minutes to wait; the Dutch server text says it best.
  if (error.code === 'TOO_MANY_ATTEMPTS' && language === 'nl' && error.message) return error.message;
  if (error.code === 'INTERNAL_ERROR' && language === 'nl' && error.message) return error.message;
  const key = BY_CODE[error.code];
  if (key) return t(key);
  if (language === 'nl' && error.message) return error.message;
  return error.message || t('error.unexpected');
}
