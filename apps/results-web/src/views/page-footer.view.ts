import type { PublicElectionAbout } from '@wahl/contracts';
import { h } from '@wahl/web-kit';
import { openDataHref } from '../router/routes';

// The footer's part that depends on the election shown: its open data with a short description
// (docs/OPEN-DATA.md), and the office's Impressum, Datenschutz and Barrierefreiheit pages. On the
// start page it says where the open data are.

const OPEN_DATA_FILES = [
  { file: 'wahlbezirk.csv', label: 'Wahlbezirke (CSV)' },
  { file: 'gemeinde.csv', label: 'Gemeinde (CSV)' },
  { file: 'wahlkreis.csv', label: 'Wahlkreis (CSV)' },
  { file: 'listen.json', label: 'Listen und Kandidierende (JSON)' },
] as const;

function openData(electionId: string): HTMLElement {
  return h(
    'details',
    { class: 'open-data', id: 'open-data' },
    h('summary', {}, 'Offene Daten zu dieser Wahl'),
    h(
      'p',
      {},
      'Die bestätigten Ergebnisse je Wahlbezirk, für die Gemeinde und den Wahlkreis im CSV-Format von votemanager ' +
        '(UTF-8, Semikolon, eine Zeile je Gebiet; leere Zellen: nicht gemeldet oder zum Schutz des Wahlgeheimnisses nicht einzeln veröffentlicht). ' +
        'Die JSON-Datei nennt die Liste oder Person hinter jeder Spalte. Frei nutzbar; Stand wie auf dieser Seite.',
    ),
    h(
      'ul',
      { class: 'open-data-files' },
      OPEN_DATA_FILES.map(({ file, label }) => h('li', {}, h('a', { href: openDataHref(electionId, file), download: '' }, label))),
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
