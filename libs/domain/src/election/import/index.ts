export { MAX_IMPORT_CHARS, keyOf, readImportTable, type ImportProblem, type ImportRow } from './import-table';
export { parseOwdDistricts, STATION_PLACEHOLDER, stationNameOf, type DistrictsImport } from './owd-districts';
export { GIVEN_NAMES_PLACEHOLDER, NEUTRAL_LIST_COLOR, parseOwdCandidates, type CandidatesImport } from './owd-candidates';
export { parseStreetDirectory, STREET_COLUMNS, type StreetsImport } from './street-directory-csv';
