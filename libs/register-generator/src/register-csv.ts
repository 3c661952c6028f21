import { formatGermanDate } from './civil-date';
import type { Resident } from './resident-generator';

// The resident-register extract as the roll import reads it: `;`-separated UTF-8, one line per
// resident, dates TT.MM.JJJJ, flags 0/1 (see libs/domain roll/register-record.ts).

export const REGISTER_HEADER =
  'person_id;familienname;vornamen;geburtsname;geburtsdatum;geschlecht;staatsangehoerigkeiten;strassenschluessel;strasse;hausnummer;hausnummerzusatz;plz;ort;wohnungsstatus;zuzugsdatum;zuzug_aus_ausland;auskunftssperre;wahlrechtsausschluss';

/** Quotes a field holding `;`, `"` or `,` (so `"DE,IT"`), doubling inner quotes. */
export function csvField(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 59 || c === 34 || c === 44) return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

const flag = (value: boolean): string => (value ? '1' : '0');

export function formatRegisterLine(r: Resident): string {
  return [
    csvField(r.personId),
    csvField(r.familyName),
    csvField(r.givenNames),
    csvField(r.birthName),
    formatGermanDate(r.birthDay),
    r.gender,
    csvField(r.nationalities.join(',')),
    csvField(r.streetKey),
    csvField(r.street),
    String(r.houseNumber),
    r.houseNumberSuffix,
    r.postalCode,
    csvField(r.city),
    r.dwellingStatus,
    r.moveInDay === null ? '' : formatGermanDate(r.moveInDay),
    // zuzug_aus_ausland is the day of arrival from abroad; the generator's arrivals move straight in.
    r.movedInFromAbroad && r.moveInDay !== null ? formatGermanDate(r.moveInDay) : '',
    flag(r.informationBlock),
    flag(r.excludedFromVoting),
  ].join(';');
}
