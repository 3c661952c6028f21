import type { AreaPage } from '../model/area-page.view-model';
import { areaHref } from '../router/routes';
import { h } from '@wahl/web-kit';
import { LiveStatus } from './live-status.view';
import { ResultPanels } from './result-panels.view';
import { RehearsalWatermark } from './rehearsal-watermark.view';

// The view for an iframe on another website: one area, the share chart, the key figures and a
// link to the full results – no site chrome. It updates live like the page itself.

export class EmbedView {
  readonly element: HTMLElement;
  readonly liveStatus = new LiveStatus();
  private readonly watermark = new RehearsalWatermark();
  readonly areaId: string;
  private readonly title = h('h1', { class: 'embed-title', tabindex: '-1' });
  private readonly meta = h('p', { class: 'embed-meta' });
  private readonly figures = h('p', { class: 'embed-figures' });
  private readonly contestSwitch = h('fieldset', { class: 'contest-switch contest-switch-small' });
  private readonly panels = new ResultPanels({ variant: 'embed', idPrefix: 'embed' });
  private readonly fullLink = h('a', { target: '_blank', rel: 'noopener', class: 'embed-link' });

  constructor(first: AreaPage, selectContest: (contestId: string) => void) {
    this.areaId = first.areaId;
    this.contestSwitch.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.checked) selectContest(target.value);
    });
    this.contestSwitch.hidden = first.contests.length < 2;
    this.contestSwitch.replaceChildren(
      h('legend', { class: 'visually-hidden' }, 'Ergebnis anzeigen für'),
      ...first.contests.map((contest) =>
        h(
          'label',
          { class: 'segment' },
          h('input', { type: 'radio', name: 'contest', value: contest.id, checked: contest.selected }),
          h('span', {}, contest.name),
        ),
      ),
    );
    this.element = h(
      'article',
      { class: 'embed' },
      h('header', { class: 'embed-head' }, this.meta, this.title),
      this.watermark.element,
      this.liveStatus.element,
      this.figures,
      this.contestSwitch,
      this.panels.element,
      h('p', { class: 'embed-foot' }, this.fullLink),
    );
    this.update(first);
  }

  update(page: AreaPage): void {
    this.watermark.update(page);
    this.meta.textContent = `${page.electionName} · ${page.statusText}`;
    this.title.textContent = page.isRoot ? page.areaName : `${page.areaName} (${page.areaKind})`;
    this.figures.replaceChildren(
      page.progress.unit ? h('span', {}, h('strong', {}, page.progress.text), ' gemeldet') : h('strong', {}, page.progress.text),
      h('span', {}, 'Wahlbeteiligung ', h('strong', {}, page.turnout.text)),
    );
    for (const input of this.contestSwitch.querySelectorAll<HTMLInputElement>('input'))
      input.checked = page.contests.find((c) => c.id === input.value)?.selected ?? false;
    this.panels.update(page.withheld ? null : page.contest, page.previousLabel);
    this.fullLink.href = areaHref(page.electionId, page.isRoot ? null : page.areaId, page.contest?.id);
    this.fullLink.textContent = 'Alle Ergebnisse und Wahlbezirke (neues Fenster)';
    this.liveStatus.update({ status: page.status, updatedAt: page.updatedAt });
  }

  focusHeading(): void {
    this.title.focus({ preventScroll: true });
  }

  destroy(): void {
    this.panels.destroy();
  }
}
