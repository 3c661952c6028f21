import type { AreaPage, ChildRow } from '../model/area-page.view-model';
import type { PublicElectionSnapshot } from '@wahl/domain';
import { fetchDistrictMap } from '../api/results-api';
import { embedHref, kioskHref } from '../router/routes';
import type { DistrictMapView } from './district-map.view';
import { h, replaceKeepingFocus } from '@wahl/web-kit';
import { dayTurnoutSection } from './day-turnout.view';
import { DistrictFinder } from './district-finder.view';
import { resultStageLine } from './result-stage.view';
import { LiveStatus } from './live-status.view';
import { ResultPanels } from './result-panels.view';
import { RehearsalWatermark } from './rehearsal-watermark.view';

// One area of an election: heading, live status, key figures, contest switch, the chart panels, the
// areas below it and the district finder. Built once per area; data updates patch it in place, so
// focus, the finder's input and the charts survive every update.

export type AreaPageHandlers = {
  readonly selectContest: (contestId: string) => void;
  readonly findDistrictArea: (number: string, areaId: string | null) => string | null;
  /** The election's current snapshot and the router, for the district map. */
  readonly snapshot: () => PublicElectionSnapshot | null;
  readonly navigate: (href: string) => void;
};

const FILTER_FROM = 12;

function cardLink(row: ChildRow): HTMLAnchorElement {
  return h(
    'a',
    { class: `area-card${row.reported ? '' : ' area-card-pending'}`, href: row.href, 'data-link': true, 'data-key': row.id },
    h(
      'span',
      { class: 'area-card-head' },
      h('span', { class: 'area-card-title' }, row.title),
      h('span', { class: 'area-card-kind' }, row.subtitle),
    ),
    h(
      'span',
      { class: 'stack', 'aria-hidden': 'true' },
      row.segments.map((segment) =>
        h('span', { class: 'stack-part', style: `width:${segment.percent.toFixed(3)}%;background:${segment.color}` }),
      ),
    ),
    h(
      'span',
      { class: 'area-card-meta' },
      row.leaderText
        ? h(
            'span',
            { class: 'area-card-leader' },
            h('span', { class: 'swatch', style: `background:${row.leaderColor}`, 'aria-hidden': 'true' }),
            row.leaderText,
          )
        : null,
      row.turnoutText ? h('span', {}, row.turnoutText) : null,
      h('span', { class: row.reported ? 'area-card-state' : 'area-card-state pending' }, row.progressText),
    ),
    row.note ? h('span', { class: 'area-card-note' }, row.note) : null,
  );
}

const searchText = (row: ChildRow): string => `${row.title} ${row.subtitle}`.toLowerCase();

function childCard(row: ChildRow, open: ReadonlySet<string>): HTMLLIElement {
  if (row.districts.length === 0) return h('li', { 'data-search': searchText(row) }, cardLink(row));
  // A Stadtteil's districts, collapsed: the overview of a large city stays a page of Stadtteile.
  const group = h(
    'details',
    { class: 'area-group', 'data-group': row.id, open: open.has(row.id) },
    h('summary', {}, `${row.districts.length} ${row.districts.length === 1 ? 'Bezirk' : 'Bezirke'} in ${row.title}`),
    h(
      'ul',
      { class: 'area-list area-list-nested' },
      row.districts.map((district) => h('li', { 'data-search': searchText(district) }, cardLink(district))),
    ),
  );
  return h('li', { 'data-search': searchText(row), class: 'area-group-item' }, cardLink(row), group);
}

/** To the seats page of a council election (its code loads only when opened). */
function seatsLink(seats: NonNullable<AreaPage['seats']>): HTMLElement {
  return h(
    'a',
    { class: 'seats-link', id: 'seats-link', href: seats.href, 'data-link': true },
    h('span', { class: 'seats-link-icon', 'aria-hidden': 'true' }),
    h(
      'span',
      { class: 'seats-link-text' },
      h('span', { class: 'seats-link-title' }, `Sitzverteilung ${seats.contestName}`),
      h('span', { class: 'seats-link-sub' }, 'Sitze je Liste, Gewählte und Ersatzpersonen'),
    ),
    h('span', { class: 'seats-link-arrow', 'aria-hidden': 'true' }, '›'),
  );
}

export class AreaPageView {
  readonly element: HTMLElement;
  readonly liveStatus = new LiveStatus();
  private readonly watermark = new RehearsalWatermark();
  readonly areaId: string;
  private readonly heading: HTMLHeadingElement;
  private readonly eyebrow = h('p', { class: 'eyebrow' });
  private readonly meta = h('span', {});
  private readonly statusPill = h('span', { class: 'status-pill' });
  private readonly finder: HTMLElement;
  private readonly progressLabel = h('h2', { class: 'figure-label', id: 'progress-label' });
  private readonly progressValue = h('p', { class: 'figure-value', id: 'progress-value' });
  private readonly progressDetail = h('p', { class: 'figure-detail' });
  private readonly progressBar = h('span', { class: 'meter-fill' });
  private readonly progressMeter = h(
    'span',
    { class: 'meter', role: 'progressbar', 'aria-label': 'Gemeldete Bezirke', 'aria-valuemin': '0' },
    this.progressBar,
  );
  private readonly turnoutValue = h('p', { class: 'figure-value', id: 'turnout-value' });
  private readonly turnoutDetail = h('p', { class: 'figure-detail' });
  private readonly contestSwitch = h('fieldset', { class: 'contest-switch' });
  private readonly publication = h('div', { class: 'notice notice-info', hidden: true });
  private readonly projectionBody = h('tbody', {});
  private readonly projectionNote = h('p', { class: 'figure-detail' });
  private readonly projectionSection = h(
    'section',
    { class: 'section projection', 'aria-labelledby': 'projection-title', hidden: true },
    h('h2', { class: 'section-title', id: 'projection-title' }, 'Hochrechnung'),
    this.projectionNote,
    h(
      'table',
      { class: 'table', id: 'projection-table' },
      h('caption', { class: 'visually-hidden' }, 'Hochrechnung: Anteil und Bereich je Liste'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Liste'),
          h('th', { scope: 'col' }, 'Hochrechnung'),
          h('th', { scope: 'col' }, 'Bereich (95 %)'),
        ),
      ),
      this.projectionBody,
    ),
  );
  private readonly panels = new ResultPanels({ variant: 'page', idPrefix: 'page' });
  private readonly childrenSection: HTMLElement;
  private readonly childrenTitle = h('h2', { id: 'children-title', class: 'section-title' });
  private readonly childrenList = h('ul', { class: 'area-list', id: 'child-areas' });
  private readonly childrenFilter: HTMLElement;
  private readonly filterInput: HTMLInputElement;
  private readonly announcer = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  private version: number | null = null;
  private readonly mapSection: HTMLDetailsElement;
  private mapView: DistrictMapView | null = null;
  private contestId: string | null = null;

  constructor(
    first: AreaPage,
    private readonly handlers: AreaPageHandlers,
  ) {
    this.mapSection = this.districtMapSection(first);
    this.areaId = first.areaId;
    this.heading = h('h1', { tabindex: '-1', id: 'area-title' }, first.areaName);
    this.filterInput = h('input', { type: 'search', id: 'child-filter', autocomplete: 'off', spellcheck: 'false' });
    this.filterInput.addEventListener('input', () => this.applyFilter());
    this.childrenFilter = h(
      'div',
      { class: 'field field-filter', hidden: true },
      h('label', { for: 'child-filter' }, 'Bezirk suchen'),
      this.filterInput,
    );
    this.childrenSection = h(
      'section',
      { class: 'section', 'aria-labelledby': 'children-title' },
      this.childrenTitle,
      this.childrenFilter,
      this.childrenList,
    );
    this.contestSwitch.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.name === 'contest' && target.checked) handlers.selectContest(target.value);
    });

    const breadcrumb =
      first.breadcrumb.length > 1
        ? h(
            'nav',
            { class: 'breadcrumb', 'aria-label': 'Gebiete' },
            h(
              'ol',
              {},
              first.breadcrumb.map((crumb) =>
                h(
                  'li',
                  {},
                  crumb.href
                    ? h('a', { href: crumb.href, 'data-link': true }, crumb.label)
                    : h('span', { 'aria-current': 'page' }, crumb.label),
                ),
              ),
            ),
          )
        : null;

    const finder = new DistrictFinder(first.electionId, handlers.findDistrictArea);
    // Shown once the election is known to have a street directory (setStreetDirectory); without one there is nothing to look up.
    this.finder = finder.element;
    this.finder.hidden = true;
    this.element = h(
      'article',
      { class: 'area-page' },
      breadcrumb,
      h(
        'header',
        { class: 'page-head' },
        this.eyebrow,
        this.heading,
        h('p', { class: 'page-kind' }, this.meta, this.statusPill),
        first.isRoot ? resultStageLine(first.electionId) : null,
      ),
      this.watermark.element,
      this.liveStatus.element,
      this.publication,
      h(
        'section',
        { class: 'figures', 'aria-label': 'Kennzahlen' },
        h('div', { class: 'figure' }, this.progressLabel, this.progressValue, this.progressMeter, this.progressDetail),
        h('div', { class: 'figure' }, h('h2', { class: 'figure-label' }, 'Wahlbeteiligung'), this.turnoutValue, this.turnoutDetail),
      ),
      first.isRoot ? dayTurnoutSection(first.electionId) : null,
      first.isRoot && first.seats ? seatsLink(first.seats) : null,
      this.contestSwitch,
      this.projectionSection,
      this.panels.element,
      first.map ? this.mapSection : null,
      this.childrenSection,
      finder.element,
      first.isRoot ? this.shareSection(first) : null,
      this.announcer,
    );
    this.renderContestSwitch(first);
    this.update(first);
  }

  update(page: AreaPage): void {
    this.watermark.update(page);
    this.eyebrow.textContent = page.electionName;
    // A date is never broken across lines.
    this.meta.textContent = `${page.areaKind} · ${page.electionDayText.replace(/ /g, '\u00a0')}`;
    this.statusPill.textContent = page.statusText;
    this.statusPill.className = `status-pill status-${page.status}`;
    this.progressLabel.textContent = page.progress.label;
    this.progressValue.replaceChildren(
      h('span', { class: 'figure-count' }, page.progress.count),
      page.progress.unit ? h('span', { class: 'figure-unit' }, ` ${page.progress.unit}`) : '',
    );
    this.progressDetail.textContent = page.progress.detail;
    this.progressBar.style.width = `${page.progress.percent.toFixed(2)}%`;
    this.progressMeter.setAttribute('aria-valuemax', String(page.progress.expected));
    this.progressMeter.setAttribute('aria-valuenow', String(page.progress.reported));
    this.progressMeter.setAttribute('aria-valuetext', page.progress.text);
    this.turnoutValue.textContent = page.turnout.text;
    this.turnoutDetail.replaceChildren(
      ...[page.turnout.previousText, page.turnout.votersText, page.turnout.note]
        .filter((line): line is string => line !== null)
        .map((line) => h('span', {}, line)),
    );
    this.publication.textContent = page.publicationNote ?? '';
    this.publication.hidden = page.publicationNote === null;
    for (const input of this.contestSwitch.querySelectorAll<HTMLInputElement>('input[name="contest"]'))
      input.checked = page.contests.find((c) => c.id === input.value)?.selected ?? false;
    this.panels.update(page.withheld ? null : page.contest, page.previousLabel);
    this.projectionSection.hidden = page.projection === null;
    this.projectionNote.textContent = page.projection?.note ?? '';
    this.projectionBody.replaceChildren(
      ...(page.projection?.rows ?? []).map((row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${row.color}`, 'aria-hidden': 'true' }), row.label),
          h('td', {}, row.percentText),
          h('td', {}, row.intervalText),
        ),
      ),
    );

    this.childrenSection.hidden = page.children.length === 0;
    this.childrenTitle.textContent = page.childrenTitle;
    // Live updates keep the groups a reader opened.
    const open = new Set(
      [...this.childrenList.querySelectorAll<HTMLDetailsElement>('details[open]')].map((group) => group.dataset['group'] ?? ''),
    );
    this.childrenFilter.hidden = page.children.length + page.children.reduce((sum, child) => sum + child.districts.length, 0) < FILTER_FROM;
    replaceKeepingFocus(this.childrenList, ...page.children.map((child) => childCard(child, open)));
    this.applyFilter();

    if (this.version !== null && page.version !== this.version)
      this.announcer.textContent = `Neue Ergebnisse: ${page.progress.text} gemeldet.`;
    this.version = page.version;
    this.contestId = page.contest?.id ?? null;
    this.updateMap();
    this.liveStatus.update({ status: page.status, updatedAt: page.updatedAt });
  }

  setStreetDirectory(available: boolean): void {
    this.finder.hidden = !available;
  }

  focusHeading(): void {
    this.heading.focus({ preventScroll: true });
  }

  destroy(): void {
    this.panels.destroy();
  }

  /** The map loads (code and boundaries) only when a reader opens it: the first view stays small. */
  private districtMapSection(page: AreaPage): HTMLDetailsElement {
    const body = h('div', { class: 'map-slot' });
    const section = h('details', { class: 'section map-section' }, h('summary', { class: 'section-title' }, 'Karte der Wahlbezirke'), body);
    let started = false;
    section.addEventListener('toggle', () => {
      if (!section.open || started) return;
      started = true;
      body.replaceChildren(h('p', { role: 'status' }, 'Karte wird geladen …'));
      void Promise.all([fetchDistrictMap(page.electionId), import('./district-map.view')])
        .then(([map, module]) => {
          if (!map) {
            body.replaceChildren(h('p', {}, 'Für diese Wahl gibt es keine Karte der Wahlbezirke.'));
            return;
          }
          const within = page.map === 'area' ? page.areaId : null;
          this.mapView = new module.DistrictMapView(map, { navigate: this.handlers.navigate }, within);
          body.replaceChildren(this.mapView.element);
          this.updateMap();
        })
        .catch(() => {
          started = false;
          body.replaceChildren(h('p', { role: 'alert' }, 'Die Karte konnte nicht geladen werden. Bitte später erneut öffnen.'));
        });
    });
    return section;
  }

  private updateMap(): void {
    const snapshot = this.handlers.snapshot();
    if (this.mapView && snapshot && this.contestId) this.mapView.update(snapshot, this.contestId);
  }

  private renderContestSwitch(page: AreaPage): void {
    this.contestSwitch.hidden = page.contests.length < 2;
    this.contestSwitch.replaceChildren(
      h('legend', { class: 'visually-hidden' }, 'Ergebnis anzeigen für'),
      ...page.contests.map((contest) =>
        h(
          'label',
          { class: 'segment' },
          h('input', { type: 'radio', name: 'contest', value: contest.id, checked: contest.selected }),
          h('span', {}, contest.name),
        ),
      ),
    );
  }

  private applyFilter(): void {
    const query = this.filterInput.value.trim().toLowerCase();
    const matches = (item: Element): boolean => query === '' || (item.getAttribute('data-search') ?? '').includes(query);
    for (const item of this.childrenList.children) {
      const nested = [...item.querySelectorAll<HTMLElement>('.area-list-nested > li')];
      for (const district of nested) district.hidden = !matches(district) && !matches(item);
      const found = nested.some((district) => !district.hidden && query !== '' && !matches(item));
      (item as HTMLElement).hidden = !matches(item) && !found;
      // A district found inside a group is shown by opening the group.
      const group = item.querySelector('details');
      if (group && found) group.open = true;
    }
  }

  private shareSection(page: AreaPage): HTMLElement {
    const embedUrl = `${location.origin}${embedHref(page.electionId, null)}`;
    const snippet = `<iframe src="${embedUrl}" title="Wahlergebnisse ${page.municipalityName}" width="100%" height="640" style="border:0;max-width:720px" loading="lazy"></iframe>`;
    const code = h('code', { id: 'embed-snippet' }, snippet);
    const copied = h('span', { class: 'copy-state', role: 'status' });
    const copy = h('button', { type: 'button', class: 'button' }, 'Code kopieren');
    copy.addEventListener('click', () => {
      navigator.clipboard?.writeText(snippet).then(
        () => (copied.textContent = 'Kopiert.'),
        () => (copied.textContent = 'Bitte markieren und kopieren.'),
      );
    });
    return h(
      'details',
      { class: 'share' },
      h('summary', {}, 'Ergebnisse einbinden und im Rathaus zeigen'),
      h(
        'div',
        { class: 'share-body' },
        h(
          'p',
          {},
          'Mit diesem Code zeigen Sie die Ergebnisse auf Ihrer Website; sie aktualisieren sich dort ebenso von selbst. Mit ',
          h('code', {}, '?gebiet=…'),
          ' zeigt der Rahmen ein einzelnes Gebiet.',
        ),
        h('pre', { class: 'snippet', tabindex: '0', 'aria-label': 'HTML-Code zum Einbinden' }, code),
        h('p', { class: 'share-actions' }, copy, copied),
        h(
          'p',
          {},
          h('a', { href: kioskHref(page.electionId), 'data-link': true }, 'Bildschirmansicht für das Rathaus'),
          ' – zeigt die Gebiete nacheinander im Vollbild.',
        ),
      ),
    );
  }
}
