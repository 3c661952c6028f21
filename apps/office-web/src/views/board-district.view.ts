import { h } from '@wahl/web-kit';
import type { ReportActionResult, ReportForm, ReportHistory, ReportVersion } from '../api/election-night.types';
import { officeApi } from '../api/office-api';
import type { Actor } from '../api/office-api.types';
import { currentLanguage, t } from '../i18n/i18n';
import { closingValues } from '../reports/report-entry';
import { announcesOutcome, boardPanel, historyMoved, type BoardMode, type BoardPanel } from '../reports/board-screen';
import {
  approveButton,
  approvePanel,
  choosePanel,
  codePanel,
  countedPanel,
  entryIntro,
  flaggedPanel,
  waitingPanel,
} from './board/board-panels.view';
import { asyncRegion } from './chrome.view';
import { errorMessage } from './error-message';
import { boardDayView } from './polling-day/board-day.view';
import { boardRecordView } from './polling-day/board-record.view';
import { reportEntryView } from './report-entry.view';
import { districtHeading, stateBadge } from './report-parts.view';

// The board's screen for one district on election night. What it shows follows the district's
// state and who is looking (four eyes, DOMAIN.md 4.2): the entry form; after one's own entry the
// wait for the second person; for the second person approve or enter blind; a mismatch side by
// side; the confirmed report.

const POLL_MS = 5000;

/** "Result" texts by outcome, in both languages (the API's own message is German only). */
const outcomeText = (result: ReportActionResult): string =>
  t(`outcome.${result.outcome}`, { version: result.version, number: result.districtNumber, other: result.comparedWith ?? '' });

export type BoardDistrictOptions = {
  readonly actor: Actor;
  readonly electionId: string;
  readonly districtId: string;
  /** Several districts on one code: back to the choice. */
  readonly onBack?: () => void;
};

export function boardDistrictView(options: BoardDistrictOptions): HTMLElement {
  const { actor, electionId, districtId } = options;
  // The day's panel stays while the quick report below reloads (its timers and drafts live on).
  const report = h('div', { class: 'board-report' });
  const root = h('section', { class: 'page board' }, report);
  let flash: { kind: 'success'; text: string } | null = null;
  let mode: BoardMode = 'auto';
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  const load = (): void => {
    clearTimeout(pollTimer);
    report.replaceChildren(
      asyncRegion(
        async () => {
          const [form, history] = await Promise.all([
            officeApi.reportForm(electionId, districtId),
            officeApi.reportHistory(electionId, districtId),
          ]);
          return render(form, history);
        },
        (error) => errorMessage(error, currentLanguage(), t),
      ),
    );
  };

  // Only the waiting screens refresh themselves; a form being filled is never replaced under the fingers.
  const poll = (history: ReportHistory): void => {
    pollTimer = setTimeout(() => {
      if (!root.isConnected) return;
      officeApi.reportHistory(electionId, districtId).then(
        (next) => {
          if (!root.isConnected) return;
          if (historyMoved(history, next)) load();
          else poll(history);
        },
        () => root.isConnected && poll(history),
      );
    }, POLL_MS);
  };

  const accepted = (result: ReportActionResult): void => {
    flash = announcesOutcome(result) ? { kind: 'success', text: outcomeText(result) } : null;
    mode = 'auto';
    load();
  };

  const entryForm = (form: ReportForm, history: ReportHistory, intro?: Node): HTMLElement =>
    reportEntryView({
      form,
      mode: 'entry',
      owner: actor.userId,
      expectedVersion: history.currentVersion,
      // A1, A2, A3 as the closed roll has them (P2 checks A1 + A2 against it).
      initialValues: closingValues(form),
      intro,
      send: (body, key) => officeApi.submitReport(electionId, districtId, body, key),
      onAccepted: accepted,
      onReload: () => {
        mode = 'auto';
        load();
      },
    });

  const district = { electionId, districtId };
  const choose = (next: BoardMode): void => {
    mode = next;
    load();
  };
  const approve = (version: ReportVersion): HTMLElement => approveButton(district, version, accepted);

  function render(form: ReportForm, history: ReportHistory): HTMLElement {
    const heading = districtHeading(form, stateBadge(history.state, { id: 'district-state' }));
    const flashBox = flash
      ? h('div', { class: `alert alert-${flash.kind}`, role: 'status', id: 'board-flash' }, h('p', {}, flash.text))
      : null;
    flash = null;
    const back = options.onBack
      ? h(
          'button',
          { type: 'button', class: 'button button-link', onclick: options.onBack },
          h('span', { 'aria-hidden': 'true' }, '←\u00a0'),
          t('board.otherDistricts'),
        )
      : null;
    const shown = boardPanel(history, actor.userId, mode);
    if (shown.kind === 'waiting' || shown.kind === 'code') poll(history);
    return h('div', {}, back, heading, flashBox, h('div', { class: 'board-body' }, panelFor(shown, form, history)));
  }

  function panelFor(shown: BoardPanel, form: ReportForm, history: ReportHistory): HTMLElement {
    switch (shown.kind) {
      case 'counted':
        return countedPanel(form, shown.counted, shown.corrected);
      case 'waiting':
        return waitingPanel(form, shown.latest, load);
      case 'code':
        return codePanel(form, shown.code, shown.confirmed, load);
      case 'choose':
        return choosePanel(shown.latest, choose);
      case 'approve':
        return approvePanel(form, shown.latest, approve(shown.latest), () => choose('auto'));
      case 'flagged':
        return flaggedPanel(form, district, actor.userId, approve, () => choose('reenter'));
      case 'reenter':
        return entryForm(form, history, entryIntro('reenter', history));
      case 'entry':
        return entryForm(form, history, entryIntro(shown.intro, history));
    }
  }

  load();
  root.prepend(boardDayView({ actor, electionId, districtId }));
  root.append(boardRecordView({ electionId, districtId }));
  return root;
}
