import { weekdayOf, type CardElection, type CardRecord, type IsoDate, type PollingStation } from '@wahl/domain';
import type { MunicipalityLetterhead } from './card-template.schema';

// The `{placeholders}` a template may use, and how far each value reaches. The scope decides where
// an element is drawn: `job` values are the same on every card (drawn once per document into the
// side's form XObject), `district` values are shared by all voters of a polling district (one form
// per district and document), `voter` values are written on each page.

export type PlaceholderScope = 'job' | 'district' | 'voter';

export const PLACEHOLDER_SCOPES: Readonly<Record<string, PlaceholderScope>> = {
  gemeinde: 'job',
  wahlamt: 'job',
  wahlamt_anschrift: 'job',
  ruecksendeangabe: 'job',
  telefon: 'job',
  email: 'job',
  internet: 'job',
  sprechzeiten: 'job',
  wahl: 'job',
  wahltag: 'job',
  wahltag_datum: 'job',
  antragsfrist: 'job',
  wahlbezirk: 'district',
  wahlbezirk_name: 'district',
  wahlraum: 'district',
  wahlraum_anschrift: 'district',
  wahlzeit: 'district',
  barrierefreiheit: 'district',
  familienname: 'voter',
  vornamen: 'voter',
  name: 'voter',
  adresszusatz: 'voter',
  strasse: 'voter',
  hausnummer: 'voter',
  strasse_hausnummer: 'voter',
  plz: 'voter',
  ort: 'voter',
  plz_ort: 'voter',
  waehlernummer: 'voter',
  stueck: 'voter',
};

const PLACEHOLDER = /\{([a-z_]+)\}/g;
const SCOPE_RANK: Readonly<Record<PlaceholderScope, number>> = { job: 0, district: 1, voter: 2 };

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** The widest scope of the placeholders in `texts`; unknown names are reported by the loader. */
export function scopeOf(...texts: readonly string[]): PlaceholderScope {
  let scope: PlaceholderScope = 'job';
  for (const text of texts) {
    for (const name of placeholdersIn(text)) {
      const found = PLACEHOLDER_SCOPES[name];
      if (found && SCOPE_RANK[found] > SCOPE_RANK[scope]) scope = found;
    }
  }
  return scope;
}

export type PlaceholderValues = Readonly<Record<string, string>>;

/** Replaces every known placeholder; unknown ones stay visible so a proof shows them. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** `Sonntag, 23. Februar 2025` */
export function formatLongDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[weekdayOf(date)]}, ${day}. ${MONTHS[month - 1]} ${year}`;
}

/** `23.02.2025` */
export function formatShortDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** `08:00–18:00` → `8:00 bis 18:00 Uhr`; other notations are printed as given. */
export function formatOpeningHours(hours: string): string {
  const match = /^(\d{1,2}):(\d{2})\s*[–-]\s*(\d{1,2}):(\d{2})$/.exec(hours.trim());
  if (!match) return hours;
  return `${Number(match[1])}:${match[2]} bis ${Number(match[3])}:${match[4]} Uhr`;
}

export function jobPlaceholders(election: CardElection, municipality: MunicipalityLetterhead): PlaceholderValues {
  return {
    gemeinde: municipality.name,
    wahlamt: municipality.office,
    wahlamt_anschrift: `${municipality.street}, ${municipality.postalCode} ${municipality.town}`,
    ruecksendeangabe: municipality.returnAddress,
    telefon: municipality.phone,
    email: municipality.email,
    internet: municipality.website,
    sprechzeiten: municipality.officeHours,
    wahl: election.name,
    wahltag: formatLongDate(election.electionDay),
    wahltag_datum: formatShortDate(election.electionDay),
    antragsfrist: `${formatLongDate(election.postalApplicationDeadline)}, 18:00 Uhr`,
  };
}

/** R3.1 item 2: whether the polling room is barrier-free, in words. */
export function barrierFreeText(station: PollingStation): string {
  if (station.barrierFree) return station.barrierFreeNote ?? 'Der Wahlraum ist barrierefrei zugänglich.';
  return station.barrierFreeNote ?? 'Der Wahlraum ist nicht barrierefrei zugänglich.';
}

/** Cache key of the district scope: the same district number always comes with the same station. */
export const districtKey = (record: CardRecord): string => `${record.district.number}\u0000${record.pollingStation.id}`;

export function districtPlaceholders(record: CardRecord): PlaceholderValues {
  const station = record.pollingStation;
  return {
    wahlbezirk: record.district.number,
    wahlbezirk_name: record.district.name,
    wahlraum: station.name,
    wahlraum_anschrift: `${station.address.street} ${station.address.houseNumber}, ${station.address.postalCode} ${station.address.city}`,
    wahlzeit: formatOpeningHours(station.openingHours),
    barrierefreiheit: barrierFreeText(station),
  };
}

export function voterPlaceholders(record: CardRecord, piece: number): PlaceholderValues {
  return {
    familienname: record.familyName,
    vornamen: record.givenNames,
    name: `${record.givenNames} ${record.familyName}`,
    adresszusatz: record.addressSupplement ?? '',
    strasse: record.street,
    hausnummer: record.houseNumber,
    strasse_hausnummer: `${record.street} ${record.houseNumber}`,
    plz: record.postalCode,
    ort: record.town,
    plz_ort: `${record.postalCode} ${record.town}`,
    waehlernummer: String(record.voterNumber),
    stueck: String(piece),
  };
}
