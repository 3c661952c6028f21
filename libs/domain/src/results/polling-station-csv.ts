import type { PollingStation } from '../election/election-definition.types';
import { csvText, germanDate, type OpenDataMeta } from './open-data-csv';

// The polling stations (Wahlräume) as open data, in the conventions of the result files (UTF-8
// without BOM, `;`, LF, no quoting): the room, its address and opening hours, whether it is
// barrier-free, and the districts that vote there. Rooms and addresses are public notices
// (Wahlbekanntmachung); nothing about a person is in this file.

/** A station with the numbers of the districts that vote in it, in definition order. */
export type OpenDataPollingStation = PollingStation & { readonly districtNumbers: readonly string[] };

export const POLLING_STATION_COLUMNS = [
  'datum',
  'wahl',
  'ags',
  'wahlraum-nr',
  'wahlraum-name',
  'strasse',
  'hausnummer',
  'plz',
  'ort',
  'oeffnungszeiten',
  'barrierefrei',
  'barrierefrei-hinweis',
  'wahlbezirke',
] as const;

/** `wahlbezirke`: the district numbers joined by `,`; `barrierefrei`: `ja` or `nein`. */
export const formatPollingStationsCsv = (meta: OpenDataMeta, stations: readonly OpenDataPollingStation[]): string => {
  const date = germanDate(meta.electionDay);
  const lines = stations.map((station) =>
    [
      date,
      csvText(meta.electionName),
      meta.ags,
      csvText(station.id),
      csvText(station.name),
      csvText(station.address.street),
      csvText(station.address.houseNumber),
      csvText(station.address.postalCode),
      csvText(station.address.city),
      csvText(station.openingHours),
      station.barrierFree ? 'ja' : 'nein',
      csvText(station.barrierFreeNote ?? ''),
      station.districtNumbers.map(csvText).join(','),
    ].join(';'),
  );
  return [POLLING_STATION_COLUMNS.join(';'), ...lines].join('\n') + '\n';
};
