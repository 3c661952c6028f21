import { z } from 'zod';

// Every text a user sees is German (issue 17, finding 9): zod's German locale for all issues, and our
// own wording where the locale still names JavaScript types ("erwartet Zahl, erhalten string").

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'Text',
  number: 'Zahl',
  int: 'ganze Zahl',
  bigint: 'ganze Zahl',
  boolean: 'Wahrheitswert (true/false)',
  object: 'Objekt',
  array: 'Liste',
  date: 'Datum',
  null: 'null',
  undefined: 'nichts',
  nan: 'keine Zahl (NaN)',
  symbol: 'Symbol',
  function: 'Funktion',
};

const typeName = (type: string): string => TYPE_NAMES[type] ?? type;

function inputType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

const number = (value: number | bigint): string => (typeof value === 'number' ? value.toLocaleString('de-DE') : String(value));

function sizeText(origin: string, value: number | bigint, inclusive: boolean | undefined, bound: 'min' | 'max'): string | undefined {
  const amount = number(value);
  if (origin === 'string') return bound === 'min' ? `Bitte mindestens ${amount} Zeichen angeben.` : `Höchstens ${amount} Zeichen.`;
  if (origin === 'array' || origin === 'set') return bound === 'min' ? `Mindestens ${amount} Einträge.` : `Höchstens ${amount} Einträge.`;
  if (origin === 'number' || origin === 'bigint' || origin === 'int') {
    if (bound === 'min') return inclusive ? `Der Wert muss mindestens ${amount} sein.` : `Der Wert muss größer als ${amount} sein.`;
    return inclusive ? `Der Wert darf höchstens ${amount} sein.` : `Der Wert muss kleiner als ${amount} sein.`;
  }
  return undefined;
}

/** The API's error map: only issues without a message of their own in the schema reach it. */
export const germanErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeName(issue.expected);
      if (issue.input === undefined) return `Pflichtangabe fehlt (erwartet: ${expected}).`;
      return `Ungültiger Wert: erwartet ${expected}, erhalten ${typeName(inputType(issue.input))}.`;
    }
    case 'too_small':
      return sizeText(issue.origin, issue.minimum, issue.inclusive, 'min');
    case 'too_big':
      return sizeText(issue.origin, issue.maximum, issue.inclusive, 'max');
    default:
      return undefined;
  }
};

let configured = false;

/** Sets the German error texts for every zod schema of the process (the contract's too); idempotent. */
export function useGermanZodErrors(): void {
  if (configured) return;
  configured = true;
  z.config({ ...z.locales.de(), customError: germanErrorMap });
}

useGermanZodErrors();
