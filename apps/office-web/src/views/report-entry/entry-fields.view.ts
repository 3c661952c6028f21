import { h } from '@wahl/web-kit';
import type { FormField, ReportForm } from '../../api/election-night.types';
import { formatNumber } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { formSections, liveSums, type EntryValues, type InputProblem, type LiveSum } from '../../reports/report-entry';
import { sumLine, type SumState } from '../../reports/report-entry-screen';
import { fieldLabel } from '../report-parts.view';

// The numeric fields of the entry form, section by section like the paper form: each row with its
// Kennbuchstabe, label, large input, live sum, input problem and the findings placed beside it.

export const fieldId = (letter: string): string => `field-${letter}`;

export type EntryFieldEvents = {
  /** The text of a field changed (also the comment's). */
  readonly onInput: (letter: string, value: string) => void;
  /** Enter on the last input: the submit button takes the focus. */
  readonly onLastEnter: () => void;
};

function sumText(sum: LiveSum): { text: string; state: SumState } {
  const language = currentLanguage();
  const { parts, state } = sumLine(sum);
  const base = t('entry.sum', { parts, sum: formatNumber(sum.sum, language) });
  if (state === 'ok') return { text: `${base} · ${t('entry.sumMatches', { target: sum.target })}`, state };
  if (state === 'off') {
    return {
      text: `${base} · ${t('entry.sumDiffers', { target: sum.target, value: formatNumber(sum.targetValue ?? 0, language) })}`,
      state,
    };
  }
  return { text: sum.complete ? base : `${base} · ${t('entry.sumOpen')}`, state };
}

/** Builds the rows and keeps hold of their inputs and slots, so the screen can mark, fill and clear them. */
export class EntryFields {
  readonly inputs = new Map<string, HTMLInputElement>();
  /** Where findings are placed: a slot per Kennbuchstabe and one for the comment. */
  readonly findingSlots = new Map<string, HTMLElement>();
  private readonly problemSlots = new Map<string, HTMLElement>();
  private readonly sumSlots = new Map<string, HTMLElement>();
  private readonly sumIds = new Map<string, string>();

  constructor(
    private readonly form: ReportForm,
    private readonly values: () => EntryValues,
    private readonly events: EntryFieldEvents,
  ) {}

  /** One fieldset per section (eligible, voters, each contest with its lists). */
  sections(): HTMLElement[] {
    return formSections(this.form).map((section) => {
      const contest = this.form.contests.find((candidate) => candidate.key === section.id);
      const title = 'key' in section.title ? t(section.title.key) : section.title.text;
      const letters = contest
        ? `${contest.invalid.letter}, ${contest.valid.letter}, ${contest.lists[0]?.letter ?? ''}…`
        : section.letters.join(', ');
      const rows = contest
        ? [
            this.row(contest.invalid),
            this.row(contest.valid, contest.invalid.letter),
            ...contest.lists.map((list) => this.row(list)),
            contest.lists.length
              ? this.listSumRow(contest.valid.letter, contest.lists[0]!.letter, contest.lists[contest.lists.length - 1]!.letter)
              : null,
          ]
        : section.fields.map((field) => this.row(field, field.letter === 'A' ? 'A' : undefined));
      return h(
        'fieldset',
        { class: 'entry-section', id: `section-${section.id}` },
        h('legend', {}, title, h('span', { class: 'entry-legend-keys' }, ` (${letters})`)),
        rows,
      );
    });
  }

  row(field: FormField & { readonly color?: string }, sumLetter?: string, hint?: string): HTMLElement {
    const problem = h('p', { class: 'entry-problem', id: `problem-${field.letter}` });
    this.problemSlots.set(field.letter, problem);
    const findingSlot = h('div', { class: 'entry-findings' });
    this.findingSlots.set(field.letter, findingSlot);
    const sum = sumLetter ? h('p', { class: 'entry-sum', id: `sum-${field.letter}` }) : null;
    if (sum && sumLetter) {
      this.sumSlots.set(sumLetter, sum);
      this.sumIds.set(field.letter, sum.id);
    }
    const input = this.numberInput(field);
    // Lists ("D1 CDU") fit beside their input; the long labels of A…F stand above it, unbroken.
    const isList = 'shortName' in field;
    const keyed = field.letter !== 'markedCount';
    return h(
      'div',
      { class: `entry-row ${isList ? 'entry-row-list' : 'entry-row-stacked'}`, id: `row-${field.letter}`, 'data-field': field.letter },
      h(
        'label',
        { class: 'entry-label', for: input.id },
        keyed ? h('span', { class: 'key', style: field.color ? `--list-color: ${field.color}` : undefined }, field.letter) : null,
        h(
          'span',
          { class: 'entry-text' },
          fieldLabel(field),
          field.required ? null : h('span', { class: 'entry-optional' }, ` ${t('entry.optional')}`),
        ),
      ),
      hint ? h('p', { class: 'entry-hint' }, hint) : null,
      input,
      sum,
      problem,
      findingSlot,
    );
  }

  /** Shows the sums as typed so far. */
  renderSums(): void {
    const sums = liveSums(this.form, this.values());
    for (const [letter, slot] of this.sumSlots) {
      const sum = sums[letter];
      if (!sum) continue;
      const { text, state } = sumText(sum);
      slot.replaceChildren(
        h('span', { class: 'entry-sum-symbol', 'aria-hidden': 'true' }, state === 'ok' ? '✓' : state === 'off' ? '≠' : 'Σ'),
        ` ${text}`,
      );
      slot.dataset['state'] = state;
    }
  }

  /** Links each input to its problem, its sum and the findings beside it. */
  describe(findingIdsFor: (letter: string) => readonly string[]): void {
    for (const [letter, input] of this.inputs) {
      input.setAttribute(
        'aria-describedby',
        [`problem-${letter}`, this.sumIds.get(letter) ?? null, ...findingIdsFor(letter)].filter(Boolean).join(' '),
      );
    }
  }

  showProblem(letter: string, problem: InputProblem): void {
    this.inputs.get(letter)?.setAttribute('aria-invalid', 'true');
    this.problemSlots
      .get(letter)
      ?.replaceChildren(h('span', { 'aria-hidden': 'true' }, '✕ '), t(problem === 'required' ? 'entry.required' : 'entry.notACount'));
  }

  /** Findings gone, inputs no longer marked. */
  clearFindings(): void {
    for (const slot of this.findingSlots.values()) slot.replaceChildren();
    for (const input of this.inputs.values()) input.removeAttribute('aria-invalid');
  }

  /** The list sum sits below the last list, like the sum line of the paper form. */
  private listSumRow(letter: string, first: string, last: string): HTMLElement {
    const slot = h('p', { class: 'entry-sum', id: `sum-${letter}-lists` });
    this.sumSlots.set(letter, slot);
    return h('div', { class: 'entry-sum-row', 'aria-label': t('entry.listSumLabel', { first, last }) }, slot);
  }

  private numberInput(field: FormField): HTMLInputElement {
    const input = h('input', {
      id: fieldId(field.letter),
      name: field.letter,
      class: 'entry-input',
      type: 'text',
      inputmode: 'numeric',
      pattern: '[0-9]*',
      autocomplete: 'off',
      enterkeyhint: 'next',
      'aria-required': field.required ? 'true' : undefined,
      'data-letter': field.letter,
    });
    input.value = this.values()[field.letter] ?? '';
    input.addEventListener('input', () => {
      this.events.onInput(field.letter, input.value);
      input.removeAttribute('aria-invalid');
      this.problemSlots.get(field.letter)?.replaceChildren();
      this.renderSums();
    });
    // Enter moves on like the phone keyboard's "next" key; the form is sent only by its button.
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const all = [...this.inputs.values()];
      const next = all[all.indexOf(input) + 1];
      if (next) next.focus();
      else this.events.onLastEnter();
    });
    this.inputs.set(field.letter, input);
    return input;
  }
}
