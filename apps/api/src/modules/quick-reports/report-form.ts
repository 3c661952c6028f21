import type { FormField, ReportForm } from '@wahl/contracts';
import { contestLetters, listLetter } from '@wahl/domain';
import type { ElectionNightContext, NightDistrict } from '../elections/read-model/election-night-context';

// The entry form of a district for the mobile screen: the Kennbuchstaben with their German labels
// (DOMAIN.md 4.1, BWO Anlage 28) in form order, one field per list in ballot order, and where each
// value goes in the request body; A1, A2 and A3 of the closed roll to prefill (BWO § 24, P2).

export function reportForm(
  context: ElectionNightContext,
  district: NightDistrict,
  rollClosing: ReportForm['rollClosing'] = null,
): ReportForm {
  const polling = district.kind === 'polling';
  const field = (letter: string, label: string, path: string, required = true): FormField => ({ letter, label, path, required });
  return {
    election: { id: context.electionId, name: context.name, electionDay: context.electionDay },
    district: {
      id: district.id,
      number: district.number,
      name: district.name,
      kind: district.kind,
      pollingStation: district.pollingStation,
    },
    fields: [
      ...(polling
        ? [
            field('A1', 'Wahlberechtigte laut Wählerverzeichnis ohne Sperrvermerk „W“ (Wahlschein)', '$.A1'),
            field('A2', 'Wahlberechtigte laut Wählerverzeichnis mit Sperrvermerk „W“ (Wahlschein)', '$.A2'),
            field('A3', 'Wahlberechtigte nicht im Wählerverzeichnis, mit Wahlschein nach § 25 Abs. 2 BWO', '$.A3'),
            field('A', 'Wahlberechtigte insgesamt (A1 + A2 + A3)', '$.A'),
          ]
        : []),
      field(
        'B',
        polling
          ? 'Wählerinnen und Wähler insgesamt (Stimmzettel in der Urne)'
          : 'Wählerinnen und Wähler insgesamt (zugelassene Stimmzettelumschläge)',
        '$.B',
      ),
      field('B1', polling ? 'darunter Wählerinnen und Wähler mit Wahlschein' : 'darunter mit Wahlschein (bei Briefwahl gleich B)', '$.B1'),
    ],
    contests: context.contests.map((contest, index) => {
      const letters = contestLetters(index);
      const base = `$.contests[${index}]`;
      return {
        key: contest.key,
        name: contest.name,
        invalid: field(letters.invalid, `Ungültige Stimmen – ${contest.name}`, `${base}.invalid`),
        valid: field(letters.valid, `Gültige Stimmen – ${contest.name}`, `${base}.valid`),
        lists: contest.lists.map((list, listIndex) => ({
          ...field(listLetter(index, listIndex), `${list.shortName} – ${contest.name}`, `${base}.votes.${list.key}`),
          key: list.key,
          shortName: list.shortName,
          name: list.name,
          color: list.color,
          ballotPosition: list.ballotPosition,
        })),
      };
    }),
    extra: [
      field(
        'markedCount',
        'Stimmabgabevermerke + eingenommene Wahlscheine (nur wenn abweichend von B mit Kommentar)',
        '$.markedCount',
        false,
      ),
      field('comment', 'Kommentar', '$.comment', false),
    ],
    rollClosing,
  };
}
