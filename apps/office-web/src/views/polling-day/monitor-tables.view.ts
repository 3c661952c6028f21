import { formatClockTime, formatCount, h } from '@wahl/web-kit';
import type { MonitorIncident, MonitorMessage, MonitorStation, PollingDayMonitor, TurnoutSlotSummary } from '../../api/polling-day.types';
import { t } from '../../i18n/i18n';

// The tables of the office's monitor: turnout per report time, every station, incidents, messages.

const slotId = (slot: string): string => slot.replace(':', '');

export function turnoutTable(turnout: readonly TurnoutSlotSummary[], publish: (slot: string) => void): HTMLElement {
  const table = h(
    'table',
    { class: 'data-table', id: 'monitor-turnout' },
    h('caption', { id: 'monitor-turnout-caption' }, t('monitor.turnoutCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('monitor.slot')),
        h('th', { scope: 'col', class: 'num' }, t('monitor.reported')),
        h('th', { scope: 'col', class: 'num' }, t('monitor.voters')),
        h('th', { scope: 'col' }, t('monitor.published')),
      ),
    ),
    h(
      'tbody',
      {},
      turnout.map((row) =>
        h(
          'tr',
          { 'data-slot': row.slot },
          h('th', { scope: 'row' }, t('monitor.until', { slot: row.slot })),
          h('td', { class: 'num' }, t('monitor.reportedOf', { reported: row.reported, expected: row.expected })),
          h('td', { class: 'num', 'data-voters': row.marked + row.certificates }, formatCount(row.marked + row.certificates)),
          h(
            'td',
            {},
            row.publishedAt
              ? h('span', { class: 'published' }, t('monitor.publishedAt', { time: formatClockTime(row.publishedAt) }), ' ')
              : null,
            row.reported > 0
              ? h(
                  'button',
                  { type: 'button', class: 'button button-secondary', id: `publish-${slotId(row.slot)}`, onclick: () => publish(row.slot) },
                  t(row.publishedAt ? 'monitor.publishAgain' : 'monitor.publish', { slot: row.slot }),
                )
              : null,
          ),
        ),
      ),
    ),
  );
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'monitor-turnout-caption' }, table);
}

const attendanceText = (station: MonitorStation): string => {
  const attendance = station.attendance;
  if (!attendance) return t('monitor.none');
  const text = t('monitor.attendance', { present: attendance.present, phase: t(`day.phase.${attendance.phase}`) });
  return attendance.substitutes ? `${text}, ${t('monitor.substitutes', { count: attendance.substitutes })}` : text;
};

function stationRow(station: MonitorStation, slots: readonly string[]): HTMLElement {
  const quorumBroken = station.attendance !== null && !station.attendance.quorumMet;
  return h(
    'tr',
    { 'data-district': station.number, 'data-silent': String(station.silent), class: station.silent ? 'monitor-silent' : '' },
    h('th', { scope: 'row' }, `${station.number} ${station.name}`),
    h(
      'td',
      {},
      station.lastContactAt ? formatClockTime(station.lastContactAt) : t('monitor.never'),
      station.silent ? h('span', { class: 'monitor-flag' }, ' ', t('monitor.silent')) : null,
    ),
    h(
      'td',
      { 'data-quorum': station.attendance ? String(station.attendance.quorumMet) : 'none' },
      attendanceText(station),
      quorumBroken ? h('span', { class: 'monitor-flag' }, ' ', t('monitor.noQuorum')) : null,
    ),
    h('td', {}, station.openedAt ?? t('monitor.none')),
    slots.map((slot) =>
      h('td', { class: 'num', 'data-slot': slot }, station.turnout[slot] === undefined ? '–' : formatCount(station.turnout[slot]!)),
    ),
    h('td', { class: 'num' }, station.openIncidents ? h('span', { class: 'monitor-flag' }, String(station.openIncidents)) : '0'),
    h('td', {}, t(`state.${station.quickReport}`)),
  );
}

export function stationsTable(monitor: PollingDayMonitor): HTMLElement {
  const slots = monitor.settings.turnoutSlots;
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'monitor-stations-caption' },
    h(
      'table',
      { class: 'data-table', id: 'monitor-stations' },
      h('caption', { id: 'monitor-stations-caption' }, t('monitor.stationsCaption', { minutes: monitor.settings.silentAfterMinutes })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('monitor.district')),
          h('th', { scope: 'col' }, t('monitor.lastContact')),
          h('th', { scope: 'col' }, t('monitor.attendanceColumn')),
          h('th', { scope: 'col' }, t('monitor.opened')),
          slots.map((slot) => h('th', { scope: 'col', class: 'num' }, t('monitor.until', { slot }))),
          h('th', { scope: 'col', class: 'num' }, t('monitor.openIncidents')),
          h('th', { scope: 'col' }, t('monitor.quickReport')),
        ),
      ),
      h(
        'tbody',
        {},
        monitor.stations.map((station) => stationRow(station, slots)),
      ),
    ),
  );
}

export function incidentList(incidents: readonly MonitorIncident[], acknowledge: (id: string) => void): HTMLElement {
  if (incidents.length === 0) return h('p', { class: 'form-hint', id: 'monitor-incidents' }, t('monitor.noIncidents'));
  return h(
    'ul',
    { class: 'monitor-list', id: 'monitor-incidents' },
    incidents.map((incident) =>
      h(
        'li',
        { 'data-incident': incident.id, 'data-open': String(incident.acknowledgedAt === null) },
        h('strong', {}, t('monitor.incidentHead', { number: incident.districtNumber, time: incident.occurredAt })),
        ' ',
        incident.text,
        ' ',
        incident.acknowledgedAt
          ? h('span', { class: 'form-hint' }, t('monitor.acknowledged'))
          : h(
              'button',
              { type: 'button', class: 'button button-link', onclick: () => acknowledge(incident.id) },
              t('monitor.acknowledge', { number: incident.districtNumber }),
            ),
      ),
    ),
  );
}

export function messageList(messages: readonly MonitorMessage[]): HTMLElement {
  if (messages.length === 0) return h('p', { class: 'form-hint', id: 'monitor-messages' }, t('monitor.noMessages'));
  return h(
    'ul',
    { class: 'monitor-list', id: 'monitor-messages' },
    messages.map((message) =>
      h(
        'li',
        { 'data-message': message.id, 'data-reads': message.readBy.length },
        h(
          'strong',
          {},
          message.districtNumber ? t('monitor.toStation', { number: message.districtNumber }) : t('monitor.toAll'),
          ` (${formatClockTime(message.sentAt)}): `,
        ),
        message.text,
        ' ',
        h(
          'span',
          { class: 'form-hint' },
          t('monitor.reads', { read: message.readBy.length, expected: message.expectedReads }),
          message.readBy.length ? ` (${message.readBy.join(', ')})` : '',
        ),
      ),
    ),
  );
}
