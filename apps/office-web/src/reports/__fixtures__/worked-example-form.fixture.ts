import type { FormField, ReportForm } from '../../api/election-night.types';

// The entry form the API gives for Urnenwahlbezirk 0101 of the DOMAIN.md 4.3 worked example
// (report-form.ts), and the numbers of 4.3 as a board member types them.

const field = (letter: string, label: string, path: string, required = true): FormField => ({ letter, label, path, required });
const lists = (contestIndex: number, contest: string, keys: readonly string[]) =>
  keys.map((key, index) => ({
    ...field(
      `${contestIndex === 0 ? 'D' : 'F'}${index + 1}`,
      `${key.toUpperCase()} – ${contest}`,
      `$.contests[${contestIndex}].votes.${key}`,
    ),
    key,
    shortName: key.toUpperCase(),
    name: key.toUpperCase(),
    color: '#000000',
    ballotPosition: index + 1,
  }));

export const WORKED_FORM_0101: ReportForm = {
  election: { id: 'e1', name: 'Bundestagswahl 2025 (Musterstadt)', electionDay: '2025-02-23' },
  district: {
    id: 'd0101',
    number: '0101',
    name: 'Altstadt',
    kind: 'polling',
    pollingStation: { name: 'Grundschule am Markt', address: 'Schulstraße 1, 76990 Musterstadt' },
  },
  fields: [
    field('A1', 'Wahlberechtigte laut Wählerverzeichnis ohne Sperrvermerk „W“ (Wahlschein)', '$.A1'),
    field('A2', 'Wahlberechtigte laut Wählerverzeichnis mit Sperrvermerk „W“ (Wahlschein)', '$.A2'),
    field('A3', 'Wahlberechtigte nicht im Wählerverzeichnis, mit Wahlschein nach § 25 Abs. 2 BWO', '$.A3'),
    field('A', 'Wahlberechtigte insgesamt (A1 + A2 + A3)', '$.A'),
    field('B', 'Wählerinnen und Wähler insgesamt (Stimmzettel in der Urne)', '$.B'),
    field('B1', 'darunter Wählerinnen und Wähler mit Wahlschein', '$.B1'),
  ],
  contests: [
    {
      key: 'erststimme',
      name: 'Erststimme',
      invalid: field('C', 'Ungültige Stimmen – Erststimme', '$.contests[0].invalid'),
      valid: field('D', 'Gültige Stimmen – Erststimme', '$.contests[0].valid'),
      lists: lists(0, 'Erststimme', ['cdu', 'spd', 'gruene', 'fdp', 'linke']),
    },
    {
      key: 'zweitstimme',
      name: 'Zweitstimme',
      invalid: field('E', 'Ungültige Stimmen – Zweitstimme', '$.contests[1].invalid'),
      valid: field('F', 'Gültige Stimmen – Zweitstimme', '$.contests[1].valid'),
      lists: lists(1, 'Zweitstimme', ['cdu', 'spd', 'gruene', 'fdp', 'linke', 'bsw']),
    },
  ],
  extra: [
    field('markedCount', 'Stimmabgabevermerke + eingenommene Wahlscheine', '$.markedCount', false),
    field('comment', 'Kommentar', '$.comment', false),
  ],
  rollClosing: null,
};

/** DOMAIN.md 4.3, 0101: as typed, with a German thousands dot in A1 and A. */
export const WORKED_VALUES_0101: Readonly<Record<string, string>> = {
  A1: '1.200',
  A2: '300',
  A3: '0',
  A: '1.500',
  B: '820',
  B1: '15',
  C: '12',
  D: '808',
  D1: '310',
  D2: '240',
  D3: '150',
  D4: '70',
  D5: '38',
  E: '7',
  F: '813',
  F1: '290',
  F2: '220',
  F3: '160',
  F4: '80',
  F5: '40',
  F6: '23',
  markedCount: '820',
  comment: '',
};

/** The postal district 0191 of 4.3 has no A fields (R2.5). */
export const WORKED_FORM_0191: ReportForm = {
  ...WORKED_FORM_0101,
  district: { id: 'd0191', number: '0191', name: 'Briefwahl Altstadt', kind: 'postal', pollingStation: null },
  fields: WORKED_FORM_0101.fields.filter((entry) => entry.letter === 'B' || entry.letter === 'B1'),
};
