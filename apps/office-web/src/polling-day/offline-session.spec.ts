import { describe, expect, it } from 'vitest';
import { rememberBoardMember, rememberedBoardMember } from './offline-session';

const memory = () => {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
};

const member = {
  userId: 'u1',
  username: 'Erika Vorsteher',
  role: 'board-member',
  officeId: 'o1',
  electionId: 'e1',
  districtIds: ['d1'],
} as const;

describe('offline board session', () => {
  it('should remember a board member and forget them when someone else (or nobody) signs in', () => {
    const storage = memory();
    rememberBoardMember(storage, member);
    expect(rememberedBoardMember(storage)).toEqual(member);
    rememberBoardMember(storage, { userId: 'c1', username: 'clerk', role: 'clerk', officeId: 'o1' });
    expect(rememberedBoardMember(storage)).toBeNull();
    rememberBoardMember(storage, member);
    rememberBoardMember(storage, null);
    expect(rememberedBoardMember(storage)).toBeNull();
  });

  it('should ignore a damaged or foreign entry', () => {
    const storage = memory();
    storage.setItem('wahl.board-member', '{"role":"office-admin"}');
    expect(rememberedBoardMember(storage)).toBeNull();
    storage.setItem('wahl.board-member', '{oops');
    expect(rememberedBoardMember(storage)).toBeNull();
  });
});
