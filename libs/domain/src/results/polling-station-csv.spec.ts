import { describe, expect, it } from 'vitest';
import { formatPollingStationsCsv } from './polling-station-csv';

describe('formatPollingStationsCsv', () => {
  it('should write one row per room with its address, barrier-free flag and districts', () => {
    const csv = formatPollingStationsCsv({ electionDay: '2025-02-23', electionName: 'Bundestagswahl', ags: '08212000' }, [
      {
        id: 'schule',
        name: 'Grundschule am Markt',
        address: { street: 'Schulstraße', houseNumber: '1', postalCode: '76131', city: 'Karlsruhe' },
        openingHours: '08:00–18:00',
        barrierFree: true,
        barrierFreeNote: 'Eingang Hofseite; Rampe',
        districtNumbers: ['0101', '0102'],
      },
      {
        id: 'rathaus',
        name: 'Rathaus',
        address: { street: 'Marktplatz', houseNumber: '8', postalCode: '76133', city: 'Karlsruhe' },
        openingHours: '08:00–18:00',
        barrierFree: false,
        districtNumbers: ['0103'],
      },
    ]);
    expect(csv).toBe(
      'datum;wahl;ags;wahlraum-nr;wahlraum-name;strasse;hausnummer;plz;ort;oeffnungszeiten;barrierefrei;barrierefrei-hinweis;wahlbezirke\n' +
        '23.02.2025;Bundestagswahl;08212000;schule;Grundschule am Markt;Schulstraße;1;76131;Karlsruhe;08:00–18:00;ja;Eingang Hofseite Rampe;0101,0102\n' +
        '23.02.2025;Bundestagswahl;08212000;rathaus;Rathaus;Marktplatz;8;76133;Karlsruhe;08:00–18:00;nein;;0103\n',
    );
  });
});
