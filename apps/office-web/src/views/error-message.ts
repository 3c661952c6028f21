import { ApiError } from '../api/api-error';
import type { Language, MessageKey } from '../i18n/i18n';

const BY_STATUS: Readonly<Record<number, MessageKey>> = {
  401: 'error.401',
  403: 'error.403',
  404: 'error.404',
  422: 'error.422',
  429: 'error.429',
};

/**
 * The text to show for a failed call. The API writes its `detail` in German, so a German page shows
 * it as is; an English page falls back to a translated text for the status.
 */
export function errorMessage(error: unknown, language: Language, translate: (key: MessageKey) => string): string {
  if (!(error instanceof ApiError)) return translate('error.generic');
  if (error.status === 0) return translate('error.network');
  if (language === 'de' && error.detail) return error.detail;
  const key = BY_STATUS[error.status];
  return translate(key ?? 'error.generic');
}
