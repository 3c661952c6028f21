/** HTTP status a domain error is answered with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** One stable error code: its status and its text in German (shown to users) and English (for integrators). */
export type ErrorSpec = { readonly status: ErrorStatus; readonly de: string; readonly en: string };

/** Each module declares its codes with this; the keys are the stable codes on the wire. */
export const defineErrors = <const T extends Record<string, ErrorSpec>>(errors: T): T => errors;

/** Codes any module may use for failures that are not specific to one capability. */
export const COMMON_ERRORS = defineErrors({
  UNAUTHENTICATED: { status: 401, de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
  FORBIDDEN: { status: 403, de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, de: 'Nicht gefunden.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, de: 'Diese Adresse gibt es nicht.', en: 'There is no such address.' },
  VALIDATION_FAILED: { status: 422, de: 'Die Anfrage enthält ungültige Angaben.', en: 'The request contains invalid values.' },
  BAD_REQUEST: { status: 400, de: 'Die Anfrage ist ungültig.', en: 'The request is malformed.' },
  MALFORMED_JSON: { status: 400, de: 'Der Inhalt der Anfrage ist kein gültiges JSON.', en: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    de: 'Dieses Format des Inhalts wird nicht unterstützt.',
    en: 'This content type is not supported.',
  },
  CONFLICT: { status: 409, de: 'Das ist im jetzigen Zustand nicht möglich.', en: 'Not possible in the current state.' },
  TOO_MANY_REQUESTS: { status: 429, de: 'Zu viele Anfragen. Bitte warten Sie kurz.', en: 'Too many requests. Please wait.' },
  PAYLOAD_TOO_LARGE: { status: 413, de: 'Die Anfrage ist zu groß.', en: 'The request is too large.' },
  SERVICE_UNAVAILABLE: { status: 503, de: 'Der Dienst ist gerade nicht erreichbar.', en: 'The service is unavailable.' },
  INTERNAL_ERROR: { status: 500, de: 'Ein unerwarteter Fehler ist aufgetreten.', en: 'An unexpected error occurred.' },
});
