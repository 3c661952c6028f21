import { formField, h } from '@wahl/web-kit';
import { ApiError } from '../api/api-error';
import { officeApi } from '../api/office-api';
import { currentLanguage, t } from '../i18n/i18n';
import { addressLines, listProblems, type LineProblem, type UrlListSchema } from '../roll/pull-sources-form';
import { asyncRegion, pageHeading } from './chrome.view';
import { errorMessage } from './error-message';

const describe = (error: unknown): string => errorMessage(error, currentLanguage(), t);

const problemText = (problems: readonly LineProblem[]): string =>
  problems.map((p) => (p.line === null ? p.message : t('pullSources.lineProblem', { line: p.line, message: p.message }))).join(' ');

/** The server's 422 names the list entry (`$.urls[2]`); the form names its line. */
function serverProblems(error: unknown, lines: readonly number[]): LineProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.map((entry) => {
    const index = /^\$\.urls\[(\d+)\]/.exec(entry.path ?? '')?.[1];
    return { line: index === undefined ? null : (lines[Number(index)] ?? null), message: entry.message ?? describe(error) };
  });
}

function sourcesForm(officeId: string, urls: readonly string[], schema: UrlListSchema): HTMLElement {
  const field = formField({
    control: h('textarea', {
      id: 'pull-sources',
      name: 'urls',
      class: 'entry-textarea',
      rows: 6,
      spellcheck: 'false',
      autocapitalize: 'none',
    }),
    label: t('pullSources.urls'),
    hint: t('pullSources.urlsHint'),
  });
  field.control.value = urls.join('\n');
  const status = h('div', { id: 'pull-sources-status', role: 'status', class: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, t('pullSources.save'));
  const check = (): boolean => {
    const problems = listProblems(field.control.value, schema);
    field.setError(problems.length ? problemText(problems) : null);
    return problems.length === 0;
  };
  const onSubmit = (event: Event): void => {
    event.preventDefault();
    status.className = 'alert';
    status.textContent = '';
    if (!check()) return field.control.focus();
    const { urls: entered, lines } = addressLines(field.control.value);
    submit.disabled = true;
    officeApi
      .setPullSources(officeId, { urls: entered })
      .then(
        (saved) => {
          field.control.value = saved.urls.join('\n');
          status.className = 'alert alert-success';
          status.textContent = t('pullSources.saved', { count: saved.urls.length });
        },
        (error: unknown) => {
          const problems = serverProblems(error, lines);
          if (problems.length) field.setError(problemText(problems));
          status.className = 'alert alert-error';
          status.textContent = describe(error);
        },
      )
      .finally(() => (submit.disabled = false));
  };
  return h(
    'form',
    { class: 'card panel form', id: 'pull-sources-form', novalidate: true, onsubmit: onSubmit },
    h('div', { oninput: check }, field.root),
    status,
    h('div', { class: 'button-row' }, submit),
  );
}

/** For the provider: the register services one office may pull from, edited as one address per line. */
export function pullSourcesView(officeId: string): HTMLElement {
  const intro = h('p', { class: 'lead' });
  const content = asyncRegion(async () => {
    // The API's schema comes with this screen only; no other screen loads the validator.
    const [office, sources, { RegisterPullSourcesSchema }] = await Promise.all([
      officeApi.office(officeId),
      officeApi.pullSources(officeId),
      import('@wahl/contracts'),
    ]);
    intro.textContent = t('pullSources.intro', { office: office.name });
    return sourcesForm(officeId, sources.urls, RegisterPullSourcesSchema);
  }, describe);
  return h('section', { class: 'page' }, pageHeading(t('pullSources.title')), intro, content);
}
