import { h } from '@wahl/web-kit';
import type { PollingCardJobDetail } from '../../api/polling-cards.types';
import { t } from '../../i18n/i18n';
import { number } from './cards-parts.view';

/** The lots and the manifest of a finished job, for the print shop; nothing while there are none. */
export function cardsFiles(detail: PollingCardJobDetail | null, download: (jobId: string, fileName: string) => void): Node[] {
  if (!detail || detail.files.length === 0) return [];
  return [
    h(
      'section',
      { class: 'card panel', 'aria-labelledby': 'cards-files-title' },
      h('h2', { id: 'cards-files-title', class: 'section-title' }, t('cards.filesTitle', { number: detail.jobNumber })),
      h(
        'ul',
        { class: 'file-list', id: 'cards-files' },
        detail.files.map((file) =>
          h(
            'li',
            {},
            h('button', { type: 'button', class: 'link-button', onclick: () => download(detail.id, file.name) }, file.name),
            file.bytes !== null ? h('span', { class: 'card-meta' }, ` ${number(Math.round(file.bytes / 1024))} KB`) : null,
          ),
        ),
      ),
    ),
  ];
}
