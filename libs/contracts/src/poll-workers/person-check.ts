// The rules for a poll worker's entry (BWahlG § 9(4) fields), free of zod: the API's schema is built
// from them and the office screen checks each field as it is typed with the same functions.

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const POSTAL_CODE = /^\d{5}$/;
export const PHONE = /^[+0-9 ()/-]{5,30}$/;
/** Zod's own e-mail pattern (4.x, `-` moved to the end of its classes), named here so the screen applies the one the API applies. */
export const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const MAX_NOTE_CHARS = 1000;

export const PERSON_MESSAGES = {
  birthDate: 'Erwartet wird ein Datum wie 1980-05-17.',
  postalCode: 'Erwartet wird eine fünfstellige Postleitzahl.',
  phone: 'Keine gültige Telefonnummer (Ziffern, Leerzeichen, + ( ) / -).',
  email: 'Keine gültige E-Mail-Adresse.',
  note: `Höchstens ${MAX_NOTE_CHARS} Zeichen.`,
} as const;

/** Required text fields with the words of their message and their longest length. */
export const PERSON_TEXTS = {
  familyName: { words: 'den Familiennamen', max: 100 },
  givenNames: { words: 'die Vornamen', max: 100 },
  street: { words: 'Straße und Hausnummer', max: 150 },
  city: { words: 'den Ort', max: 100 },
} as const;

export const missingText = (words: string): string => `Bitte ${words} angeben.`;
export const tooLong = (max: number): string => `Höchstens ${max} Zeichen.`;

export type PersonEntryField = keyof typeof PERSON_TEXTS | 'birthDate' | 'postalCode' | 'phone' | 'email' | 'note';

/** The German problem of one field of the office's entry, or null when the API would take it. */
export function personFieldProblem(field: PersonEntryField, input: string): string | null {
  const value = input.trim();
  switch (field) {
    case 'birthDate':
      return ISO_DATE.test(input) ? null : PERSON_MESSAGES.birthDate;
    case 'postalCode':
      return POSTAL_CODE.test(value) ? null : PERSON_MESSAGES.postalCode;
    case 'phone':
      return value === '' || PHONE.test(value) ? null : PERSON_MESSAGES.phone;
    case 'email':
      return value === '' || (EMAIL.test(value) && value.length <= 200) ? null : PERSON_MESSAGES.email;
    case 'note':
      return value.length <= MAX_NOTE_CHARS ? null : PERSON_MESSAGES.note;
    default: {
      const rule = PERSON_TEXTS[field];
      if (value === '') return missingText(rule.words);
      return value.length <= rule.max ? null : tooLong(rule.max);
    }
  }
}
