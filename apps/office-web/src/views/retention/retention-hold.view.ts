import { formField, h } from '@wahl/web-kit';
import { LEGAL_HOLD_REASONS } from '@wahl/contracts';
import { ApiError } from '../../api/api-error';
import { officeApi } from '../../api/office-api';
import type { LegalHoldReason, RetentionPlan } from '../../api/retention.types';
import { formatElectionDay } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { fail } from '../polling-cards/cards-parts.view';

/** The legal hold: shown with reason, date and who set it; set with reason and file number, or lifted (office admin). */
export function retentionHoldPanel(electionId: string, plan: RetentionPlan, onChanged: (plan: RetentionPlan) => void): HTMLElement {
  const output = h('div', { 'aria-live': 'polite' });
  const body = plan.hold ? activeHold(electionId, plan.hold, onChanged, output) : holdForm(electionId, onChanged, output);
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'retention-hold-title', id: 'retention-hold' },
    h('h2', { id: 'retention-hold-title', class: 'section-title' }, t('retention.holdTitle')),
    h('p', { class: 'form-hint' }, t('retention.holdHint')),
    body,
    output,
  );
}

function activeHold(
  electionId: string,
  hold: NonNullable<RetentionPlan['hold']>,
  onChanged: (plan: RetentionPlan) => void,
  output: HTMLElement,
): HTMLElement {
  const lift = (): void => {
    if (window.confirm(t('retention.confirmLift'))) officeApi.liftLegalHold(electionId).then(onChanged, fail(output));
  };
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'alert alert-error', role: 'status', id: 'retention-hold-active' },
      h(
        'p',
        {},
        t('retention.holdActive', {
          reason: t(`retention.holdReason.${hold.reason}`),
          day: formatElectionDay(hold.setAt.slice(0, 10), currentLanguage()),
          user: hold.setBy,
        }),
      ),
      h('p', {}, t('retention.holdNoteShown', { note: hold.note })),
    ),
    h('button', { type: 'button', class: 'button button-secondary', id: 'retention-lift-hold', onclick: lift }, t('retention.liftHold')),
  );
}

function holdForm(electionId: string, onChanged: (plan: RetentionPlan) => void, output: HTMLElement): HTMLElement {
  const reason = formField({
    control: h(
      'select',
      { id: 'retention-hold-reason', class: 'select' },
      LEGAL_HOLD_REASONS.map((value) => h('option', { value }, t(`retention.holdReason.${value}`))),
    ),
    label: t('retention.holdReason'),
  });
  const note = formField({
    control: h('input', { type: 'text', id: 'retention-hold-note', class: 'input', maxlength: '500', required: true }),
    label: t('retention.holdNote'),
    hint: t('retention.holdNoteHint'),
    required: true,
  });
  const submit = (event: Event): void => {
    event.preventDefault();
    note.setError(null);
    output.replaceChildren();
    const body = { reason: reason.control.value as LegalHoldReason, note: note.control.value };
    officeApi.setLegalHold(electionId, body).then(onChanged, (error: unknown) => {
      const noteError = error instanceof ApiError ? error.errors.find((field) => field.path === '$.note') : undefined;
      if (noteError) {
        note.setError(noteError.message ?? t('retention.holdNoteHint'));
        note.control.focus();
      } else fail(output)(error);
    });
  };
  return h(
    'form',
    { class: 'form', novalidate: true, onsubmit: submit },
    reason.root,
    note.root,
    h('button', { type: 'submit', class: 'button button-primary', id: 'retention-set-hold' }, t('retention.setHold')),
  );
}
