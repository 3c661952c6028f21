import { formField, h, saveFile, type FormField } from '@wahl/web-kit';
import { BOARD_ROLES, type BoardRole } from '@wahl/domain';
import { officeApi } from '../../api/office-api';
import type { PaymentListView, PaymentSettings } from '../../api/poll-worker-duties.types';
import { t } from '../../i18n/i18n';
import { centsForInput, formatEuros, parseEuroCents } from '../../poll-workers/euro-amount';
import { alert, fail } from '../polling-cards/cards-parts.view';
import { bankAccountForm } from './bank-account.view';
import { showFieldProblems } from './field-problems';

type Field = FormField<HTMLInputElement>;

const input = (id: string, attributes: Record<string, string> = {}): HTMLInputElement =>
  h('input', { type: 'text', id, class: 'input', ...attributes }) as HTMLInputElement;

/** Refreshment money (R7.19): amounts per function, the paying account, the payment list, CSV and SEPA file. */
export function paymentsPanel(electionId: string, canManage: boolean): HTMLElement {
  const output = h('div', { 'aria-live': 'polite', id: 'payments-output' });
  const listBox = h('div', {});
  const rates = Object.fromEntries(
    BOARD_ROLES.map((role) => [
      role,
      formField({ control: input(`rate-${role}`, { inputmode: 'decimal', autocomplete: 'off' }), label: t(`pwDuties.role.${role}`) }),
    ]),
  ) as Record<BoardRole, Field>;
  const debtorName = formField({ control: input('debtor-name', { maxlength: '70' }), label: t('pwDuties.payments.debtorName') });
  const debtorIban = formField({
    control: input('debtor-iban', { maxlength: '42', autocomplete: 'off', spellcheck: 'false' }),
    label: t('pwDuties.payments.debtorIban'),
  });
  const debtorBic = formField({
    control: input('debtor-bic', { maxlength: '11', autocomplete: 'off' }),
    label: t('pwDuties.payments.debtorBic'),
  });
  const fields: Record<string, Field> = {
    ...Object.fromEntries(BOARD_ROLES.map((role) => [`$.rates.${role}`, rates[role]])),
    '$.debtorName': debtorName,
    '$.debtorIban': debtorIban,
    '$.debtorBic': debtorBic,
  };

  const fillSettings = (settings: PaymentSettings): void => {
    for (const role of BOARD_ROLES) rates[role].control.value = centsForInput(settings.rates[role]);
    debtorName.control.value = settings.debtor?.name ?? '';
    debtorIban.control.value = settings.debtor?.iban ?? '';
    debtorBic.control.value = settings.debtor?.bic ?? '';
  };
  const refreshList = (): void =>
    void officeApi.paymentList(electionId).then((list) => listBox.replaceChildren(paymentTable(list)), fail(output));

  const save = (event: Event): void => {
    event.preventDefault();
    output.replaceChildren();
    for (const field of Object.values(fields)) field.setError(null);
    const cents = Object.fromEntries(BOARD_ROLES.map((role) => [role, parseEuroCents(rates[role].control.value)])) as Record<
      BoardRole,
      number | null
    >;
    const wrong = BOARD_ROLES.filter((role) => cents[role] === null);
    for (const role of wrong) rates[role].setError(t('pwDuties.payments.amountInvalid'));
    if (wrong.length) return rates[wrong[0]!].control.focus();
    const body = {
      rates: cents as Record<BoardRole, number>,
      debtorName: debtorName.control.value,
      debtorIban: debtorIban.control.value,
      debtorBic: debtorBic.control.value.trim() || null,
    };
    officeApi.savePaymentSettings(electionId, body).then(
      (settings) => {
        fillSettings(settings);
        output.replaceChildren(alert('success', t('pwDuties.payments.saved')));
        refreshList();
      },
      (error: unknown) => {
        if (!showFieldProblems(error, fields)) fail(output)(error);
      },
    );
  };

  const executionDate = formField({
    control: h('input', { type: 'date', id: 'sepa-date', class: 'input' }) as HTMLInputElement,
    label: t('pwDuties.payments.executionDate'),
  });
  executionDate.control.value = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const sepa = h('button', { type: 'button', class: 'button button-primary', id: 'sepa-download' }, t('pwDuties.payments.sepa'));
  sepa.addEventListener('click', () => {
    output.replaceChildren();
    executionDate.setError(null);
    officeApi.sepaFile(electionId, { executionDate: executionDate.control.value }).then(
      ({ blob, fileName }) => {
        saveFile(blob, fileName ?? 'erfrischungsgeld.xml');
        output.replaceChildren(alert('success', t('pwDuties.payments.sepaDone')));
      },
      (error: unknown) => {
        if (!showFieldProblems(error, { '$.executionDate': executionDate })) fail(output)(error);
      },
    );
  });
  const csv = h('button', { type: 'button', class: 'button button-secondary', id: 'payments-csv' }, t('pwDuties.payments.csv'));
  csv.addEventListener('click', () =>
    officeApi.paymentCsv(electionId).then(({ blob, fileName }) => saveFile(blob, fileName ?? 'erfrischungsgeld.csv'), fail(output)),
  );

  officeApi.paymentSettings(electionId).then(fillSettings, fail(output));
  refreshList();
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'payments-title' },
    h('h2', { id: 'payments-title', class: 'section-title' }, t('pwDuties.payments.title')),
    h('p', { class: 'form-hint' }, t('pwDuties.payments.hint')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: save },
      h('fieldset', { class: 'form-group' }, h('legend', {}, t('pwDuties.payments.rates')), ...BOARD_ROLES.map((role) => rates[role].root)),
      h(
        'fieldset',
        { class: 'form-group' },
        h('legend', {}, t('pwDuties.payments.debtor')),
        debtorName.root,
        debtorIban.root,
        debtorBic.root,
      ),
      canManage
        ? h('button', { type: 'submit', class: 'button button-secondary', id: 'payments-save' }, t('pwDuties.payments.save'))
        : h('p', { class: 'form-hint' }, t('pwDuties.payments.adminOnly')),
    ),
    listBox,
    bankAccountForm(electionId, refreshList),
    h('div', { class: 'form' }, csv, executionDate.root, canManage ? sepa : null),
    output,
  );
}

function paymentTable(list: PaymentListView): HTMLElement {
  if (list.lines.length === 0) return h('p', { class: 'form-hint', id: 'payments-empty' }, t('pwDuties.payments.none'));
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'card-meta', id: 'payments-summary' },
      t('pwDuties.payments.summary', {
        total: formatEuros(list.totalCents),
        transfers: list.transfer.count,
        transferSum: formatEuros(list.transfer.cents),
        cash: list.cash.count,
      }),
    ),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'payments-caption' },
      h(
        'table',
        { class: 'data-table', id: 'payments-table' },
        h('caption', { id: 'payments-caption', class: 'sr-only' }, t('pwDuties.payments.listTitle')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('pwDuties.payments.district')),
            h('th', { scope: 'col' }, t('pwDuties.payments.function')),
            h('th', { scope: 'col' }, t('pwDuties.payments.name')),
            h('th', { scope: 'col', class: 'num' }, t('pwDuties.payments.amount')),
            h('th', { scope: 'col' }, t('pwDuties.payments.method')),
          ),
        ),
        h(
          'tbody',
          {},
          list.lines.map((line) =>
            h(
              'tr',
              {},
              h('td', {}, line.districtNumber),
              h('td', {}, t(`pwDuties.role.${line.function}`)),
              h('th', { scope: 'row' }, line.name),
              h('td', { class: 'num' }, formatEuros(line.amountCents)),
              h(
                'td',
                {},
                line.method === 'transfer' ? t('pwDuties.payments.transfer', { iban: line.ibanMasked ?? '' }) : t('pwDuties.payments.cash'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
