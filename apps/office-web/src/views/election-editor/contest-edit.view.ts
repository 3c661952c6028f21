import type { ContestHead, ElectionDefinition } from '@wahl/domain';
import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { partProblems, type EditorRules } from '../../elections/definition-edit';
import { t } from '../../i18n/i18n';
import { numberOrText, partForm, partPanel, selectField, textField, type Fields } from './part-panel.view';

/** A contest's own fields: name, kind of ballot, votes per ballot and per candidate, seats (R5.1, R5.2). */
function contestForm(rules: EditorRules, doc: ElectionDefinition, id: string, electionId: string, onSaved: (m: string) => void) {
  const contest = doc.contests.find((c) => c.id === id)!;
  const fields: Fields = new Map([
    ['name', textField('contest-name', contest.name, t('contestEdit.name'))],
    [
      'ballotType',
      selectField(
        'contest-ballotType',
        t('contestEdit.ballotType'),
        (['candidate', 'list', 'council'] as const).map((v) => ({ value: v, label: t(`contestEdit.ballotType.${v}`) })),
        contest.ballotType,
      ),
    ],
    ['votesPerBallot', textField('contest-votesPerBallot', String(contest.votesPerBallot), t('contestEdit.votesPerBallot'))],
    [
      'maxVotesPerCandidate',
      textField('contest-maxVotesPerCandidate', String(contest.maxVotesPerCandidate), t('contestEdit.maxVotesPerCandidate')),
    ],
    [
      'seats',
      textField(
        'contest-seats',
        contest.seats === undefined ? '' : String(contest.seats),
        t('contestEdit.seats'),
        t('contestEdit.seatsHint'),
      ),
    ],
  ]);
  const value = (key: string): string => fields.get(key)?.control.value.trim() ?? '';
  const edited = (): ContestHead => ({
    id,
    name: value('name'),
    ballotType: value('ballotType') as ContestHead['ballotType'],
    votesPerBallot: numberOrText(value('votesPerBallot')),
    maxVotesPerCandidate: numberOrText(value('maxVotesPerCandidate')),
    ...(value('seats') ? { seats: numberOrText(value('seats')) } : {}),
  });
  return partForm({
    id: 'contest',
    fields,
    extra: [h('p', { class: 'form-hint' }, t('contestEdit.listsHint', { count: String(contest.lists.length) }))],
    problems: () => partProblems(rules, doc, { kind: 'contest', key: id }, rules.withContestHead(doc, id, edited())),
    save: () => officeApi.updateContest(electionId, id, edited()),
    saveLabel: t('contestEdit.save'),
    savedMessage: () => t('contestEdit.saved', { name: value('name') }),
    onSaved,
  });
}

/** "Stimmzettel": the election's ballots; new ones come with a candidates file. */
export function contestEditPanel(
  rules: EditorRules,
  doc: ElectionDefinition,
  electionId: string,
  onSaved: (m: string) => void,
): HTMLElement {
  if (doc.contests.length === 0)
    return h(
      'section',
      { class: 'card panel', 'aria-labelledby': 'contest-edit-title', id: 'contest-edit' },
      h('h2', { id: 'contest-edit-title', class: 'section-title' }, t('contestEdit.title')),
      h('p', { class: 'form-hint' }, t('contestEdit.none')),
    );
  return partPanel({
    id: 'contest',
    title: t('contestEdit.title'),
    chooseLabel: t('contestEdit.choose'),
    choices: doc.contests.map((c) => ({ value: c.id, label: c.name })),
    open: (value) => contestForm(rules, doc, value, electionId, onSaved),
  });
}
