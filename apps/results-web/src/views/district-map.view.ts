import type { DistrictMap } from '@wahl/contracts';
import type { PublicElectionSnapshot } from '@wahl/domain';
import { h } from '@wahl/web-kit';
import { buildDistrictMap, type DistrictMapModel, type MapColouring } from '../model/district-map.view-model';

// The district map (loaded on demand, in its own chunk): a plain SVG of the districts, coloured by
// winner, a list's share or turnout, with a legend and the same figures as a table. Each district is
// a focusable link (Tab, Enter opens its page); no tiles, no requests beyond the map's own JSON.

const SVG = 'http://www.w3.org/2000/svg';

export type DistrictMapHandlers = { readonly navigate: (href: string) => void };

const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string>): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
};

const colouringOf = (value: string): MapColouring =>
  value === 'winner' || value === 'turnout' ? { kind: value } : { kind: 'share', listId: value.replace(/^share:/, '') };

export class DistrictMapView {
  readonly element: HTMLElement;
  private readonly select = h('select', { id: 'map-colouring' });
  private readonly figure = h('figure', { class: 'district-map' });
  private readonly legend = h('ul', { class: 'map-legend', 'aria-label': 'Legende' });
  private readonly tableBody = h('tbody', {});
  private last: { snapshot: PublicElectionSnapshot; contestId: string } | null = null;

  constructor(
    private readonly map: DistrictMap,
    private readonly handlers: DistrictMapHandlers,
    /** A Stadtbezirk or Stadtteil: only its districts; null: the whole election. */
    private readonly withinAreaId: string | null = null,
  ) {
    this.select.addEventListener('change', () => this.last && this.update(this.last.snapshot, this.last.contestId));
    this.element = h(
      'div',
      { class: 'map-body' },
      h('div', { class: 'field' }, h('label', { for: 'map-colouring' }, 'Färbung'), this.select),
      this.figure,
      this.legend,
      h(
        'details',
        { class: 'map-table' },
        h('summary', {}, 'Tabelle zur Karte'),
        h(
          'table',
          { class: 'table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Wahlbezirk'), h('th', { scope: 'col' }, 'Wert'))),
          this.tableBody,
        ),
      ),
    );
  }

  update(snapshot: PublicElectionSnapshot, contestId: string): void {
    this.last = { snapshot, contestId };
    this.fillOptions(snapshot, contestId);
    const model = buildDistrictMap(snapshot, this.map, contestId, colouringOf(this.select.value || 'winner'), this.withinAreaId);
    this.render(model);
  }

  private fillOptions(snapshot: PublicElectionSnapshot, contestId: string): void {
    const contest = snapshot.contests.find((candidate) => candidate.id === contestId);
    const values = ['winner', 'turnout', ...(contest?.lists ?? []).map((list) => `share:${list.id}`)];
    const current = this.select.value;
    if ([...this.select.options].map((option) => option.value).join() === values.join()) return;
    this.select.replaceChildren(
      h('option', { value: 'winner' }, 'Stärkste Kraft'),
      h('option', { value: 'turnout' }, 'Wahlbeteiligung'),
      ...(contest?.lists ?? []).map((list) => h('option', { value: `share:${list.id}` }, `Anteil ${list.shortName}`)),
    );
    this.select.value = values.includes(current) ? current : 'winner';
  }

  private render(model: DistrictMapModel): void {
    const hatch = svg('pattern', {
      id: 'map-hatch',
      width: '8',
      height: '8',
      patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)',
    });
    hatch.append(
      svg('rect', { width: '8', height: '8', fill: '#b8c0ca' }),
      svg('line', { x1: '0', y1: '0', x2: '0', y2: '8', stroke: '#6b7785', 'stroke-width': '3' }),
    );
    const defs = svg('defs', {});
    defs.append(hatch);
    const root = svg('svg', { viewBox: model.viewBox, role: 'group', 'aria-label': model.caption });
    root.append(defs);
    const focused = (document.activeElement as Element | null)?.getAttribute('data-key');
    for (const district of model.districts) {
      const shape = svg('path', {
        d: district.path,
        fill: district.withheld ? 'url(#map-hatch)' : district.fill,
        class: 'map-district',
        tabindex: '0',
        role: 'link',
        'aria-label': district.label,
        'data-key': district.id,
      });
      const title = svg('title', {});
      title.textContent = district.label;
      shape.append(title);
      shape.addEventListener('click', () => this.handlers.navigate(district.href));
      shape.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') this.handlers.navigate(district.href);
      });
      root.append(shape);
    }
    this.figure.replaceChildren(root, h('figcaption', {}, model.caption));
    if (focused) root.querySelector<SVGElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
    this.legend.replaceChildren(
      ...model.legend.map((entry) =>
        h('li', {}, h('span', { class: 'swatch', style: `background:${entry.color}`, 'aria-hidden': 'true' }), entry.text),
      ),
    );
    this.tableBody.replaceChildren(
      ...model.districts.map((district) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('a', { href: district.href, 'data-link': true }, district.label.split(':')[0]!)),
          h('td', {}, district.valueText),
        ),
      ),
    );
  }
}
