import './styles.css';
import { ApiProblem, postalApi, type PublicElection, type Receipt, type VerifiedVoter } from './api';
import { tokenFromPath } from './birth-date';
import { signUpFlow } from './poll-worker-sign-up';
import { h } from '@wahl/web-kit';
import { birthDateFields, deliveryFields, FormErrors, LocalProblem, representativeFields, textField } from './form';

// The online Wahlschein application (R3.8). With the polling card's QR link the voter confirms the
// birth date first; only then does the page show their name and address. Without a link the voter
// gives name, birth date and address, which must match exactly one entry of the roll.

const root = document.getElementById('app') as HTMLElement;
const TOKEN_KEY = 'briefwahl-code';

const LONG_DAY = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const electionDay = (day: string): string => LONG_DAY.format(new Date(`${day}T00:00:00Z`));

/** Replaces the page content and moves the focus to the new heading (screen readers announce it). */
function show(...children: (HTMLElement | null)[]): void {
  root.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  const heading = root.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    document.title = `${heading.textContent ?? ''} – Briefwahl`;
  }
  window.scrollTo(0, 0);
}

const header = (election: PublicElection | null): HTMLElement =>
  h(
    'header',
    { class: 'masthead' },
    h('p', { class: 'municipality' }, election ? election.municipality : 'Wahlamt'),
    election ? h('p', { class: 'election' }, `${election.name} · ${electionDay(election.electionDay)}`) : null,
  );

function officeContact(election: PublicElection | null): HTMLElement | null {
  const office = election?.office;
  if (!office) return null;
  return h(
    'aside',
    { class: 'contact', 'aria-label': 'Kontakt zum Wahlamt' },
    h('h2', {}, 'Fragen? Ihr Wahlamt'),
    h('p', {}, office.name, ...office.addressLines.flatMap((line) => [h('br'), line])),
    office.phone ? h('p', {}, 'Telefon ', h('a', { href: `tel:${office.phone.replace(/[^\d+]/g, '')}` }, office.phone)) : null,
    office.email ? h('p', {}, 'E-Mail ', h('a', { href: `mailto:${office.email}` }, office.email)) : null,
  );
}

const busy = (button: HTMLButtonElement, on: boolean, label: string): void => {
  button.disabled = on;
  button.setAttribute('aria-busy', String(on));
  button.textContent = on ? 'Wird gesendet …' : label;
};

function problemOf(error: unknown): { detail: string; errors: { path: string; message: string; code?: string }[] } {
  if (error instanceof ApiProblem) return { detail: error.detail, errors: [...error.errors] };
  if (error instanceof LocalProblem)
    return { detail: 'Bitte prüfen Sie Ihre Angaben.', errors: [{ path: error.path, message: error.message }] };
  return { detail: 'Ein Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.', errors: [] };
}

function messageView(election: PublicElection | null, title: string, text: string, actions: HTMLElement[] = []): void {
  show(header(election), h('h1', {}, title), h('p', { class: 'notice' }, text), ...actions, officeContact(election));
}

const withoutCodeButton = (): HTMLElement =>
  h(
    'p',
    {},
    h(
      'button',
      {
        type: 'button',
        class: 'button secondary',
        onclick: () => {
          sessionStorage.removeItem(TOKEN_KEY);
          void nameFlow();
        },
      },
      'Ohne Code beantragen',
    ),
  );

function receiptView(election: PublicElection | null, receipt: Receipt): void {
  show(
    header(election),
    h('h1', {}, 'Ihr Antrag ist eingegangen'),
    h('div', { class: 'receipt', role: 'status' }, h('p', {}, 'Ihre Antragsnummer'), h('p', { class: 'reference' }, receipt.reference)),
    h('p', {}, receipt.message),
    h('dl', { class: 'facts' }, h('dt', {}, 'Briefwahlunterlagen'), h('dd', {}, receipt.delivery)),
    h(
      'p',
      {},
      'Das Wahlamt stellt den Wahlschein aus und sendet Ihnen die Unterlagen zu (bei Abholung: liegen für Sie bereit). Ein zweiter Antrag ist nicht nötig.',
    ),
    officeContact(election),
  );
  sessionStorage.removeItem(TOKEN_KEY);
}

// ── With the card's link ────────────────────────────────────────────────────────────────────────

async function linkFlow(token: string): Promise<void> {
  let election: PublicElection;
  try {
    election = (await postalApi.lookup(token)).election;
  } catch (error) {
    const { detail } = problemOf(error);
    messageView(null, 'Code nicht gültig', detail, [withoutCodeButton()]);
    return;
  }
  if (!election.applicationsOpen) {
    messageView(
      election,
      'Antragsfrist abgelaufen',
      `Wahlscheine konnten bis ${election.deadlineText} beantragt werden. Bei nachgewiesener plötzlicher Erkrankung wenden Sie sich bitte bis zum Wahltag, 15:00 Uhr, an das Wahlamt.`,
    );
    return;
  }
  birthDateStep(election, token);
}

function birthDateStep(election: PublicElection, token: string): void {
  const errors = new FormErrors();
  const birthDate = birthDateFields(errors, 'geburtsdatum');
  const submit = h('button', { type: 'submit', class: 'button' }, 'Weiter');
  const form = h('form', { novalidate: true }, errors.summary, birthDate.element, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = birthDate.read();
    if (!value.ok) return errors.show('Bitte prüfen Sie Ihre Angaben.', [{ path: '$.birthDate', message: value.message }]);
    busy(submit, true, 'Weiter');
    postalApi
      .verify(token, value.value)
      .then((verified) => confirmStep(verified, token, value.value))
      .catch((error: unknown) => {
        busy(submit, false, 'Weiter');
        const problem = problemOf(error);
        errors.show(problem.detail, problem.errors);
      });
  });
  show(
    header(election),
    h('h1', {}, 'Briefwahl beantragen'),
    h('p', {}, `Sie beantragen einen Wahlschein mit Briefwahlunterlagen. Online bis ${election.deadlineText}.`),
    h('p', {}, 'Bitte bestätigen Sie zuerst Ihr Geburtsdatum. Erst danach zeigen wir Ihren Namen und Ihre Anschrift an.'),
    form,
    officeContact(election),
  );
}

function confirmStep(verified: VerifiedVoter, token: string, birthDate: string): void {
  const { election, voter } = verified;
  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', {}, 'Name'),
    h('dd', {}, voter.name),
    h('dt', {}, 'Anschrift'),
    h('dd', {}, ...voter.addressLines.flatMap((line, i) => (i ? [h('br'), line] : [line]))),
  );
  if (verified.application) {
    show(
      header(election),
      h('h1', {}, 'Antrag liegt bereits vor'),
      facts,
      h('p', { class: 'notice', role: 'status' }, verified.application.message),
      officeContact(election),
    );
    sessionStorage.removeItem(TOKEN_KEY);
    return;
  }
  const errors = new FormErrors();
  const delivery = deliveryFields(errors);
  const representative = representativeFields(errors);
  const submit = h('button', { type: 'submit', class: 'button' }, 'Wahlschein beantragen');
  const form = h('form', { novalidate: true }, errors.summary, delivery.element, representative.element, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(submit, true, 'Wahlschein beantragen');
    void (async () => {
      try {
        const rep = await representative.read();
        const receipt = await postalApi.applyWithLink({
          token,
          birthDate,
          delivery: delivery.read(),
          ...(rep ? { representative: rep } : {}),
        });
        receiptView(election, receipt);
      } catch (error) {
        busy(submit, false, 'Wahlschein beantragen');
        const problem = problemOf(error);
        errors.show(problem.detail, problem.errors);
      }
    })();
  });
  show(
    header(election),
    h('h1', {}, 'Ihre Angaben'),
    h('p', {}, 'Bitte prüfen Sie, ob das Ihre Angaben sind.'),
    facts,
    form,
    officeContact(election),
  );
}

// ── Without a link ──────────────────────────────────────────────────────────────────────────────

async function nameFlow(): Promise<void> {
  let elections: PublicElection[];
  try {
    elections = (await postalApi.elections()).filter((e) => e.applicationsOpen);
  } catch (error) {
    messageView(null, 'Briefwahl beantragen', problemOf(error).detail);
    return;
  }
  if (elections.length === 0) {
    messageView(
      null,
      'Briefwahl beantragen',
      'Zurzeit kann online kein Wahlschein beantragt werden. Bitte wenden Sie sich an Ihr Wahlamt.',
    );
    return;
  }
  const preset = new URLSearchParams(location.search).get('wahl');
  const errors = new FormErrors();
  const select = h(
    'select',
    { id: 'wahl', class: 'input long' },
    elections.map((e) =>
      h(
        'option',
        { value: e.electionId, selected: e.electionId === preset },
        `${e.municipality}: ${e.name} (${electionDay(e.electionDay)})`,
      ),
    ),
  );
  const chooser = elections.length > 1 ? h('div', { class: 'field' }, h('label', { for: 'wahl' }, 'Wahl'), select) : null;
  const familyName = textField(errors, { label: 'Familienname', path: '$.familyName', autocomplete: 'family-name' });
  const givenNames = textField(errors, { label: 'Vorname(n)', path: '$.givenNames', autocomplete: 'given-name' });
  const birthDate = birthDateFields(errors, 'geburtsdatum');
  const street = textField(errors, { label: 'Straße', path: '$.street', autocomplete: 'address-line1' });
  const houseNumber = textField(errors, { label: 'Hausnummer', path: '$.houseNumber', size: 'short', maxlength: 20 });
  const postalCode = textField(errors, {
    label: 'Postleitzahl',
    path: '$.postalCode',
    autocomplete: 'postal-code',
    inputmode: 'numeric',
    size: 'medium',
    maxlength: 5,
  });
  const delivery = deliveryFields(errors);
  const representative = representativeFields(errors);
  const submit = h('button', { type: 'submit', class: 'button' }, 'Wahlschein beantragen');
  const form = h(
    'form',
    { novalidate: true },
    errors.summary,
    chooser,
    h('fieldset', { class: 'field' }, h('legend', {}, 'Wahlberechtigte Person'), familyName.element, givenNames.element, birthDate.element),
    h(
      'fieldset',
      { class: 'field' },
      h('legend', {}, 'Wohnanschrift (wie im Melderegister)'),
      h('div', { class: 'row' }, street.element, houseNumber.element),
      postalCode.element,
    ),
    delivery.element,
    representative.element,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const date = birthDate.read();
    if (!date.ok) return errors.show('Bitte prüfen Sie Ihre Angaben.', [{ path: '$.birthDate', message: date.message }]);
    const election = elections.find((e) => e.electionId === select.value) ?? elections[0]!;
    busy(submit, true, 'Wahlschein beantragen');
    void (async () => {
      try {
        const rep = await representative.read();
        const receipt = await postalApi.applyByName({
          electionId: election.electionId,
          familyName: familyName.input.value.trim(),
          givenNames: givenNames.input.value.trim(),
          birthDate: date.value,
          street: street.input.value.trim(),
          houseNumber: houseNumber.input.value.trim(),
          postalCode: postalCode.input.value.trim(),
          delivery: delivery.read(),
          ...(rep ? { representative: rep } : {}),
        });
        receiptView(election, receipt);
      } catch (error) {
        busy(submit, false, 'Wahlschein beantragen');
        const problem = problemOf(error);
        errors.show(problem.detail, problem.errors);
      }
    })();
  });
  const single = elections.length === 1 ? elections[0]! : null;
  show(
    header(single),
    h('h1', {}, 'Briefwahl beantragen'),
    h(
      'p',
      {},
      'Sie haben keine Wahlbenachrichtigung mit QR-Code zur Hand? Dann geben Sie bitte Ihre Daten so an, wie sie im Melderegister stehen.',
    ),
    single ? h('p', {}, `Online bis ${single.deadlineText}.`) : null,
    form,
    officeContact(single),
  );
}

function start(): void {
  // The volunteer sign-up shares this app's form parts and page style (issue #14).
  if (location.pathname.startsWith('/wahlhelfer')) return void signUpFlow(show);
  const fromPath = tokenFromPath(location.pathname);
  if (fromPath) {
    // The token leaves the address bar (history, shoulder surfing); the tab keeps it until the end.
    sessionStorage.setItem(TOKEN_KEY, fromPath);
    history.replaceState(null, '', '/briefwahl/');
  }
  const token = fromPath ?? sessionStorage.getItem(TOKEN_KEY);
  if (token) void linkFlow(token);
  else void nameFlow();
}

start();
