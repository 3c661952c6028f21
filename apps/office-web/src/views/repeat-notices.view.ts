import { formatDayDate, h } from '@wahl/web-kit';
import { officeApi } from '../api/office-api';
import type { PostalRepeatNotice } from '../api/office-api.types';
import { currentLanguage, t } from '../i18n/i18n';
import { recipientLines } from '../postal/repeat-letter';
import { asyncRegion, emptyState, pageHeading } from './chrome.view';
import { errorMessage } from './error-message';

const describe = (error: unknown): string => errorMessage(error, currentLanguage(), t);

/** The letter as it is printed: the voter's registered address, then the API's text. */
function letter(notice: PostalRepeatNotice): HTMLElement {
  const recipient = notice.voter
    ? h(
        'address',
        { class: 'letter-address' },
        recipientLines(notice.voter).map((line) => h('span', {}, line)),
      )
    : h('p', { class: 'alert alert-warning' }, t('repeatNotices.noVoter'));
  return h(
    'div',
    { class: 'letter', id: `letter-${notice.id}` },
    recipient,
    h('p', { class: 'letter-subject' }, t('repeatNotices.letter')),
    h('p', { class: 'letter-text' }, notice.message),
  );
}

/** Prints this notice's letter alone: the print style shows only the marked letter. */
function printLetter(card: HTMLElement): void {
  card.classList.add('print-target');
  document.body.classList.add('printing-letter');
  window.print();
  document.body.classList.remove('printing-letter');
  card.classList.remove('print-target');
}

function noticeCard(notice: PostalRepeatNotice, markDone: (notice: PostalRepeatNotice, card: HTMLElement) => void): HTMLElement {
  const card: HTMLElement = h(
    'li',
    { class: 'card notice-card', 'data-notice': notice.reference },
    h('h2', { class: 'card-title' }, t('repeatNotices.heading', { reference: notice.reference, day: formatDayDate(notice.receivedAt) })),
    h(
      'p',
      { class: 'card-meta' },
      t('repeatNotices.earlier', { reference: notice.earlier.reference, state: notice.earlier.stateLabel }),
      h('br'),
      t('repeatNotices.requested', { channel: notice.channelLabel, delivery: notice.requestedDeliveryLabel }),
    ),
    h('p', { class: 'notice-send' }, h('strong', {}, t('repeatNotices.send'))),
    letter(notice),
    h(
      'div',
      { class: 'button-row' },
      h(
        'button',
        {
          type: 'button',
          class: 'button button-secondary',
          'aria-label': t('repeatNotices.printLabel', { reference: notice.reference }),
          onclick: () => printLetter(card),
        },
        t('repeatNotices.print'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button button-primary',
          'aria-label': t('repeatNotices.doneLabel', { reference: notice.reference }),
          onclick: () => markDone(notice, card),
        },
        t('repeatNotices.done'),
      ),
    ),
  );
  return card;
}

/** The open repeat notices of an election: whom to tell of a further application, the letter, and "done". */
export function repeatNoticesView(electionId: string): HTMLElement {
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const feedback = h('div', { id: 'notices-feedback', role: 'status', class: 'alert', tabindex: '-1' });
  // A notice marked done leaves the list with its button: the focus goes to the feedback.
  const report = (text: string, kind: 'success' | 'error'): void => {
    feedback.className = `alert alert-${kind}`;
    feedback.textContent = text;
    feedback.focus();
  };
  let open = 0;
  const showCount = (): void => {
    count.textContent = t('repeatNotices.count', { count: open });
  };
  const list = h('ul', { class: 'list', id: 'notice-list' });

  const markDone = (notice: PostalRepeatNotice, card: HTMLElement): void => {
    officeApi.repeatNoticeDone(electionId, notice.id).then(
      () => {
        card.remove();
        report(t('repeatNotices.marked', { reference: notice.reference }), 'success');
        open -= 1;
        showCount();
        if (open === 0) list.replaceWith(emptyState(t('repeatNotices.empty'), t('repeatNotices.emptyHint')));
      },
      (error: unknown) => report(describe(error), 'error'),
    );
  };

  const content = asyncRegion(async () => {
    const page = await officeApi.repeatNotices(electionId);
    open = page.total;
    showCount();
    if (page.items.length === 0) return emptyState(t('repeatNotices.empty'), t('repeatNotices.emptyHint'));
    list.replaceChildren(...page.items.map((notice) => noticeCard(notice, markDone)));
    return list;
  }, describe);
  return h('section', { class: 'page' }, pageHeading(t('repeatNotices.title'), t('repeatNotices.intro'), count), feedback, content);
}
