import { describe, expect, it } from 'vitest';
import { clearDraft, saveDraft } from '../reports/report-draft';
import { clockNow, dayDraftKey, dueSlot, loadDayDraft } from './day-drafts';

const memory = () => {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
};

describe('day drafts', () => {
  it('should restore what was typed, filling fields an older draft lacks, and forget it when cleared', () => {
    const storage = memory();
    const key = dayDraftKey('e', 'd', 'incident');
    expect(saveDraft(storage, key, { text: 'Stromausfall' })).toBe(true);
    expect(loadDayDraft(storage, key, { occurredAt: '09:00', text: '' })).toEqual({ occurredAt: '09:00', text: 'Stromausfall' });
    clearDraft(storage, key);
    expect(loadDayDraft(storage, key, { text: '' })).toEqual({ text: '' });
  });

  it('should read damaged or missing storage as no draft', () => {
    const storage = memory();
    storage.setItem('k', '[1,2]');
    expect(loadDayDraft(storage, 'k', { text: '' })).toEqual({ text: '' });
    expect(loadDayDraft(null, 'k', { text: 'x' })).toEqual({ text: 'x' });
    expect(saveDraft(null, 'k', {})).toBe(false);
  });

  it('should offer the latest report time that has passed', () => {
    const slots = ['10:00', '12:00', '14:00', '16:00'];
    expect(dueSlot(slots, '09:30')).toBe('10:00');
    expect(dueSlot(slots, '14:05')).toBe('14:00');
    expect(dueSlot(slots, '19:00')).toBe('16:00');
    expect(clockNow(new Date(2025, 1, 23, 8, 5))).toBe('08:05');
  });
});
