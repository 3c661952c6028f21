import { formatCount, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { PostalDayFigures, PostalFigures, PostalIssueChannel } from '../../api/postal.types';
import { formatElectionDay } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { describe, notice } from './postal-parts.view';

const stat = (label: string, value: number, id: string): HTMLElement =>
  h('div', { class: 'stat' }, h('span', { class: 'stat-value', id }, formatCount(value)), h('span', { class: 'stat-hint' }, label));

/** The day's issued certificates by way of application, the ways with none left out ("online 2 · A3 1"). */
const byChannel = (day: PostalDayFigures): HTMLElement | null => {
  const parts = Object.entries(day.issuedByChannel)
    .filter(([, count]) => count > 0)
    .map(([channel, count]) => `${t(`postal.issueChannel.${channel as PostalIssueChannel}`)} ${formatCount(count)}`);
  return parts.length ? h('span', { class: 'figures-channels' }, parts.join(' · ')) : null;
};

function figuresTable(figures: PostalFigures): HTMLElement {
  if (figures.days.length === 0) return h('p', { class: 'form-hint' }, t('postal.figuresEmpty'));
  const headers = [
    'postal.figuresDay',
    'postal.figuresReceived',
    'postal.figuresRejected',
    'postal.figuresIssued',
    'postal.figuresInvalidated',
  ] as const;
  return h(
    'table',
    { class: 'data-table figures-table', id: 'postal-figures-table' },
    h('caption', { class: 'sr-only' }, t('postal.figuresCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((key) => h('th', { scope: 'col' }, t(key))),
      ),
    ),
    h(
      'tbody',
      {},
      figures.days.map((day) =>
        h(
          'tr',
          { 'data-day': day.day },
          h('th', { scope: 'row' }, formatElectionDay(day.day, currentLanguage(), 'short')),
          // data-label: the column's name, shown beside the value when the narrow layout stacks the cells.
          [day.applicationsReceived, day.applicationsRejected, day.certificatesIssued, day.certificatesInvalidated].map((value, index) =>
            h(
              'td',
              { class: 'value-cell', 'data-label': t(headers[index + 1]!) },
              formatCount(value),
              headers[index + 1] === 'postal.figuresIssued' ? byChannel(day) : null,
            ),
          ),
        ),
      ),
    ),
  );
}

/** Open applications, valid and invalid certificates now, and per calendar day (GET …/postal-voting/figures). */
export function postalFigures(electionId: string): { element: HTMLElement; reload: () => void } {
  const body = h('div', {});
  const reload = (): void => {
    officeApi.postalFigures(electionId).then(
      (figures) =>
        body.replaceChildren(
          h(
            'div',
            { class: 'stats' },
            stat(t('postal.figuresOpen'), figures.open, 'postal-open'),
            stat(t('postal.figuresValid'), figures.validCertificates, 'postal-valid'),
            stat(t('postal.figuresInvalid'), figures.invalidCertificates, 'postal-invalid'),
          ),
          figuresTable(figures),
        ),
      (error: unknown) => body.replaceChildren(notice('error', describe(error))),
    );
  };
  reload();
  const element = h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'postal-figures-title', id: 'postal-figures' },
    h('h2', { id: 'postal-figures-title', class: 'section-title' }, t('postal.figuresTitle')),
    body,
  );
  return { element, reload };
}
