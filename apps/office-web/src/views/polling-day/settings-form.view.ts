import { formField, h } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';
import { officeApi } from '../../api/office-api';
import type { PollingDayMonitor } from '../../api/polling-day.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

/** The office's plan of the day: turnout report times (R7.12) and when a silent station is flagged. */
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
  const slotsField = formField({ control: slots, label: t('monitor.settingsSlots'), hint: t('monitor.settingsSlotsHint') });
  const minutesField = formField({ control: minutes, label: t('monitor.settingsSilent') });
  const status = h('p', { id: 'settings-status', role: 'status' });
  const form = h(
    'form',
    { class: 'form', id: 'settings-form', novalidate: true },
    slotsField.root,
    minutesField.root,
    h('button', { type: 'submit', class: 'button button-secondary', id: 'settings-save' }, t('monitor.settingsSave')),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const turnoutSlots = slots.value
      .split(/[,;\s]+/)
      .map((slot) => slot.trim())
      .filter(Boolean);
    officeApi.savePollingDaySettings(electionId, { turnoutSlots, silentAfterMinutes: Number(minutes.value) }).then(
      (saved) => {
        slotsField.setError(null);
        slots.value = saved.turnoutSlots.join(', ');
        status.textContent = t('monitor.settingsSaved');
        onSaved();
      },
      // The server names the field and what is wrong with it (German, from the contract's schema).
      (error: unknown) => {
        const field = error instanceof ApiError ? error.errors.find((entry) => entry.message) : undefined;
        const target = field?.path?.includes('silentAfterMinutes') ? minutesField : slotsField;
        target.setError(field?.message ?? errorMessage(error, currentLanguage(), t));
      },
    );
  });
  return form;
}
