import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CATALOG } from '@wahl/contracts';
import { bodyError } from './json-body';
import { ZodBodyPipe } from './zod-body.pipe';
import { AppError } from '../errors/app-error';

const schema = z.object({
  count: z.number().int().max(5),
  name: z.string().min(3),
  kind: z.enum(['a', 'b']),
  rows: z.array(z.string()).min(1),
  nested: z.strictObject({}),
  required: z.string(),
});

const fieldErrors = (body: unknown) => {
  try {
    new ZodBodyPipe(schema).transform(body);
  } catch (error) {
    if (error instanceof AppError) return error.errors;
  }
  throw new Error('expected a validation error');
};

describe('German validation texts (issue 17, finding 9)', () => {
  it('answers schema errors in German, with no English type names', () => {
    const errors = fieldErrors({ count: '1', name: 'x', kind: 'c', rows: [], nested: { extra: 1 } });
    const byPath = new Map(errors.map((error) => [error.path, error.message]));
    expect(byPath.get('$.count')).toBe('Ungültiger Wert: erwartet Zahl, erhalten Text.');
    expect(byPath.get('$.name')).toBe('Bitte mindestens 3 Zeichen angeben.');
    expect(byPath.get('$.kind')).toMatch(/^Ungültige Option/);
    expect(byPath.get('$.rows')).toBe('Mindestens 1 Einträge.');
    expect(byPath.get('$.nested')).toMatch(/^Unbekannter Schlüssel/);
    expect(byPath.get('$.required')).toBe('Pflichtangabe fehlt (erwartet: Text).');
    for (const { message } of errors) expect(message).not.toMatch(/\b(?:Invalid|expected|received|string|number)\b/);
  });

  it('keeps the bounds of numbers in German', () => {
    const errors = fieldErrors({ count: 7, name: 'abc', kind: 'a', rows: ['x'], nested: {}, required: 'x' });
    expect(errors).toEqual([{ path: '$.count', message: 'Der Wert darf höchstens 5 sein.', code: 'too_big' }]);
  });

  it('turns the body parser errors into German problems with the position of a syntax error', () => {
    let syntax: Error | undefined;
    try {
      JSON.parse('{"a": "abc');
    } catch (error) {
      syntax = error as Error;
    }
    const malformed = bodyError(Object.assign(syntax!, { type: 'entity.parse.failed' }), '1mb');
    expect(malformed.code).toBe('MALFORMED_JSON');
    expect(malformed.status).toBe(400);
    expect(malformed.message).toBe('Der Inhalt der Anfrage ist kein gültiges JSON (Fehler bei Zeichen 11).');
    const tooLarge = bodyError(Object.assign(new Error('request entity too large'), { type: 'entity.too.large' }), '1mb');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.message).toBe('Die Anfrage ist zu groß: höchstens 1 MB.');
    expect(ERROR_CATALOG.MALFORMED_JSON.de).toMatch(/JSON/);
  });
});
