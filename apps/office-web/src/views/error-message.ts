import { COMMON_ERRORS, ERROR_CATALOG, type ErrorSpec } from '@wahl/contracts';
import { ApiError } from '../api/api-error';
import type { Language, MessageKey } from '../i18n/i18n';

const BY_STATUS: Readonly<Record<number, MessageKey>> = {
  401: 'error.401',
  403: 'error.403',
  404: 'error.404',
  422: 'error.422',
  429: 'error.429',
};

type Catalog = Readonly<Record<string, ErrorSpec>>;

/**
 * The text for an error code in the page's language, from the error catalog the API answers with:
 * a specific code's own text; for a common code (FORBIDDEN, NOT_FOUND, …) the app's text for the
 * status, which reads better in the screen's context, else the catalog's; `undefined` if nothing fits.
 */
export function textForCode(
  code: string | undefined,
  status: number,
  language: Language,
  translate: (key: MessageKey) => string,
  catalog: Catalog = ERROR_CATALOG,
): string | undefined {
  const spec = code && Object.hasOwn(catalog, code) ? catalog[code] : undefined;
  // A code of one capability (e.g. ROLL_FROZEN) says more than the app's text for its HTTP status.
  if (spec && !Object.hasOwn(COMMON_ERRORS, code!)) return spec[language];
  const key = BY_STATUS[status];
  if (key) return translate(key);
  return spec?.[language];
}

/**
 * The text to show for a failed call. The API writes its `detail` in German and names the case
 * precisely (e.g. the current version), so a German page shows it as is; otherwise the text comes
 * from the error catalog by the problem's `code` (English page: always), then by status.
 */
export function errorMessage(error: unknown, language: Language, translate: (key: MessageKey) => string): string {
  if (!(error instanceof ApiError)) return translate('error.generic');
  if (error.status === 0) return translate('error.network');
  if (language === 'de' && error.detail) return error.detail;
  return textForCode(error.knownCode, error.status, language, translate) ?? translate('error.generic');
}

/** Each field shows the problem the API named for it (`$.name`), or nothing; for any failed call. */
export function showFieldProblems(fields: Readonly<Record<string, { setError(text: string | null): void }>>, error: unknown): void {
  const problems = error instanceof ApiError ? error.errors : [];
  for (const [name, field] of Object.entries(fields)) field.setError(problems.find((p) => p.path === `$.${name}`)?.message ?? null);
}
