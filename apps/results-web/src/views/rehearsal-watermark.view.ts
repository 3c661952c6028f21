import { h } from '@wahl/web-kit';
import type { AreaPage } from '../model/area-page.view-model';

/**
 * The watermark of a rehearsal (Probe) at the top of every results view: page, embed and kiosk
 * show it as long as the election's results are a rehearsal, so a screenshot never passes for the
 * real night.
 */
export class RehearsalWatermark {
  readonly element = h('p', { class: 'rehearsal-watermark', id: 'rehearsal-watermark', role: 'note', hidden: true });

  update(page: Pick<AreaPage, 'watermark'>): void {
    this.element.hidden = page.watermark === null;
    this.element.textContent = page.watermark ?? '';
  }
}
