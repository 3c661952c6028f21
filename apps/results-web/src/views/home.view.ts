import type { PublicElectionSummary } from '@wahl/domain';
import { formatGermanDate, h } from '@wahl/web-kit';
import { progressText } from '../model/area-page.view-model';
import { areaHref } from '../router/routes';

const STATUS: Readonly<Record<PublicElectionSummary['status'], string>> = {
  waiting: 'Noch keine Ergebnisse',
  counting: 'Auszählung läuft',
  'provisional-final': 'Vorläufiges Endergebnis',
  final: 'Endgültiges Ergebnis',
};

export function homeHero(): HTMLElement {
  return h(
    'div',
    { class: 'hero' },
    h('h1', { tabindex: '-1' }, 'Wahlergebnisse'),
    h('p', { class: 'lead' }, 'Die Ergebnisse der Wahlen, sobald das Wahlamt sie veröffentlicht – am Wahlabend laufend aktualisiert.'),
  );
}

export function electionsList(elections: readonly PublicElectionSummary[]): HTMLElement {
  return h(
    'ul',
    { class: 'election-list', id: 'published-elections' },
    elections.map((election) =>
      h(
        'li',
        {},
        h(
          'a',
          { class: 'election-card', href: areaHref(election.electionId, null), 'data-link': true },
          h('span', { class: 'election-card-place' }, election.municipalityName),
          h('span', { class: 'election-card-title' }, election.name),
          h('span', { class: 'election-card-meta' }, formatGermanDate(election.electionDay)),
          h(
            'span',
            { class: 'election-card-status' },
            h('span', { class: `status-pill status-${election.status}` }, STATUS[election.status]),
            election.expected > 0 ? h('span', {}, `${progressText(election.reported, election.expected)} gemeldet`) : null,
          ),
        ),
      ),
    ),
  );
}

export function emptyState(): HTMLElement {
  return h(
    'div',
    { class: 'empty', id: 'no-results', role: 'status' },
    h('span', { class: 'empty-icon', 'aria-hidden': 'true' }),
    h('p', { class: 'empty-title' }, 'Noch keine Ergebnisse veröffentlicht'),
    h('p', { class: 'empty-hint' }, 'Am Wahlabend erscheinen hier die Ergebnisse, sobald die ersten Wahlbezirke gemeldet haben.'),
  );
}

export function loadError(
  text = 'Die Ergebnisse können gerade nicht geladen werden. Bitte versuchen Sie es in einigen Minuten erneut.',
): HTMLElement {
  return h('div', { class: 'alert', role: 'alert' }, text);
}

export function notFound(): HTMLElement {
  return h(
    'div',
    { class: 'hero' },
    h('h1', { tabindex: '-1' }, 'Seite nicht gefunden'),
    h('p', { class: 'lead' }, 'Diese Wahl oder dieses Gebiet gibt es nicht, oder seine Ergebnisse sind nicht öffentlich.'),
    h('p', {}, h('a', { href: '/', 'data-link': true, class: 'button-link' }, 'Zur Übersicht der Wahlen')),
  );
}
