import { h } from '@wahl/web-kit';
import { t } from '../i18n/i18n';
import { pageHeading } from './chrome.view';
import { postalA3 } from './postal/postal-a3.view';
import { postalCertificates } from './postal/postal-certificates.view';
import { postalCounter } from './postal/postal-counter.view';
import { postalFigures } from './postal/postal-figures.view';
import { postalQueue } from './postal/postal-queue.view';
import { postalRuns } from './postal/postal-runs.view';
import { postalSupplementary } from './postal/postal-supplementary.view';

// The Briefwahlstelle of an election (/office/wahlen/<id>/briefwahl, DOMAIN.md R1.15, R1.16, R3.8):
// the counter for a voter in person, the work queue of applications (A3 among them) with bulk issuing,
// the earlier issuing runs with their PDFs, the certificates with invalid ones and replacements, the
// figures per day, A3 (BWO § 25(2)) and the Nachtragsliste W per district. Every issue refreshes the other panels; the roll's "W" and A1/A2
// follow in the API's issuing transaction.

export function postalOfficeView(electionId: string): HTMLElement {
  const figures = postalFigures(electionId);
  const supplementary = postalSupplementary(electionId);
  const runs = postalRuns(electionId);
  const refreshAll = (): void => {
    figures.reload();
    runs.reload();
    queue.reload();
    certificates.reload();
    supplementary.reload();
    a3.reload();
  };
  const queue = postalQueue(electionId, () => {
    figures.reload();
    runs.reload();
    certificates.reload();
    a3.reload();
  });
  const a3 = postalA3(electionId, () => {
    figures.reload();
    queue.reload();
  });
  const certificates = postalCertificates(electionId, refreshAll);
  const counter = postalCounter(electionId, refreshAll);
  return h(
    'section',
    { class: 'page postal-office' },
    pageHeading(t('postal.title'), t('postal.intro')),
    h(
      'div',
      { class: 'dashboard-grid' },
      h('div', { class: 'dashboard-main' }, counter, queue.element, runs.element, a3.element),
      h('div', { class: 'dashboard-side' }, figures.element, certificates.element, supplementary.element),
    ),
  );
}
