import { formField, h } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';
import { officeApi } from '../../api/office-api';
import type { PollingDayMonitor } from '../../api/polling-day.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

/** "10:00 18,2; 14:00 35" ↔ the previous election's turnout per report time (per cent, German decimal comma). */
const previousText = (rows: PollingDayMonitor['settings']['previousTurnout']): string =>
  rows.map((row) => `${row.slot} ${String(row.percent).replace('.', ',')}`).join('; ');
const parsePrevious = (text: string): { slot: string; percent: number }[] =>
  text
    .split(';')
    .map((pair) => pair.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([slot = '', percent = '']) => ({ slot, percent: Number(percent.replace(',', '.')) }));

/**
 * The office's plan of the day: turnout report times (R7.12), when a silent station is flagged, the
 * previous election's turnout at those times, and whether quick reports need the check code (R7.16).
 */
export function settingsForm(electionId: string, settings: PollingDayMonitor['settings'], onSaved: () => void): HTMLFormElement {
  const slots = h('input', {
    id: 'settings-slots',
    class: 'input',
    type: 'text',
    value: settings.turnoutSlots.join(', '),
    autocomplete: 'off',
  });
  const minutes = h('input', {
    id: 'settings-silent',
    class: 'input',
    type: 'number',
    min: 10,
    max: 240,
    value: settings.silentAfterMinutes,
  });
  const previous = h('input', {
    id: 'settings-previous',
    class: 'input',
    type: 'text',
    value: previousText(settings.previousTurnout),
    autocomplete: 'off',
  });
  const checkCode = h('input', { type: 'checkbox', id: 'settings-check-code', class: 'checkbox' });
  checkCode.checked = settings.checkCodeRequired;
  const previousField = formField({ control: previous, label: t('monitor.settingsPrevious'), hint: t('monitor.settingsPreviousHint') });
  const slotsField = formField({ control: slots, label: t('monitor.settingsSlots'), hint: t('monitor.settingsSlotsHint') });
  const minutesField = formField({ control: minutes, label: t('monitor.settingsSilent') });
  const status = h('p', { id: 'settings-status', role: 'status' });
  const form = h(
    'form',
    { class: 'form', id: 'settings-form', novalidate: true },
    slotsField.root,
    minutesField.root,
    previousField.root,
    h('div', { class: 'field' }, h('label', { class: 'checkbox-label' }, checkCode, ' ', t('monitor.settingsCheckCode'))),
    h('button', { type: 'submit', class: 'button button-secondary', id: 'settings-save' }, t('monitor.settingsSave')),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const turnoutSlots = slots.value
      .split(/[,;\s]+/)
      .map((slot) => slot.trim())
      .filter(Boolean);
    const plan = {
      turnoutSlots,
      silentAfterMinutes: Number(minutes.value),
      checkCodeRequired: checkCode.checked,
      previousTurnout: parsePrevious(previous.value),
    };
    officeApi.savePollingDaySettings(electionId, plan).then(
      (saved) => {
        slotsField.setError(null);
        slots.value = saved.turnoutSlots.join(', ');
        status.textContent = t('monitor.settingsSaved');
        onSaved();
      },
      // The server names the field and what is wrong with it (German, from the contract's schema).
      (error: unknown) => {
        const field = error instanceof ApiError ? error.errors.find((entry) => entry.message) : undefined;
        const target = field?.path?.includes('silentAfterMinutes')
          ? minutesField
          : field?.path?.includes('previousTurnout')
            ? previousField
            : slotsField;
        target.setError(field?.message ?? errorMessage(error, currentLanguage(), t));
      },
    );
  });
  return form;
}
