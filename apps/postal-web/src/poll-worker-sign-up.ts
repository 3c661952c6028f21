import { h } from '@wahl/web-kit';
import { ApiProblem, pollWorkerApi, type SignUpInfo } from './api';
import { birthDateFields, FormErrors, LocalProblem, textField } from './form';

// The public sign-up of volunteer poll workers (issue #14): /wahlhelfer?wahl=<election id>. Minimal
// data (BWahlG § 9(4)), the purpose and the consent stated before sending; the answer is the same
// whether the office knew the person or not, so the page reveals nothing about others.

const LONG_DAY = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const TITLE = 'Als Wahlhelferin oder Wahlhelfer melden';

type Show = (...children: (HTMLElement | null)[]) => void;

const masthead = (info: SignUpInfo | null): HTMLElement =>
  h(
    'header',
    { class: 'masthead' },
    h('p', { class: 'municipality' }, info ? info.municipalityName : 'Wahlamt'),
    info ? h('p', { class: 'election' }, `${info.electionName} · ${LONG_DAY.format(new Date(`${info.electionDay}T00:00:00Z`))}`) : null,
  );

/** API paths of the nested person (`$.person.familyName`) as the form's fields name them (`$.familyName`). */
const fieldPath = (path: string): string => path.replace(/^\$\.person\./, '$.');

export async function signUpFlow(show: Show): Promise<void> {
  const electionId = new URLSearchParams(location.search).get('wahl') ?? '';
  let info: SignUpInfo;
  try {
    info = await pollWorkerApi.info(electionId);
  } catch (error) {
    const detail = error instanceof ApiProblem ? error.detail : 'Die Anmeldung ist zurzeit nicht möglich.';
    show(masthead(null), h('h1', {}, TITLE), h('p', {}, detail));
    return;
  }
  const errors = new FormErrors();
  const familyName = textField(errors, { label: 'Familienname', path: '$.familyName', autocomplete: 'family-name' });
  const givenNames = textField(errors, { label: 'Vorname(n)', path: '$.givenNames', autocomplete: 'given-name' });
  const birthDate = birthDateFields(errors, 'geburtsdatum');
  const street = textField(errors, { label: 'Straße und Hausnummer', path: '$.street', autocomplete: 'street-address' });
  const postalCode = textField(errors, {
    label: 'Postleitzahl',
    path: '$.postalCode',
    autocomplete: 'postal-code',
    inputmode: 'numeric',
    size: 'medium',
    maxlength: 5,
  });
  const city = textField(errors, { label: 'Ort', path: '$.city', autocomplete: 'address-level2' });
  const email = textField(errors, { label: 'E-Mail', path: '$.email', autocomplete: 'email', inputmode: 'email', maxlength: 200 });
  const phone = textField(errors, { label: 'Telefon (optional)', path: '$.phone', autocomplete: 'tel', inputmode: 'tel', maxlength: 30 });
  const colleague = textField(errors, {
    label: 'Gemeinsam mit (optional)',
    path: '$.colleagueName',
    hint: 'Name einer Person, mit der Sie gern im selben Wahlvorstand wären.',
    maxlength: 200,
  });
  const availability = h(
    'select',
    { id: 'verfuegbarkeit', class: 'input long' },
    h('option', { value: 'all-day' }, 'Den ganzen Wahltag'),
    h('option', { value: 'morning' }, 'Vormittags'),
    h('option', { value: 'afternoon' }, 'Nachmittags'),
    h('option', { value: 'count' }, 'Nur zur Auszählung ab 18 Uhr'),
  );
  const chair = h('input', { type: 'checkbox', id: 'erfahrung' });
  const keep = h('input', { type: 'checkbox', id: 'kuenftig' });
  const consent = h('input', { type: 'checkbox', id: 'einwilligung', 'aria-describedby': 'einwilligung-fehler' });
  const consentError = h('p', { class: 'field-error', id: 'einwilligung-fehler', hidden: true });
  errors.register('$.consent', consent, consentError);
  const submit = h('button', { type: 'submit', class: 'button' }, 'Anmelden');

  const send = async (event: Event): Promise<void> => {
    event.preventDefault();
    errors.clear();
    submit.disabled = true;
    try {
      const born = birthDate.read();
      if (!born.ok) throw new LocalProblem('$.birthDate', born.message);
      await pollWorkerApi.signUp(electionId, {
        person: {
          familyName: familyName.input.value.trim(),
          givenNames: givenNames.input.value.trim(),
          birthDate: born.value,
          street: street.input.value.trim(),
          postalCode: postalCode.input.value.trim(),
          city: city.input.value.trim(),
          email: email.input.value.trim(),
          phone: phone.input.value.trim() || null,
          keepForNextElection: keep.checked,
        },
        availability: availability.value,
        chairExperience: chair.checked,
        colleagueName: colleague.input.value.trim(),
        consent: consent.checked,
      });
      show(
        masthead(info),
        h('h1', {}, 'Vielen Dank für Ihre Meldung'),
        h('p', {}, 'Das Wahlamt meldet sich bei Ihnen, sobald die Wahlvorstände eingeteilt werden.'),
      );
    } catch (error) {
      if (error instanceof LocalProblem) errors.show('Bitte prüfen Sie Ihre Angaben.', [{ path: error.path, message: error.message }]);
      else if (error instanceof ApiProblem)
        errors.show(
          error.detail,
          error.errors.map((problem) => ({ ...problem, path: fieldPath(problem.path) })),
        );
      else errors.show('Ein Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.');
    } finally {
      submit.disabled = false;
    }
  };

  const choice = (input: HTMLInputElement, label: string): HTMLElement =>
    h('div', { class: 'choice' }, input, h('label', { for: input.id }, label));
  show(
    masthead(info),
    h('h1', {}, TITLE),
    h(
      'p',
      {},
      'Wahlvorstände leiten die Wahl in den Wahllokalen und zählen die Stimmen aus. Wer wahlberechtigt ist, kann mitmachen; ',
      'es gibt ein Erfrischungsgeld.',
    ),
    h(
      'form',
      { novalidate: true, onsubmit: (event: Event) => void send(event) },
      errors.summary,
      familyName.element,
      givenNames.element,
      birthDate.element,
      street.element,
      h('div', { class: 'row' }, postalCode.element, city.element),
      email.element,
      phone.element,
      h('div', { class: 'field' }, h('label', { for: 'verfuegbarkeit' }, 'Wann können Sie?'), availability),
      colleague.element,
      choice(chair, 'Ich war schon Wahlvorsteherin, Wahlvorsteher oder Stellvertretung.'),
      h(
        'section',
        { class: 'consent', 'aria-labelledby': 'zweck' },
        h('h2', { id: 'zweck' }, 'Zweck und Einwilligung'),
        h(
          'p',
          {},
          `Das Wahlamt ${info.municipalityName} verwendet Ihre Angaben nur, um Sie in einen Wahlvorstand zu berufen und dazu mit Ihnen Kontakt aufzunehmen (§ 9 Abs. 4 Bundeswahlgesetz). `,
          'Ob Sie wahlberechtigt sind, prüft es im Wählerverzeichnis. Ohne Ihre Zustimmung für künftige Wahlen werden die Angaben nach der Wahl gelöscht.',
        ),
        consentError,
        choice(consent, 'Ich bin einverstanden, dass das Wahlamt meine Angaben zu diesem Zweck verarbeitet.'),
        choice(keep, 'Das Wahlamt darf mich auch bei künftigen Wahlen wieder fragen (jederzeit widerruflich).'),
      ),
      submit,
    ),
  );
  document.title = `${TITLE} – ${info.municipalityName}`;
}
