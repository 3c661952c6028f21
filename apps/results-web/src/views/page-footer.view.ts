import type { PublicElectionAbout } from '@wahl/contracts';
import { h } from '@wahl/web-kit';
import { openDataHref } from '../router/routes';

// The footer's part that depends on the election shown: its open data with a short description
// (docs/OPEN-DATA.md), and the office's Impressum, Datenschutz and Barrierefreiheit pages. On the
// start page it says where the open data are.

const OPEN_DATA_FILES = [
  { file: 'wahlbezirk.csv', label: 'Wahlbezirke (CSV)' },
  { file: 'stadtteil.csv', label: 'Stadtteile (CSV)' },
  { file: 'stadtbezirk.csv', label: 'Stadtbezirke (CSV)' },
  { file: 'gemeinde.csv', label: 'Gemeinde (CSV)' },
  { file: 'wahlkreis.csv', label: 'Wahlkreis (CSV)' },
  { file: 'listen.json', label: 'Listen und Kandidierende (JSON)' },
  { file: 'wahllokale.csv', label: 'Wahlräume (CSV)' },
  { file: 'wahllokale.json', label: 'Wahlräume (JSON)' },
] as const;

/** The short data description: fields, units, encoding (the full one is docs/OPEN-DATA.md). */
const FIELDS = [
  ['gebiet-nr, gebiet-name', 'Nummer und Name des Gebiets (Wahlbezirk, Stadtteil, Stadtbezirk, Gemeinde, Wahlkreis)'],
  ['max-/anz-schnellmeldungen', 'erwartete und eingegangene Schnellmeldungen im Gebiet'],
  ['A, A1, A2, A3', 'Wahlberechtigte (Personen): ohne, mit Sperrvermerk „W“, nicht im Verzeichnis mit Wahlschein'],
  ['B, B1', 'Wählende (Personen), davon mit Wahlschein'],
  ['C, D / E, F', 'ungültige und gültige Stimmen der ersten / zweiten Stimme'],
  ['D1, F1, …', 'Stimmen je Zeile des Stimmzettels; welche Liste dahinter steht, sagt die JSON-Datei'],
  ['wahlraum-nr, wahlbezirke', 'Kennung des Wahlraums und die Wahlbezirke, die dort wählen; barrierefrei: ja oder nein'],
] as const;

function openData(electionId: string): HTMLElement {
  return h(
    'details',
    { class: 'open-data', id: 'open-data' },
    h('summary', {}, 'Offene Daten zu dieser Wahl'),
    h(
      'p',
      {},
      'Die bestätigten Ergebnisse je Wahlbezirk, Stadtteil, Stadtbezirk, für die Gemeinde und den Wahlkreis im CSV-Format von votemanager ' +
        '(UTF-8, Semikolon, eine Zeile je Gebiet; leere Zellen: nicht gemeldet oder zum Schutz des Wahlgeheimnisses nicht einzeln veröffentlicht), ' +
        'dazu die Wahlräume mit Anschrift. Die JSON-Dateien nennen die Liste oder Person hinter jeder Spalte; ihr Feld „schemaVersion“ ' +
        'steigt nur, wenn sich die Bedeutung eines Feldes ändert. Frei nutzbar; Stand wie auf dieser Seite.',
    ),
    h(
      'ul',
      { class: 'open-data-files' },
      OPEN_DATA_FILES.map(({ file, label }) => h('li', {}, h('a', { href: openDataHref(electionId, file), download: '' }, label))),
    ),
    h('p', { class: 'open-data-fields-title' }, 'Datenbeschreibung'),
    h(
      'dl',
      { class: 'open-data-fields' },
      FIELDS.flatMap(([field, meaning]) => [h('dt', {}, field), h('dd', {}, meaning)]),
    ),
    h(
      'p',
      {},
      'Anzahlen sind ganze Zahlen ohne Tausenderpunkt; Datum als TT.MM.JJJJ. Kennungen (Wahl, Gebiet, Liste, Kandidierende, Wahlraum) ' +
        'bleiben für die Dauer der Wahl gleich.',
    ),
  );
}

function legalLinks(about: PublicElectionAbout): HTMLElement | null {
  const links = [
    { href: about.links.imprintUrl, label: 'Impressum' },
    { href: about.links.privacyUrl, label: 'Datenschutz' },
    { href: about.links.accessibilityUrl, label: 'Barrierefreiheit' },
  ].filter((link): link is { href: string; label: string } => link.href !== null);
  if (links.length === 0) return null;
  return h(
    'ul',
    { class: 'legal-links', 'aria-label': `Rechtliches: ${about.officeName}` },
    links.map((link) => h('li', {}, h('a', { href: link.href }, link.label))),
  );
}

/** Fills the footer slot: an election's open data and legal pages, or the start page's note. */
export function renderFooterLinks(slot: HTMLElement, electionId: string | null, about: PublicElectionAbout | null): void {
  if (electionId === null) {
    slot.replaceChildren(h('p', {}, 'Offene Daten: Jede Wahl bietet ihre Ergebnisse unten auf ihrer Seite als CSV und JSON an.'));
    return;
  }
  slot.replaceChildren(openData(electionId), ...(about ? [legalLinks(about)].filter((item) => item !== null) : []));
}
