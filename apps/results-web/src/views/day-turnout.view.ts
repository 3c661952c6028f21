import type { PublicTurnout } from '@wahl/contracts';
import { formatCount, formatPercent, formatShare, formatStand, h } from '@wahl/web-kit';
import { fetchDayTurnout } from '../api/results-api';

// The turnout during election day as the office published it at its report times (R7.12): urn
// voters over A1 + A2 of the reporting polling stations, postal voters not included (the Wahlscheine
// issued are stated apart), beside the previous election's figure at the same time where the office
// entered it, with the time of publication ("Stand"). Shown on the election's main page until the
// evening; read again every minute while the page is open.

const REFRESH_MS = 60_000;

const slotLabel = (slot: string): string => `bis ${slot.replace(/:00$/, '')} Uhr`;

function reportItem(report: PublicTurnout['reports'][number]): HTMLElement {
  const stations = `${formatCount(report.reportedDistricts)} von ${formatCount(report.expectedDistricts)} Wahllokalen`;
  const figure = report.eligible ? formatShare(report.voters, report.eligible) : `${formatCount(report.voters)} Wählende`;
  const detail = report.eligible ? `${formatCount(report.voters)} Wählende, ${stations}` : stations;
  return h(
    'li',
    { 'data-slot': report.slot },
    h('span', { class: 'day-turnout-slot' }, slotLabel(report.slot)),
    ' ',
    h('strong', { class: 'day-turnout-value' }, figure),
    ' ',
    h('span', { class: 'day-turnout-detail' }, `(${detail})`),
    report.previousPercent === null
      ? null
      : h('span', { class: 'day-turnout-previous' }, `Vorwahl zur selben Zeit: ${formatPercent(report.previousPercent)}`),
    h('span', { class: 'day-turnout-stand' }, formatStand(report.publishedAt, new Date())),
  );
}

export function dayTurnoutSection(electionId: string): HTMLElement {
  const list = h('ol', { class: 'day-turnout-list' });
  const postal = h('p', { class: 'day-turnout-note', id: 'day-turnout-postal' });
  const section = h(
    'section',
    { class: 'section day-turnout', id: 'day-turnout', 'aria-labelledby': 'day-turnout-title', hidden: true },
    h('h2', { id: 'day-turnout-title' }, 'Wahlbeteiligung im Laufe des Tages'),
    h('p', { class: 'day-turnout-note' }, 'Urnenwählerinnen und -wähler der meldenden Wahllokale, ohne Briefwahl.'),
    list,
    postal,
  );
  const show = (turnout: PublicTurnout | null): void => {
    const reports = turnout?.reports ?? [];
    section.hidden = reports.length === 0;
    list.replaceChildren(...reports.map(reportItem));
    postal.textContent = turnout ? `Briefwahl, nicht enthalten: ${formatCount(turnout.postalCertificates)} Wahlscheine ausgestellt.` : '';
  };
  // Read again while the page shows the section (it has left the page after a navigation).
  const load = (): void => {
    fetchDayTurnout(electionId)
      .then(show, () => undefined)
      .finally(() => section.isConnected && setTimeout(load, REFRESH_MS));
  };
  load();
  return section;
}
