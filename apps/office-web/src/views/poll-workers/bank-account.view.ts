import { ibanProblems } from '@wahl/contracts';
import { formField, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { t } from '../../i18n/i18n';
import { alert, fail } from '../polling-cards/cards-parts.view';
import { showFieldProblems } from './field-problems';

/**
 * A member's bank account for the refreshment money. The IBAN is checked as it is typed with the
 * same ibantools check the API applies, so a typo is refused at the field before anything is sent.
 */
export function bankAccountForm(electionId: string, onSaved: () => void): HTMLElement {
  const output = h('div', { 'aria-live': 'polite', id: 'bank-output' });
  const person = formField({
    control: h('select', { id: 'bank-person', class: 'input' }) as HTMLSelectElement,
    label: t('pwDuties.bank.person'),
  });
  const iban = formField({
    control: h('input', { type: 'text', id: 'bank-iban', class: 'input', maxlength: '42', autocomplete: 'off', spellcheck: 'false' }),
    label: t('pwDuties.bank.iban'),
  });
  const holder = formField({
    control: h('input', { type: 'text', id: 'bank-holder', class: 'input', maxlength: '70' }),
    label: t('pwDuties.bank.holder'),
    hint: t('pwDuties.bank.holderHint'),
  });
  const checkIban = (): boolean => {
    const problem = iban.control.value.trim() ? (ibanProblems(iban.control.value)[0] ?? null) : null;
    iban.setError(problem);
    return problem === null;
  };
  iban.control.addEventListener('input', checkIban);
  officeApi.paymentList(electionId).then((list) => {
    const people = new Map(list.lines.map((line) => [line.personId, line.name]));
    person.control.replaceChildren(...[...people].map(([id, name]) => h('option', { value: id }, name)));
  }, fail(output));

  const save = (event: Event): void => {
    event.preventDefault();
    output.replaceChildren();
    if (!iban.control.value.trim()) iban.setError(t('pwDuties.bank.ibanMissing'));
    if (!iban.control.value.trim() || !checkIban()) return iban.control.focus();
    const body = { iban: iban.control.value, accountHolder: holder.control.value.trim() || null };
    officeApi.saveBankAccount(electionId, person.control.value, body).then(
      (account) => {
        iban.control.value = '';
        holder.control.value = '';
        output.replaceChildren(alert('success', t('pwDuties.bank.saved', { iban: account.ibanMasked })));
        onSaved();
      },
      (error: unknown) => {
        if (!showFieldProblems(error, { '$.iban': iban, '$.accountHolder': holder })) fail(output)(error);
      },
    );
  };
  return h(
    'form',
    { class: 'form', novalidate: true, onsubmit: save, 'aria-labelledby': 'bank-title' },
    h('h3', { id: 'bank-title', class: 'section-title' }, t('pwDuties.bank.title')),
    person.root,
    iban.root,
    holder.root,
    h('button', { type: 'submit', class: 'button button-secondary', id: 'bank-save' }, t('pwDuties.bank.save')),
    output,
  );
}
