import type { BarChart } from '../charts/charts.mount';
import { loadCharts } from '../charts/load-charts';
import type { ChartLayoutOptions } from '../charts/shares-chart';
import type { ContestView, ListRow } from '../model/area-page.view-model';
import { h } from '@wahl/web-kit';
import { swatch } from './swatch';

// The two chart panels of an area: shares, and gains and losses against the previous election.
// Each canvas has a text alternative and a table with the same numbers beneath it (WCAG 1.1.1).
// The canvases stay in place across updates so Chart.js animates from the old bars to the new.

type Options = {
  /** Kiosk and embed show fewer words; the table can be folded away in the embed. */
  readonly variant: 'page' | 'embed' | 'kiosk';
  readonly idPrefix: string;
};

/** A list's row heading; a candidate's name comes first, with the party's short name beside it. */
const listCell = (row: ListRow): HTMLTableCellElement =>
  h(
    'th',
    { scope: 'row' },
    row.candidate !== null
      ? h(
          'span',
          { class: 'list-cell' },
          swatch(row.color),
          h('span', { class: 'list-short' }, row.candidate),
          h('span', { class: 'list-name' }, row.shortName),
        )
      : h(
          'span',
          { class: 'list-cell' },
          swatch(row.color),
          h('span', { class: 'list-short' }, row.shortName),
          row.name !== row.shortName ? h('span', { class: 'list-name' }, row.name) : null,
        ),
  );

function sharesTable(contest: ContestView, caption: string): HTMLTableElement {
  return h(
    'table',
    { class: 'numbers' },
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, contest.rowHeading),
        h('th', { scope: 'col', class: 'num' }, 'Stimmen'),
        h('th', { scope: 'col', class: 'num' }, 'Anteil'),
      ),
    ),
    h(
      'tbody',
      {},
      contest.rows.map((row) =>
        h('tr', {}, listCell(row), h('td', { class: 'num' }, row.votesText), h('td', { class: 'num strong' }, row.percentText)),
      ),
    ),
    h(
      'tfoot',
      {},
      h('tr', {}, h('th', { scope: 'row' }, 'Gültige Stimmen'), h('td', { class: 'num' }, contest.validText), h('td', {})),
      h('tr', {}, h('th', { scope: 'row' }, 'Ungültige Stimmen'), h('td', { class: 'num' }, contest.invalidText), h('td', {})),
    ),
  );
}

function changesTable(contest: ContestView, previousLabel: string, caption: string): HTMLTableElement {
  const rows = contest.rows.filter((row) => row.changePoints !== null);
  return h(
    'table',
    { class: 'numbers' },
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, contest.rowHeading),
        h('th', { scope: 'col', class: 'num' }, 'Jetzt'),
        h('th', { scope: 'col', class: 'num' }, previousLabel),
        h('th', { scope: 'col', class: 'num' }, h('abbr', { title: 'Veränderung in Prozentpunkten' }, '± Pkt.')),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          listCell(row),
          h('td', { class: 'num' }, row.percentText),
          h('td', { class: 'num' }, row.previousText),
          h('td', { class: `num strong trend-${row.trend ?? 'none'}` }, row.changeText),
        ),
      ),
    ),
  );
}

export class ResultPanels {
  readonly element: HTMLElement;
  private readonly sharesTitle: HTMLElement;
  private readonly sharesCanvas: HTMLCanvasElement;
  private readonly sharesBox: HTMLElement;
  private readonly sharesEmpty: HTMLElement;
  private readonly sharesTableSlot: HTMLElement;
  private readonly changesPanel: HTMLElement;
  private readonly changesTitle: HTMLElement;
  private readonly changesCanvas: HTMLCanvasElement;
  private readonly changesBox: HTMLElement;
  private readonly changesTableSlot: HTMLElement;
  private sharesChart: BarChart | null = null;
  private changesChart: BarChart | null = null;
  private drawn = 0;
  private last: { contest: ContestView; previousLabel: string | null; horizontal: boolean } | null = null;
  private readonly onResize = (): void => {
    // Redraw only when the bars have to turn (phone rotated, window resized across the threshold).
    if (this.last && this.horizontal() !== this.last.horizontal) void this.drawCharts(this.last.contest, this.last.previousLabel);
  };

  constructor(private readonly options: Options) {
    const id = options.idPrefix;
    this.sharesTitle = h('h2', { id: `${id}-shares-title`, class: 'panel-title' });
    this.sharesCanvas = h('canvas', { id: `${id}-shares-chart` });
    this.sharesEmpty = h('p', { class: 'chart-empty', hidden: true }, 'Noch keine Stimmen ausgezählt.');
    this.sharesBox = h('div', { class: 'chart-box' }, this.sharesCanvas);
    this.sharesTableSlot = h('div', { class: 'table-slot', id: `${id}-shares-table` });
    this.changesTitle = h('h2', { id: `${id}-changes-title`, class: 'panel-title' });
    this.changesCanvas = h('canvas', { id: `${id}-changes-chart` });
    this.changesBox = h('div', { class: 'chart-box chart-box-changes' }, this.changesCanvas);
    this.changesTableSlot = h('div', { class: 'table-slot', id: `${id}-changes-table` });
    const shares = h(
      'section',
      { class: 'panel', 'aria-labelledby': `${id}-shares-title` },
      this.sharesTitle,
      this.sharesEmpty,
      this.sharesBox,
      this.sharesTableSlot,
    );
    this.changesPanel = h(
      'section',
      { class: 'panel', 'aria-labelledby': `${id}-changes-title`, hidden: true },
      this.changesTitle,
      this.changesBox,
      this.changesTableSlot,
    );
    this.element = h('div', { class: `panels panels-${options.variant}` }, shares, this.changesPanel);
    window.addEventListener('resize', this.onResize);
  }

  /** Sideways bars where a chart is narrower than about 30 em: the list names stay readable on a phone. */
  private horizontal(): boolean {
    return this.options.variant !== 'kiosk' && this.element.clientWidth > 0 && this.element.clientWidth < 480;
  }

  private layout(rows: number): ChartLayoutOptions & { readonly height: string | null } {
    const horizontal = this.horizontal();
    // The town hall screen is read from across the room: fonts grow with the screen.
    const fontSize = this.options.variant === 'kiosk' ? Math.round(Math.min(24, Math.max(14, window.innerWidth / 90))) : 12;
    return { horizontal, fontSize, axisTitle: this.options.variant !== 'kiosk', height: horizontal ? `${rows * 34 + 24}px` : null };
  }

  update(contest: ContestView | null, previousLabel: string | null): void {
    const variant = this.options.variant;
    if (!contest) {
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    if (variant === 'kiosk') this.sharesTitle.textContent = contest.name;
    else this.sharesTitle.replaceChildren('Stimmenanteile', h('span', { class: 'panel-sub' }, ` · ${contest.name}`));
    this.sharesEmpty.hidden = contest.hasVotes;
    this.sharesBox.hidden = !contest.hasVotes;
    const sharesCaption = `${contest.name}: Stimmen und Anteile der ${contest.rowsNoun}`;
    if (variant === 'kiosk') this.sharesTableSlot.replaceChildren();
    else if (variant === 'embed') {
      this.sharesTableSlot.replaceChildren(
        h('details', { class: 'table-details' }, h('summary', {}, 'Zahlen als Tabelle'), sharesTable(contest, sharesCaption)),
      );
    } else this.sharesTableSlot.replaceChildren(sharesTable(contest, sharesCaption));

    const changes = contest.changes;
    const showChanges = changes !== null && previousLabel !== null && variant !== 'embed';
    this.changesPanel.hidden = !showChanges;
    this.element.classList.toggle('panels-single', !showChanges);
    if (showChanges) {
      if (variant === 'kiosk') this.changesTitle.textContent = `Gewinne und Verluste in Prozentpunkten gegenüber ${previousLabel}`;
      else
        this.changesTitle.replaceChildren(
          'Gewinne und Verluste',
          h('span', { class: 'panel-sub' }, ` · ${contest.name} gegenüber ${previousLabel}`),
        );
      this.changesTableSlot.replaceChildren(
        variant === 'kiosk'
          ? ''
          : changesTable(contest, previousLabel, `${contest.name}: Anteile jetzt und ${previousLabel}, Veränderung in Prozentpunkten`),
      );
    }
    void this.drawCharts(contest, showChanges ? previousLabel : null);
  }

  private async drawCharts(contest: ContestView, previousLabel: string | null): Promise<void> {
    const draw = ++this.drawn;
    const charts = await loadCharts();
    // A newer update may have overtaken this one while the chart code was loading.
    if (draw !== this.drawn) return;
    const shares = this.layout(contest.chart.lists.length);
    this.last = { contest, previousLabel, horizontal: shares.horizontal ?? false };
    this.sharesBox.style.height = shares.height ?? '';
    if (contest.hasVotes)
      this.sharesChart = charts.drawSharesChart(this.sharesCanvas, contest.chartSummary, contest.chart, shares, this.sharesChart);
    if (previousLabel !== null && contest.changes) {
      const changes = this.layout(contest.changes.length);
      // Sideways, the change chart also needs its value axis and its title below the bars.
      this.changesBox.style.height = changes.height === null ? '' : `${contest.changes.length * 34 + 64}px`;
      this.changesChart = charts.drawChangesChart(
        this.changesCanvas,
        contest.changesSummary ?? '',
        { lists: contest.changes, previousLabel },
        changes,
        this.changesChart,
      );
    }
  }

  destroy(): void {
    window.removeEventListener('resize', this.onResize);
    this.sharesChart?.destroy();
    this.changesChart?.destroy();
  }
}
