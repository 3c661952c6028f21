import type { AreaPage } from '../model/area-page.view-model';
import { h } from '@wahl/web-kit';
import { LiveStatus } from './live-status.view';
import { ResultPanels } from './result-panels.view';
import { RehearsalWatermark } from './rehearsal-watermark.view';

// The town hall's big screen: one area at a time in large type, the next after a few seconds.
// Pause and step by keyboard (space, arrow keys) or by the buttons; "Vollbild" fills the screen.

export type KioskControls = {
  readonly next: () => void;
  readonly previous: () => void;
  readonly togglePause: () => boolean;
};

export class KioskView {
  readonly element: HTMLElement;
  readonly liveStatus = new LiveStatus();
  private readonly watermark = new RehearsalWatermark();
  private readonly place = h('p', { class: 'kiosk-place' });
  private readonly title = h('h1', { class: 'kiosk-title', tabindex: '-1' });
  private readonly kind = h('p', { class: 'kiosk-kind' });
  private readonly progress = h('p', { class: 'kiosk-figure-value' });
  private readonly progressBar = h('span', { class: 'meter-fill' });
  private readonly turnout = h('p', { class: 'kiosk-figure-value' });
  private readonly turnoutDetail = h('p', { class: 'kiosk-figure-detail' });
  private readonly position = h('p', { class: 'kiosk-position' });
  private readonly timer = h('span', { class: 'kiosk-timer-fill' });
  private readonly panels = new ResultPanels({ variant: 'kiosk', idPrefix: 'kiosk' });
  private readonly pauseButton: HTMLButtonElement;

  constructor(
    private readonly intervalSeconds: number,
    controls: KioskControls,
  ) {
    const button = (label: string, onClick: () => void): HTMLButtonElement => {
      const element = h('button', { type: 'button', class: 'kiosk-button' }, label);
      element.addEventListener('click', onClick);
      return element;
    };
    this.pauseButton = button('Anhalten', () => this.setPaused(controls.togglePause()));
    const fullscreen = button('Vollbild', () => void document.documentElement.requestFullscreen?.().catch(() => undefined));
    this.element = h(
      'article',
      { class: 'kiosk' },
      h(
        'header',
        { class: 'kiosk-head' },
        h('div', {}, this.place, this.title, this.kind),
        h('div', { class: 'kiosk-head-side' }, this.liveStatus.element, this.position),
      ),
      this.watermark.element,
      h(
        'div',
        { class: 'kiosk-body' },
        h(
          'section',
          { class: 'kiosk-figures', 'aria-label': 'Kennzahlen' },
          h(
            'div',
            { class: 'kiosk-figure' },
            h('h2', { class: 'kiosk-figure-label' }, 'Gemeldet'),
            this.progress,
            h('span', { class: 'meter meter-large', 'aria-hidden': 'true' }, this.progressBar),
          ),
          h(
            'div',
            { class: 'kiosk-figure' },
            h('h2', { class: 'kiosk-figure-label' }, 'Wahlbeteiligung'),
            this.turnout,
            this.turnoutDetail,
          ),
        ),
        this.panels.element,
      ),
      h(
        'footer',
        { class: 'kiosk-foot' },
        h('span', { class: 'kiosk-timer', 'aria-hidden': 'true' }, this.timer),
        h(
          'span',
          { class: 'kiosk-controls' },
          button('Zurück', controls.previous),
          this.pauseButton,
          button('Weiter', controls.next),
          fullscreen,
        ),
      ),
    );
    this.element.addEventListener('keydown', (event) => {
      if (event.target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
      if (event.key === 'ArrowRight') controls.next();
      else if (event.key === 'ArrowLeft') controls.previous();
      else if (event.key === ' ') this.setPaused(controls.togglePause());
      else return;
      event.preventDefault();
    });
  }

  /** Shows `page`; `restartTimer` when the area changed (not on a data update of the same area). */
  show(page: AreaPage, index: number, count: number, restartTimer: boolean): void {
    this.watermark.update(page);
    // "Bundestagswahl 2025 · Musterstadt", unless the election's name already says where.
    this.place.textContent = page.electionName.includes(page.municipalityName)
      ? page.electionName
      : `${page.electionName} · ${page.municipalityName}`;
    this.title.textContent = page.areaName;
    this.kind.textContent = `${page.areaKind} · ${page.statusText}`;
    this.progress.replaceChildren(
      h('span', {}, page.progress.count),
      page.progress.unit ? h('span', { class: 'figure-unit' }, ` ${page.progress.unit}`) : '',
    );
    this.progressBar.style.width = `${page.progress.percent.toFixed(2)}%`;
    this.turnout.textContent = page.turnout.text;
    this.turnoutDetail.textContent = page.turnout.previousText ?? page.turnout.votersText ?? '';
    this.position.textContent = count > 1 ? `Gebiet ${index + 1} von ${count}` : '';
    this.panels.update(page.withheld ? null : page.contest, page.previousLabel);
    this.liveStatus.update({ status: page.status, updatedAt: page.updatedAt });
    if (restartTimer) {
      // Restart the CSS animation of the bar that shows when the next area comes.
      this.timer.style.animation = 'none';
      void this.timer.offsetWidth;
      this.timer.style.animation = `kiosk-timer ${this.intervalSeconds}s linear forwards`;
    }
  }

  setPaused(paused: boolean): void {
    this.pauseButton.textContent = paused ? 'Fortsetzen' : 'Anhalten';
    this.pauseButton.setAttribute('aria-pressed', String(paused));
    this.timer.style.animationPlayState = paused ? 'paused' : 'running';
  }

  focusHeading(): void {
    this.title.focus({ preventScroll: true });
  }

  destroy(): void {
    this.panels.destroy();
  }
}
