import { formField, h } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';
import { officeApi } from '../../api/office-api';
import type { Training } from '../../api/poll-worker-duties.types';
import { formatClockTime, formatElectionDay } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { fail, number } from '../polling-cards/cards-parts.view';
import { trainingDetail } from './training-detail.view';

const when = (iso: string): string => {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('en-CA').format(date);
  return `${formatElectionDay(day, currentLanguage(), 'short')}, ${formatClockTime(date, currentLanguage())}`;
};

/** Training sessions (R7.20): the list with places, invited and attended, and a form for a new session. */
export function trainingsPanel(electionId: string): HTMLElement {
  const list = h('div', {});
  const detail = h('div', {});
  const output = h('div', { 'aria-live': 'polite' });
  const show = (trainings: readonly Training[]): void => {
    list.replaceChildren(
      trainings.length === 0
        ? h('p', { class: 'form-hint', id: 'trainings-empty' }, t('pwDuties.trainings.none'))
        : h(
            'div',
            { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'trainings-caption' },
            h(
              'table',
              { class: 'data-table', id: 'trainings-table' },
              h('caption', { id: 'trainings-caption', class: 'sr-only' }, t('pwDuties.trainings.title')),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { scope: 'col' }, t('pwDuties.trainings.when')),
                  h('th', { scope: 'col' }, t('pwDuties.trainings.place')),
                  h('th', { scope: 'col', class: 'num' }, t('pwDuties.trainings.capacity')),
                  h('th', { scope: 'col', class: 'num' }, t('pwDuties.trainings.invited')),
                  h('th', { scope: 'col', class: 'num' }, t('pwDuties.trainings.attended')),
                  h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('pwDuties.trainings.participants'))),
                ),
              ),
              h(
                'tbody',
                {},
                trainings.map((training) =>
                  h(
                    'tr',
                    {},
                    h('td', {}, when(training.startsAt)),
                    h('td', {}, [training.place, training.address].filter(Boolean).join(', ')),
                    h('td', { class: 'num' }, number(training.capacity)),
                    h('td', { class: 'num' }, number(training.invited)),
                    h('td', { class: 'num' }, number(training.attended)),
                    h('td', {}, participantsButton(training)),
                  ),
                ),
              ),
            ),
          ),
    );
  };
  const refresh = (): void => void officeApi.trainings(electionId).then(show, fail(output));
  const participantsButton = (training: Training): HTMLElement => {
    const title = `${when(training.startsAt)}, ${training.place}`;
    const open = (): void => {
      detail.replaceChildren(trainingDetail(electionId, training.id, title, refresh));
    };
    return h(
      'button',
      { type: 'button', class: 'button button-small', onclick: open, 'aria-label': t('pwDuties.trainings.participantsOf', { title }) },
      t('pwDuties.trainings.participants'),
    );
  };

  const startsAt = formField({
    control: h('input', { type: 'datetime-local', id: 'training-starts', class: 'input', required: true }),
    label: t('pwDuties.trainings.when'),
    required: true,
  });
  const duration = formField({
    control: h('input', {
      type: 'number',
      id: 'training-duration',
      class: 'input',
      min: '15',
      max: '480',
      value: '90',
      inputmode: 'numeric',
    }),
    label: t('pwDuties.trainings.duration'),
  });
  const place = formField({
    control: h('input', { type: 'text', id: 'training-place', class: 'input', maxlength: '120', required: true }),
    label: t('pwDuties.trainings.place'),
    required: true,
  });
  const address = formField({
    control: h('input', { type: 'text', id: 'training-address', class: 'input', maxlength: '200' }),
    label: t('pwDuties.trainings.address'),
  });
  const capacity = formField({
    control: h('input', {
      type: 'number',
      id: 'training-capacity',
      class: 'input',
      min: '1',
      max: '500',
      value: '30',
      inputmode: 'numeric',
    }),
    label: t('pwDuties.trainings.capacity'),
  });
  const fields = { startsAt, durationMinutes: duration, place, address, capacity };

  const submit = (event: Event): void => {
    event.preventDefault();
    output.replaceChildren();
    for (const field of Object.values(fields)) field.setError(null);
    const when = startsAt.control.value ? new Date(startsAt.control.value) : null;
    const body = {
      startsAt: when && !Number.isNaN(when.getTime()) ? when.toISOString() : '',
      durationMinutes: Number(duration.control.value),
      place: place.control.value,
      address: address.control.value,
      capacity: Number(capacity.control.value),
    };
    officeApi.createTraining(electionId, body).then(refresh, (error: unknown) => {
      const problems = error instanceof ApiError ? error.errors : [];
      for (const [key, field] of Object.entries(fields)) {
        const problem = problems.find((entry) => entry.path === `$.${key}`);
        if (problem) field.setError(problem.message ?? '');
      }
      if (problems.length === 0) fail(output)(error);
    });
  };

  refresh();
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'trainings-title' },
    h('h2', { id: 'trainings-title', class: 'section-title' }, t('pwDuties.trainings.title')),
    h('p', { class: 'form-hint' }, t('pwDuties.trainings.hint')),
    list,
    detail,
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: submit },
      h('h3', { class: 'section-title' }, t('pwDuties.trainings.new')),
      startsAt.root,
      duration.root,
      place.root,
      address.root,
      capacity.root,
      h('button', { type: 'submit', class: 'button button-secondary', id: 'training-create' }, t('pwDuties.trainings.create')),
    ),
    output,
  );
}
