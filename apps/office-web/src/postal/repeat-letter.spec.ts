import { describe, expect, it } from 'vitest';
import { recipientLines } from './repeat-letter';

describe('repeat notice letter', () => {
  it('should address the voter with given names first and the registered address in lines', () => {
    expect(recipientLines({ name: 'Fischer, Till Finn', address: 'Marktstraße 105, 71990 Wahlingen' })).toEqual([
      'Till Finn Fischer',
      'Marktstraße 105',
      '71990 Wahlingen',
    ]);
  });

  it('should keep a name without the roll comma as it is', () => {
    expect(recipientLines({ name: 'Özdemir', address: 'Am Ring 1a, 71990 Wahlingen' })).toEqual([
      'Özdemir',
      'Am Ring 1a',
      '71990 Wahlingen',
    ]);
  });
});
