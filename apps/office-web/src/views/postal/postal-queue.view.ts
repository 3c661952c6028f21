import { formatCount, formatDayDate, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { ApplicationFilter, PostalApplication } from '../../api/postal.types';
import { allApplicationIds } from '../../postal/issue-run';
import { a3InQueue, applicationFilter, type QueueFilter } from '../../postal/queue-filter';
import { t, type MessageKey } from '../../i18n/i18n';
import { emptyState } from '../chrome.view';
import { a3EntryItem } from './postal-a3.view';
import { issueRun } from './postal-issue-run.view';
import { describe, notice } from './postal-parts.view';

type Option = readonly [value: string, label: string];

/** Ids read per request for "all open" (the API lists up to 1,000 at once). */
const ID_PAGE_SIZE = 1000;

function select(id: string, label: string, options: readonly Option[], value = ''): { field: HTMLElement; control: HTMLSelectElement } {
  const control = h(
    'select',
    { id, class: 'select' },
    options.map(([optionValue, text]) => h('option', { value: optionValue, selected: optionValue === value }, text)),
  );
  return { field: h('div', { class: 'field' }, h('label', { for: id }, label), control), control };
}

const all = (): Option => ['', t('postal.filterAll')];
const labelled = (prefix: string, values: readonly string[]): Option[] => values.map((v) => [v, t(`${prefix}.${v}` as MessageKey)]);

/** The filter form of the work queue; `read` gives the chosen filter. */
function filterForm(onFilter: () => void): { form: HTMLElement; read: () => QueueFilter } {
  const state = select(
    'queue-state',
    t('postal.filterState'),
    [all(), ...labelled('postal.state', ['received', 'issued', 'rejected'])],
    'received',
  );
  const channel = select('queue-channel', t('postal.filterChannel'), [
    all(),
    ...labelled('postal.channel', ['online-link', 'online-form', 'paper', 'a3']),
  ]);
  const representative = select('queue-representative', t('postal.filterRepresentative'), [
    all(),
    ['true', t('postal.filterWith')],
    ['false', t('postal.filterWithout')],
  ]);
  const reference = h('input', { id: 'queue-reference', class: 'input', maxlength: '20', autocomplete: 'off', placeholder: 'A-0000042-2' });
  const form = h(
    'form',
    {
      class: 'form filter-form',
      id: 'queue-filter',
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        onFilter();
      },
    },
    state.field,
    channel.field,
    representative.field,
    h('div', { class: 'field' }, h('label', { for: reference.id }, t('postal.filterReference')), reference),
    h('button', { type: 'submit', class: 'button button-secondary' }, t('postal.filterSubmit')),
  );
  const read = (): QueueFilter => ({
    ...(state.control.value ? { state: state.control.value as QueueFilter['state'] } : {}),
    ...(channel.control.value ? { channel: channel.control.value as QueueFilter['channel'] } : {}),
    ...(representative.control.value ? { representative: representative.control.value === 'true' } : {}),
    ...(reference.value.trim() ? { reference: reference.value.trim() } : {}),
  });
  return { form, read };
}

/** A rejection is written down with its reason (the API refuses one without). */
function rejectForm(electionId: string, application: PostalApplication, box: HTMLElement, onChanged: () => void): HTMLElement {
  const reason = h('input', { id: `reject-${application.id}`, class: 'input', maxlength: '1000', required: true });
  const problem = h('div', { 'aria-live': 'polite' });
  return h(
    'form',
    {
      class: 'form reject-form',
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        officeApi.rejectPostalApplication(electionId, application.id, reason.value).then(
          () => {
            box.replaceChildren(notice('success', t('postal.rejected', { reference: application.reference })));
            onChanged();
          },
          (error: unknown) => problem.replaceChildren(notice('error', describe(error))),
        );
      },
    },
    h('div', { class: 'field' }, h('label', { for: reason.id }, t('postal.rejectReason')), reason),
    problem,
    h('button', { type: 'submit', class: 'button button-danger-outline' }, t('postal.rejectConfirm')),
  );
}

function applicationCard(
  electionId: string,
  application: PostalApplication,
  selected: Set<string>,
  onSelect: () => void,
  onChanged: () => void,
): HTMLElement {
  const box = h('div', { 'aria-live': 'polite' });
  const open = application.state === 'received';
  const checkbox = open
    ? h('input', {
        type: 'checkbox',
        class: 'checkbox',
        'aria-label': t('postal.select', { reference: application.reference }),
        onchange: (event: Event) => {
          if ((event.target as HTMLInputElement).checked) selected.add(application.id);
          else selected.delete(application.id);
          onSelect();
        },
      })
    : null;
  const voter = application.voter;
  const rejectButton: HTMLButtonElement | null = open
    ? h(
        'button',
        {
          type: 'button',
          class: 'button button-quiet button-small',
          'aria-label': t('postal.rejectLabel', { reference: application.reference }),
          onclick: () => {
            rejectButton!.remove();
            box.replaceChildren(rejectForm(electionId, application, box, onChanged));
          },
        },
        t('postal.reject'),
      )
    : null;
  return h(
    'li',
    { class: 'card application-card', 'data-application': application.reference },
    h(
      'div',
      { class: 'card-row' },
      checkbox,
      h(
        'div',
        { class: 'card-main' },
        h('h3', { class: 'card-title' }, t('postal.application', { reference: application.reference }), voter ? ` · ${voter.name}` : ''),
        h(
          'p',
          { class: 'card-meta' },
          t('postal.received', { day: formatDayDate(application.receivedAt) }),
          ` · ${application.channelLabel} · ${application.deliveryLabel}`,
          h('br'),
          voter
            ? t('postal.voterEntry', { address: voter.address, district: voter.districtNumber, number: voter.voterNumber })
            : t('postal.noVoter'),
          application.representative ? [h('br'), t('postal.representative', { name: application.representative.name })] : null,
          application.rejectionReason ? [h('br'), application.rejectionReason] : null,
        ),
      ),
      h(
        'span',
        { class: 'badge' },
        application.certificate ? `${application.stateLabel} · ${application.certificate.number}` : application.stateLabel,
      ),
    ),
    rejectButton,
    box,
  );
}

/** The Briefwahlstelle's work queue: filters, the applications, bulk issuing in a run with progress and its PDFs. */
export function postalQueue(electionId: string, onIssued: () => void): { element: HTMLElement; reload: () => void } {
  const selected = new Set<string>();
  const count = h('p', { class: 'count', 'aria-live': 'polite', id: 'queue-count' });
  const list = h('div', {});
  const outcomeBox = h('div', { id: 'queue-outcome', 'aria-live': 'polite' });
  const issueButton: HTMLButtonElement = h('button', { type: 'button', class: 'button button-primary', id: 'queue-issue', disabled: true });
  const openButton: HTMLButtonElement = h('button', {
    type: 'button',
    class: 'button button-secondary',
    id: 'queue-issue-open',
    hidden: true,
  });
  let running = false;
  /** The filter of the list shown: "all open" issues what it matches, not an unsent change of the form. */
  let shown: ApplicationFilter | null = null;
  const showSelection = (): void => {
    issueButton.textContent = t('postal.issueSelected', { count: selected.size });
    issueButton.disabled = running || selected.size === 0;
  };
  /** "Alle offenen ausstellen" only under the state "received", counting beyond the page listed. */
  const showOpen = (chosen: QueueFilter, open: number): void => {
    openButton.textContent = t('postal.issueAllOpen', { count: formatCount(open) });
    openButton.hidden = chosen.state !== 'received' || open === 0;
    openButton.disabled = running;
  };
  const filter = filterForm(() => reload());

  function reload(): void {
    selected.clear();
    showSelection();
    list.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('app.loading')));
    const chosen = filter.read();
    const applications = applicationFilter(chosen);
    shown = applications;
    Promise.all([
      applications ? officeApi.postalApplications(electionId, applications) : Promise.resolve(null),
      officeApi.a3Entries(electionId),
    ]).then(
      ([page, a3List]) => {
        const a3 = a3InQueue(chosen, a3List.items);
        const items = page?.items ?? [];
        showOpen(chosen, page?.total ?? 0);
        count.textContent = t('postal.queueCount', { shown: items.length + a3.length, total: (page?.total ?? 0) + a3.length });
        list.replaceChildren(
          items.length + a3.length === 0 ? emptyState(t('postal.queueEmpty'), t('postal.queueEmptyHint')) : '',
          items.length
            ? h(
                'ul',
                { class: 'list', id: 'application-list' },
                items.map((application) => applicationCard(electionId, application, selected, showSelection, changed)),
              )
            : '',
          a3.length
            ? h(
                'div',
                { id: 'queue-a3' },
                h('h3', { class: 'section-title' }, t('postal.queueA3', { count: a3.length })),
                h(
                  'ul',
                  { class: 'a3-list' },
                  a3.map((entry) => a3EntryItem(electionId, entry, changed)),
                ),
              )
            : '',
        );
      },
      (error: unknown) => list.replaceChildren(notice('error', describe(error))),
    );
  }
  const changed = (): void => {
    reload();
    onIssued();
  };

  async function run(applicationIds: () => Promise<readonly string[]>): Promise<void> {
    running = true;
    issueButton.disabled = true;
    openButton.disabled = true;
    await issueRun(electionId, outcomeBox, applicationIds);
    running = false;
    changed();
  }
  issueButton.addEventListener('click', () => {
    const ids = [...selected];
    void run(() => Promise.resolve(ids));
  });
  openButton.addEventListener('click', () => {
    const open: ApplicationFilter = { ...shown, state: 'received' };
    void run(() => allApplicationIds((offset) => officeApi.postalApplications(electionId, open, ID_PAGE_SIZE, offset)));
  });

  reload();
  const element = h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'postal-queue-title', id: 'postal-queue' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'postal-queue-title', class: 'section-title' }, t('postal.queueTitle')), count),
    filter.form,
    h('div', { class: 'button-row' }, issueButton, openButton),
    outcomeBox,
    list,
  );
  return { element, reload };
}
