import { describe, expect, it } from 'vitest';
import { personFieldProblem } from './person-check';
import { PollWorkerEntrySchema } from './poll-workers-requests';

const valid = {
  person: {
    familyName: 'Neuhaus',
    givenNames: 'Jonas',
    birthDate: '1979-04-02',
    street: 'Am Markt 7',
    postalCode: '71990',
    city: 'Wahlingen',
    email: 'j.neuhaus@example.org',
    phone: '07031 12345',
  },
  note: '',
};

// The screen's check and the API's schema give the same answer and the same German words.
describe('personFieldProblem', () => {
  it.each([
    ['postalCode', '7199', 'Erwartet wird eine fünfstellige Postleitzahl.'],
    ['birthDate', '02.04.1979', 'Erwartet wird ein Datum wie 1980-05-17.'],
    ['email', 'j.neuhaus@', 'Keine gültige E-Mail-Adresse.'],
    ['phone', 'abc', 'Keine gültige Telefonnummer (Ziffern, Leerzeichen, + ( ) / -).'],
    ['familyName', '  ', 'Bitte den Familiennamen angeben.'],
    ['street', 'x'.repeat(151), 'Höchstens 150 Zeichen.'],
  ] as const)('should refuse %s "%s" as the API does', (field, input, message) => {
    expect(personFieldProblem(field, input)).toBe(message);
    const body = { ...valid, person: { ...valid.person, [field]: input } };
    const result = PollWorkerEntrySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('should take a complete entry, optional e-mail and phone left empty, and a note of 1,000 characters', () => {
    for (const field of ['familyName', 'givenNames', 'birthDate', 'street', 'postalCode', 'city', 'email', 'phone'] as const)
      expect(personFieldProblem(field, valid.person[field])).toBeNull();
    expect(personFieldProblem('email', '')).toBeNull();
    expect(personFieldProblem('note', 'x'.repeat(1000))).toBeNull();
    expect(personFieldProblem('note', 'x'.repeat(1001))).toBe('Höchstens 1000 Zeichen.');
    expect(PollWorkerEntrySchema.safeParse({ ...valid, note: 'x'.repeat(1001) }).error?.issues[0]?.message).toBe('Höchstens 1000 Zeichen.');
    expect(PollWorkerEntrySchema.safeParse(valid).success).toBe(true);
  });
});
