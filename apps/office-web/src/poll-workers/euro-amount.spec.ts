import { describe, expect, it } from 'vitest';
import { centsForInput, formatEuros, parseEuroCents } from './euro-amount';

describe('euro amounts of the refreshment money', () => {
  it('should read whole euros, decimal commas and points', () => {
    expect(parseEuroCents('35')).toBe(3500);
    expect(parseEuroCents('35,5')).toBe(3550);
    expect(parseEuroCents(' 25.05 € ')).toBe(2505);
    expect(parseEuroCents('0')).toBe(0);
  });

  it('should refuse what is no amount', () => {
    expect(parseEuroCents('')).toBeNull();
    expect(parseEuroCents('-5')).toBeNull();
    expect(parseEuroCents('3,505')).toBeNull();
    expect(parseEuroCents('fünf')).toBeNull();
  });

  it('should write cents back as the office reads them', () => {
    expect(centsForInput(3505)).toBe('35,05');
    expect(formatEuros(140_000)).toBe('1400,00\u00a0€');
  });
});
