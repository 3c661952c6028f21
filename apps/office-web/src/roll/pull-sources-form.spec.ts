import { RegisterPullSourcesSchema } from '@wahl/contracts';
import { describe, expect, it } from 'vitest';
import { addressLines, listProblems } from './pull-sources-form';

describe('register pull allow-list form', () => {
  it('should take every non-empty line as an address and remember its line number', () => {
    expect(addressLines('https://register.example/api\n\n  http://10.0.0.5:8080/melde  \r\n')).toEqual({
      urls: ['https://register.example/api', 'http://10.0.0.5:8080/melde'],
      lines: [1, 3],
    });
  });

  it("should name the line of an address the API's schema refuses, with its German message", () => {
    const text = 'https://register.example/api\n\nftp://register.example/\nkeine adresse';
    expect(listProblems(text, RegisterPullSourcesSchema)).toEqual([
      { line: 3, message: 'Bitte eine http- oder https-Adresse angeben.' },
      { line: 4, message: 'Bitte eine http- oder https-Adresse angeben.' },
    ]);
  });

  it('should accept an empty list (no pull allowed) and refuse more than 20 addresses as a whole', () => {
    expect(listProblems('  \n', RegisterPullSourcesSchema)).toEqual([]);
    const many = Array.from({ length: 21 }, (_, i) => `https://register${i}.example/`).join('\n');
    expect(listProblems(many, RegisterPullSourcesSchema)).toEqual([{ line: null, message: 'Höchstens 20 Adressen.' }]);
  });
});
