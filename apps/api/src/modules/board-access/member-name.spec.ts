import { describe, expect, it } from 'vitest';
import { memberDisplayName, memberNameKey } from './member-name';

describe('board member names', () => {
  it('should identify a member whatever the case, spacing or Unicode composition', () => {
    const key = memberNameKey('Jürgen Müller');
    expect(memberNameKey('  jürgen   MÜLLER ')).toBe(key);
    expect(memberNameKey('Ju\u0308rgen Mu\u0308ller')).toBe(key);
    expect(memberNameKey('Jürgen Müller-Lüdenscheid')).not.toBe(key);
  });

  it('should keep the name as given, with single spaces', () => {
    expect(memberDisplayName('  Erika \t Muster ')).toBe('Erika Muster');
  });
});
