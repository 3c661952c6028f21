import type { PublicDistrictLookup } from '@wahl/domain';
import { lookupDistrict, ResultsApiError } from '../api/results-api';
import { h } from '@wahl/web-kit';

// "Which district do I live in?" – street and house number go to the API, which looks them up in
// the election's street directory (R2.4). The answer links to that district's results.

export class DistrictFinder {
  readonly element: HTMLElement;
  private readonly street = h('input', {
    id: 'finder-street',
    name: 'street',
    type: 'text',
    autocomplete: 'address-line1',
    required: true,
    maxlength: '100',
  });
  private readonly houseNumber = h('input', {
    id: 'finder-number',
    name: 'houseNumber',
    type: 'text',
    autocomplete: 'off',
    required: true,
    maxlength: '12',
    inputmode: 'text',
    class: 'input-short',
  });
  private readonly result = h('div', { class: 'finder-result', id: 'finder-result', role: 'status', 'aria-live': 'polite' });
  private readonly submit = h('button', { type: 'submit', class: 'button' }, 'Bezirk finden');

  constructor(
    private readonly electionId: string,
    private readonly hrefFor: (number: string, areaId: string | null) => string | null,
  ) {
    const form = h(
      'form',
      { class: 'finder-form', novalidate: true },
      h('div', { class: 'field field-grow' }, h('label', { for: 'finder-street' }, 'Straße'), this.street),
      h('div', { class: 'field' }, h('label', { for: 'finder-number' }, 'Hausnummer'), this.houseNumber),
      h('div', { class: 'field field-action' }, this.submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.find();
    });
    this.element = h(
      'section',
      { class: 'section finder', 'aria-labelledby': 'finder-title' },
      h('h2', { id: 'finder-title', class: 'section-title' }, 'Ihr Wahlbezirk'),
      h('p', { class: 'section-lead' }, 'Geben Sie Ihre Anschrift ein, um das Ergebnis Ihres Wahlbezirks zu sehen.'),
      form,
      this.result,
    );
  }

  private async find(): Promise<void> {
    const street = this.street.value.trim();
    const houseNumber = this.houseNumber.value.trim();
    if (!street || !houseNumber) {
      this.show(h('p', { class: 'finder-message' }, 'Bitte geben Sie Straße und Hausnummer ein.'));
      (street ? this.houseNumber : this.street).focus();
      return;
    }
    this.submit.disabled = true;
    this.show(h('p', { class: 'finder-message' }, 'Wird gesucht …'));
    try {
      this.show(this.answer(await lookupDistrict(this.electionId, street, houseNumber)));
    } catch (error) {
      const missing = error instanceof ResultsApiError && error.status === 404;
      this.show(
        h(
          'p',
          { class: 'finder-message' },
          missing
            ? 'Die Suche nach der Anschrift ist für diese Wahl nicht verfügbar.'
            : 'Die Suche ist gerade nicht möglich. Bitte versuchen Sie es später erneut.',
        ),
      );
    } finally {
      this.submit.disabled = false;
    }
  }

  private show(node: HTMLElement): void {
    this.result.replaceChildren(node);
  }

  private answer(lookup: PublicDistrictLookup): HTMLElement {
    switch (lookup.kind) {
      case 'found':
        return h(
          'ul',
          { class: 'finder-matches' },
          lookup.districts.map((district) => {
            const href = this.hrefFor(district.number, district.areaId);
            const title = `Wahlbezirk ${district.number} – ${district.name}`;
            return h(
              'li',
              {},
              h('p', { class: 'finder-address' }, `${lookup.street} ${lookup.houseNumber}`),
              href ? h('a', { href, 'data-link': true, class: 'finder-link' }, title) : h('strong', {}, title),
              district.pollingStation
                ? h(
                    'p',
                    { class: 'finder-station' },
                    `Wahlraum: ${district.pollingStation.name}, ${district.pollingStation.address}${district.pollingStation.barrierFree ? ' (barrierefrei)' : ''}`,
                  )
                : null,
            );
          }),
        );
      case 'unknown-street':
        return h(
          'div',
          {},
          h('p', { class: 'finder-message' }, 'Diese Straße ist im Straßenverzeichnis der Wahl nicht enthalten.'),
          lookup.suggestions.length
            ? h(
                'p',
                { class: 'finder-suggestions' },
                'Meinten Sie: ',
                lookup.suggestions.flatMap((name, index) => {
                  const button = h('button', { type: 'button', class: 'link-button' }, name);
                  button.addEventListener('click', () => {
                    this.street.value = name;
                    void this.find();
                  });
                  return index === 0 ? [button] : [', ', button];
                }),
                '?',
              )
            : null,
        );
      case 'invalid-house-number':
        return h('p', { class: 'finder-message' }, 'Bitte geben Sie eine Hausnummer wie 12 oder 12a ein.');
      case 'no-district':
        return h(
          'p',
          { class: 'finder-message' },
          `Für diese Hausnummer in ${lookup.street} ist kein Wahlbezirk verzeichnet. Bitte prüfen Sie die Hausnummer.`,
        );
    }
  }
}
