import { formField, h } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';
import { officeApi } from '../../api/office-api';
import { t } from '../../i18n/i18n';
import { fail } from '../polling-cards/cards-parts.view';

/** Adds a recipient; the answer's secret is shown once, to pass on to the recipient. */
export function webhookForm(electionId: string, reload: () => void, notice: HTMLElement): HTMLElement {
  const name = formField({
    control: h('input', { type: 'text', id: 'webhook-name', class: 'input', maxlength: '100', required: true, autocomplete: 'off' }),
    label: t('webhooks.name'),
    hint: t('webhooks.nameHint'),
    required: true,
  });
  const url = formField({
    control: h('input', { type: 'url', id: 'webhook-url', class: 'input', maxlength: '2000', required: true, autocomplete: 'off' }),
    label: t('webhooks.url'),
    hint: t('webhooks.urlHint'),
    required: true,
  });
  const secretBox = h('div', { 'aria-live': 'polite' });
  const fields = { '$.name': name, '$.url': url } as const;

  const submit = (event: Event): void => {
    event.preventDefault();
    name.setError(null);
    url.setError(null);
    secretBox.replaceChildren();
    officeApi.createWebhook(electionId, { name: name.control.value, url: url.control.value }).then(
      (created) => {
        secretBox.replaceChildren(
          h(
            'div',
            { class: 'alert alert-success', role: 'status', id: 'webhook-secret' },
            h('p', {}, t('webhooks.secretShown', { name: created.subscription.name })),
            h('p', {}, h('code', {}, created.secret)),
          ),
        );
        name.control.value = '';
        url.control.value = '';
        reload();
      },
      (error: unknown) => {
        const problems = (error instanceof ApiError ? error.errors : []).flatMap((problem) =>
          problem.path !== undefined && problem.path in fields
            ? [{ field: fields[problem.path as keyof typeof fields], message: problem.message }]
            : [],
        );
        for (const { field, message } of problems) field.setError(message ?? t('webhooks.urlHint'));
        if (problems.length > 0) problems[0]!.field.control.focus();
        else fail(notice)(error);
      },
    );
  };
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'webhook-form-title' },
    h('h2', { id: 'webhook-form-title', class: 'section-title' }, t('webhooks.formTitle')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: submit },
      name.root,
      url.root,
      h('button', { type: 'submit', class: 'button button-primary', id: 'webhook-add' }, t('webhooks.add')),
    ),
    secretBox,
  );
}
