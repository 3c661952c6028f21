import { describe, expect, it } from 'vitest';
import { describedByIds } from './form-field';

describe('describedByIds', () => {
  it('should join hint, error and further ids in reading order', () => {
    expect(describedByIds(['file-hint', 'file-problem', 'sum-A'])).toBe('file-hint file-problem sum-A');
  });

  it('should leave out missing and repeated ids', () => {
    expect(describedByIds([null, 'file-problem', undefined, false, '', 'file-problem'])).toBe('file-problem');
  });

  it('should give no attribute value when nothing describes the control', () => {
    expect(describedByIds([null, undefined])).toBeUndefined();
  });
});
