import { describe, expect, it } from 'vitest';
import type { RetentionPlan } from '@wahl/contracts';
import { planLines, runLines } from './retention.cli';

const plan: RetentionPlan = {
  electionId: 'e',
  electionDay: '2025-02-23',
  today: '2025-03-20',
  hold: { reason: 'wahlpruefung', note: 'WP 12/25', setBy: 'leitung', setAt: '2025-03-01T09:00:00.000Z' },
  categories: [
    {
      category: 'card-pieces',
      label: 'Daten der Wahlbenachrichtigungen',
      dueDay: '2025-03-10',
      due: true,
      rows: 12500,
      wouldDelete: 0,
      lastRun: null,
    },
    { category: 'roll', label: 'Wählerverzeichnis', dueDay: '2025-08-24', due: false, rows: 25000, wouldDelete: 0, lastRun: null },
  ],
};

describe('retention CLI output', () => {
  it('should print the plan with the hold and German numbers', () => {
    expect(planLines(plan)).toEqual([
      'Aufbewahrung der Wahl vom 2025-02-23 (Stand 2025-03-20):',
      'Löschsperre seit 2025-03-01 (Wahlprüfung): es wird nichts gelöscht.',
      '  Daten der Wahlbenachrichtigungen: löschbar ab 2025-03-10, 12.500 Datensätze gespeichert, ein Lauf löscht jetzt 0',
      '  Wählerverzeichnis: löschbar ab 2025-08-24, 25.000 Datensätze gespeichert, ein Lauf löscht jetzt 0',
    ]);
  });

  it('should print the rows deleted per category, or that nothing is due', () => {
    expect(runLines({ electionId: 'e', ranAt: '', deleted: [{ category: 'card-pieces', rows: 12500 }] })).toEqual([
      '  Daten der Wahlbenachrichtigungen: 12.500 Datensätze gelöscht',
    ]);
    expect(runLines({ electionId: 'e', ranAt: '', deleted: [] })).toEqual(['Nichts ist fällig.']);
  });
});
