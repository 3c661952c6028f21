import { fetchCouncilResult } from '../api/results-api';
import { ARC_RADIUS, type SeatArc, type SeatGroup } from '../charts/seat-arc';
import { buildSeatsPage, type CandidateRow, type ContestSeats, type ListCard, type SeatsPage } from '../model/seats-page.view-model';
import { h } from '@wahl/web-kit';
import { openDataHref } from '../router/routes';
import { swatch } from './swatch';
import { loadError } from './home.view';
import { LiveStatus } from './live-status.view';
import './seats-page.css';

// The seats of a council election (issue 7): seat chart with a table of the same numbers, list
// totals, and per list the elected candidates and the substitutes. Loaded as its own chunk only when
// opened, so the overview's first view stays small. The council result has no live channel: the
// page asks the API every 30 s (revalidated by ETag) until the office has declared it final.

export const SEATS_POLL_MS = 30_000;
const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number>>,
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** The half circle: one dot per seat, a ring for a seat that is empty or still open; the total in the middle. */
function seatChart(arc: SeatArc, groups: readonly SeatGroup[], seats: number, label: string): SVGSVGElement {
  const centreX = arc.width / 2;
  const baseY = ARC_RADIUS + 2;
  // The total fills the free middle: large for a one-row council, smaller inside many rows.
  const size = Math.round(Math.min(34, Math.max(18, arc.innerRadius * 0.6)));
  const unit = Math.round(size * 0.38);
  const byGroup = groups.map((group, index) => {
    const dots = arc.dots.filter((dot) => dot.group === index);
    const ring = Math.max(0.6, arc.dotRadius * 0.32);
    return svg(
      'g',
      group.hollow
        ? { fill: '#ffffff', stroke: group.color, 'stroke-width': ring }
        : { fill: group.color, stroke: 'rgb(16 24 40 / 18%)', 'stroke-width': 0.5 },
      ...dots.map((dot) => svg('circle', { cx: dot.x, cy: dot.y, r: group.hollow ? arc.dotRadius - ring / 2 : arc.dotRadius })),
    );
  });
  return svg(
    'svg',
    { class: 'seat-arc', viewBox: `0 0 ${arc.width} ${arc.height}`, role: 'img', 'aria-label': label, focusable: 'false' },
    ...byGroup,
    svg('text', { x: centreX, y: baseY - unit - 3, class: 'seat-arc-total', 'text-anchor': 'middle', 'font-size': size }, String(seats)),
    svg(
      'text',
      { x: centreX, y: baseY - 1, class: 'seat-arc-unit', 'text-anchor': 'middle', 'font-size': unit },
      seats === 1 ? 'Sitz' : 'Sitze',
    ),
  );
}

const listHeading = (level: 'h3' | 'h4', row: { shortName: string; name: string; color: string }): HTMLElement =>
  h(
    level,
    { class: 'list-card-title' },
    swatch(row.color),
    h('span', { class: 'list-short' }, row.shortName),
    row.name !== row.shortName ? h('span', { class: 'list-card-name' }, row.name) : null,
  );

function candidatesTable(rows: readonly CandidateRow[], caption: string, captionVisible: boolean): HTMLTableElement {
  return h(
    'table',
    { class: 'numbers candidates' },
    h('caption', { class: captionVisible ? 'candidates-caption' : 'visually-hidden' }, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'num rank' }, h('abbr', { title: 'Rang nach Stimmen' }, 'Nr.')),
        h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col', class: 'num' }, h('abbr', { title: 'Listenplatz auf dem Stimmzettel' }, 'Platz')),
        h('th', { scope: 'col', class: 'num' }, 'Stimmen'),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          h('td', { class: 'num rank' }, `${row.rank}.`),
          h('th', { scope: 'row' }, row.name),
          h('td', { class: 'num' }, row.position),
          h('td', { class: 'num strong' }, row.votesText),
        ),
      ),
    ),
  );
}

function listCard(list: ListCard, level: 'h3' | 'h4'): HTMLElement {
  return h(
    'article',
    {
      class: `list-card${list.elected.length === 0 ? ' list-card-none' : ''}`,
      style: `--list-color:${list.color}`,
      'data-list': list.listId,
    },
    h(
      'header',
      { class: 'list-card-head' },
      listHeading(level, list),
      h('p', { class: 'list-card-seats' }, list.seatsText),
      h('p', { class: 'list-card-sum' }, list.summaryText),
    ),
    list.notes.map((note) => h('p', { class: 'notice notice-warning list-card-note' }, note)),
    list.elected.length > 0 ? candidatesTable(list.elected, `${list.shortName}: gewählt`, false) : null,
    list.substitutes.length > 0
      ? h(
          'details',
          { class: 'substitutes', 'data-key': `substitutes-${list.listId}` },
          h('summary', {}, `${list.substitutesTitle} (${list.substitutes.length})`),
          candidatesTable(list.substitutes, `${list.shortName}: ${list.substitutesTitle} in der Reihenfolge ihrer Stimmen`, false),
        )
      : null,
  );
}

function seatsTable(contest: ContestSeats): HTMLTableElement {
  return h(
    'table',
    { class: 'numbers seats-table', id: `seats-table-${contest.id}` },
    h('caption', { class: 'visually-hidden' }, `${contest.name}: Stimmen und Sitze der Listen`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Liste'),
        h('th', { scope: 'col', class: 'num' }, 'Stimmen'),
        h('th', { scope: 'col', class: 'num' }, 'Anteil'),
        h('th', { scope: 'col', class: 'num' }, 'Sitze'),
      ),
    ),
    h(
      'tbody',
      {},
      contest.rows.map((row) =>
        h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            h(
              'span',
              { class: 'list-cell' },
              swatch(row.color),
              h('span', { class: 'list-short' }, row.shortName),
              row.name !== row.shortName ? h('span', { class: 'list-name' }, row.name) : null,
            ),
          ),
          h('td', { class: 'num' }, row.votesText),
          h('td', { class: 'num' }, row.percentText),
          h('td', { class: 'num strong seats-cell' }, row.seatsText),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'Zusammen'),
        h('td', { class: 'num' }, contest.validVotesText),
        h('td', {}),
        h('td', { class: 'num' }, String(contest.seats)),
      ),
    ),
  );
}

function contestSection(contest: ContestSeats, several: boolean, electionId: string): HTMLElement {
  const id = contest.id;
  const sub: 'h2' | 'h3' = several ? 'h3' : 'h2';
  return h(
    'section',
    {
      class: 'seats-contest',
      'aria-label': several ? undefined : contest.name,
      'aria-labelledby': several ? `contest-${id}` : undefined,
      'data-contest': id,
    },
    several ? h('h2', { class: 'section-title contest-title', id: `contest-${id}` }, `${contest.name} – ${contest.seatsText}`) : null,
    h(
      'div',
      { class: `notice result-notice ${contest.final ? 'result-notice-final' : 'result-notice-provisional'}`, id: `result-notice-${id}` },
      several ? h('strong', { class: `result-badge result-badge-${contest.final ? 'final' : 'provisional'}` }, contest.badgeText) : null,
      h('span', {}, contest.notice),
    ),
    contest.lot
      ? h(
          'div',
          { class: 'notice notice-warning lot-notice', id: `lot-notice-${id}` },
          h('strong', { class: 'lot-title' }, contest.lot.title),
          h('span', {}, contest.lot.text),
        )
      : null,
    contest.lotsText ? h('p', { class: 'notice', id: `lots-${id}` }, contest.lotsText) : null,
    h(
      'div',
      { class: 'seats-layout' },
      h(
        'section',
        { class: 'panel seats-panel', 'aria-labelledby': `seats-chart-title-${id}` },
        h(sub, { class: 'panel-title', id: `seats-chart-title-${id}` }, 'Sitze', h('span', { class: 'panel-sub' }, ` · ${contest.name}`)),
        h('figure', { class: 'seat-arc-figure' }, seatChart(contest.arc, contest.arcGroups, contest.seats, contest.arcLabel)),
        contest.emptyText ? h('p', { class: 'chart-empty', id: `seats-empty-${id}` }, contest.emptyText) : null,
      ),
      h(
        'section',
        { class: 'panel seats-panel', 'aria-labelledby': `seats-table-title-${id}` },
        h(sub, { class: 'panel-title', id: `seats-table-title-${id}` }, 'Stimmen und Sitze je Liste'),
        seatsTable(contest),
        h(
          'dl',
          { class: 'seats-figures' },
          h(
            'div',
            {},
            h('dt', {}, 'Stimmzettel'),
            h('dd', {}, contest.ballotsText, h('span', { class: 'seats-figures-detail' }, ` · ${contest.ballotsDetail}`)),
          ),
          h('div', {}, h('dt', {}, 'Gültige Stimmen'), h('dd', {}, contest.validVotesText)),
        ),
        h('p', { class: 'method-note' }, contest.methodText),
      ),
    ),
    contest.lists.length > 0
      ? h(
          'section',
          { class: 'section', 'aria-labelledby': `elected-title-${id}` },
          h(sub, { class: 'section-title', id: `elected-title-${id}` }, 'Gewählte und Ersatzpersonen'),
          h(
            'p',
            { class: 'section-lead' },
            contest.final
              ? 'Die Sitze einer Liste erhalten ihre Bewerberinnen und Bewerber mit den meisten Stimmen.'
              : 'Stand der Auszählung – wer gewählt ist, kann sich noch ändern.',
          ),
          h(
            'div',
            { class: 'list-cards' },
            contest.lists.map((list) => listCard(list, several ? 'h4' : 'h3')),
          ),
          h(
            'p',
            {},
            h('a', { href: openDataHref(electionId, 'gewaehlte.csv'), download: '' }, 'Gewählte und Ersatzpersonen als CSV (offene Daten)'),
          ),
        )
      : null,
  );
}

export class SeatsPageView {
  readonly element: HTMLElement;
  readonly liveStatus = new LiveStatus();
  private readonly heading = h('h1', { tabindex: '-1', id: 'seats-title' }, 'Sitzverteilung');
  private readonly eyebrow = h('p', { class: 'eyebrow' });
  private readonly kind = h('span', { id: 'seats-kind' });
  private readonly badge = h('span', { class: 'result-badge', id: 'result-badge', hidden: true });
  private readonly backLink: HTMLAnchorElement;
  private readonly body = h(
    'div',
    { class: 'seats-body', id: 'seats-body', 'aria-busy': 'true' },
    h('p', { class: 'loading', role: 'status' }, 'Die Sitzverteilung wird geladen …'),
  );
  private readonly announcer = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  private timer: ReturnType<typeof setTimeout> | null = null;
  private abort: AbortController | null = null;
  private lastJson: string | null = null;
  private final = false;
  private destroyed = false;

  constructor(private readonly electionId: string) {
    this.backLink = h('a', { href: `/wahl/${encodeURIComponent(electionId)}`, 'data-link': true }, 'Übersicht');
    this.liveStatus.update({ connection: 'connecting' });
    this.element = h(
      'article',
      { class: 'seats-page' },
      h(
        'nav',
        { class: 'breadcrumb', 'aria-label': 'Navigation' },
        h('ol', {}, h('li', {}, this.backLink), h('li', {}, h('span', { 'aria-current': 'page' }, 'Sitzverteilung'))),
      ),
      h('header', { class: 'page-head' }, this.eyebrow, this.heading, h('p', { class: 'page-kind' }, this.kind, this.badge)),
      this.liveStatus.element,
      this.body,
      this.announcer,
    );
    void this.load();
  }

  focusHeading(): void {
    this.heading.focus({ preventScroll: true });
  }

  destroy(): void {
    this.destroyed = true;
    this.abort?.abort();
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private async load(): Promise<void> {
    this.abort = new AbortController();
    try {
      const result = await fetchCouncilResult(this.electionId, this.abort.signal);
      if (this.destroyed) return;
      if (!result || result.contests.length === 0) {
        this.showMissing();
        return;
      }
      this.liveStatus.update({ connection: 'polling', lastContactAt: Date.now(), updatedAt: new Date().toISOString() });
      const json = JSON.stringify(result);
      if (json !== this.lastJson) this.render(buildSeatsPage(result), this.lastJson !== null);
      this.lastJson = json;
    } catch {
      if (this.destroyed) return;
      if (this.lastJson === null) {
        this.body.replaceChildren(loadError('Die Sitzverteilung kann gerade nicht geladen werden. Die Seite versucht es weiter.'));
        this.body.removeAttribute('aria-busy');
        this.liveStatus.update({ connection: 'offline' });
      } else this.liveStatus.update({});
    }
    // Once declared final the result no longer changes.
    if (!this.final && !this.destroyed) this.timer = setTimeout(() => void this.load(), SEATS_POLL_MS);
  }

  private render(page: SeatsPage, isUpdate: boolean): void {
    const wasFinal = this.final;
    this.final = page.final;
    document.title = page.documentTitle;
    this.eyebrow.textContent = page.electionName;
    this.backLink.href = page.overviewHref;
    const several = page.contests.length > 1;
    const only = page.contests[0]!;
    this.kind.textContent = several
      ? page.contests.map((contest) => `${contest.name} (${contest.seatsText})`).join(' · ')
      : `${only.name} · ${only.seatsText}`;
    this.badge.hidden = false;
    this.badge.textContent = page.final ? only.badgeText : page.contests.find((contest) => !contest.final)!.badgeText;
    this.badge.className = `result-badge result-badge-${page.final ? 'final' : 'provisional'}`;
    // While provisional the page refreshes itself; a final result is shown with its date instead.
    this.liveStatus.element.hidden = page.final;

    // Keep the reader's place: open substitute lists and focus survive an update.
    const open = new Set([...this.body.querySelectorAll<HTMLDetailsElement>('details[open]')].map((details) => details.dataset['key']));
    const focused =
      document.activeElement && this.body.contains(document.activeElement)
        ? document.activeElement.closest('[data-key]')?.getAttribute('data-key')
        : null;
    this.body.replaceChildren(...page.contests.map((contest) => contestSection(contest, several, this.electionId)));
    for (const details of this.body.querySelectorAll<HTMLDetailsElement>('details[data-key]'))
      details.open = open.has(details.dataset['key']);
    if (focused) this.body.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"] summary`)?.focus();
    this.body.removeAttribute('aria-busy');

    if (isUpdate)
      this.announcer.textContent =
        page.final && !wasFinal ? 'Das Ergebnis ist jetzt endgültig festgestellt.' : 'Die Sitzverteilung wurde aktualisiert.';
  }

  private showMissing(): void {
    this.final = true;
    this.liveStatus.element.hidden = true;
    document.title = 'Keine Sitzverteilung – Wahlergebnisse';
    this.body.replaceChildren(
      h(
        'div',
        { class: 'empty', id: 'no-seats' },
        h('p', { class: 'empty-title' }, 'Keine Sitzverteilung'),
        h(
          'p',
          { class: 'empty-hint' },
          'Für diese Wahl gibt es keine Sitzverteilung eines Gemeinderats, oder die Wahl ist nicht öffentlich.',
        ),
        h('p', { class: 'empty-hint' }, h('a', { href: this.backLink.href, 'data-link': true }, 'Zur Übersicht der Wahl')),
      ),
    );
    this.body.removeAttribute('aria-busy');
  }
}
