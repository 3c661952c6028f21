// The columns of the resident-register extract (R1.7, R1.11), in one module of their own so that the
// full parser (register-record) and the fast scan (register-line-scan) both read them without a cycle.

export const REGISTER_COLUMNS = [
  'person_id',
  'familienname',
  'vornamen',
  'geburtsname',
  'geburtsdatum',
  'geschlecht',
  'staatsangehoerigkeiten',
  'strassenschluessel',
  'strasse',
  'hausnummer',
  'hausnummerzusatz',
  'plz',
  'ort',
  'wohnungsstatus',
  'zuzugsdatum',
  'zuzug_aus_ausland',
  'auskunftssperre',
  'wahlrechtsausschluss',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];
