import { ApiError } from '../api/api-error';
import type { ReportActionResult, ReportForm, ReportHistory, ReportVersion } from '../api/election-night.types';
import { officeApi } from '../api/office-api';
import type { Actor } from '../api/office-api.types';
import { currentLanguage, t } from '../i18n/i18n';
import { newIdempotencyKey } from '../reports/report-draft';
import { asyncRegion } from './chrome.view';
import { h } from '@wahl/web-kit';
import { errorMessage } from './error-message';
import { reportEntryView } from './report-entry.view';
import { compareTable, districtHeading, reportTable, stateBadge, versionCaption } from './report-parts.view';

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
  const root = h('section', { class: 'page board' });
  let flash: { kind: 'success'; text: string } | null = null;
  let mode: 'auto' | 'blind' | 'approve' | 'reenter' = 'auto';
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  const load = (): void => {
    clearTimeout(pollTimer);
    root.replaceChildren(
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
          if (next.state !== history.state || next.currentVersion !== history.currentVersion) load();
          else poll(history);
        },
        () => root.isConnected && poll(history),
      );
    }, POLL_MS);
  };

  const accepted = (result: ReportActionResult): void => {
    // "Entered" and "flagged" are what the next panel says anyway; a confirmation names what matched.
    flash = result.state === 'confirmed' || result.state === 'corrected' ? { kind: 'success', text: outcomeText(result) } : null;
    mode = 'auto';
    load();
  };

  const entryForm = (form: ReportForm, history: ReportHistory, intro?: Node): HTMLElement =>
    reportEntryView({
      form,
      mode: 'entry',
      owner: actor.userId,
      expectedVersion: history.currentVersion,
      intro,
      send: (body, key) => officeApi.submitReport(electionId, districtId, body, key),
      onAccepted: accepted,
      onReload: () => {
        mode = 'auto';
        load();
      },
    });

  const approveButton = (version: ReportVersion): HTMLElement => {
    // One key per approval on this screen: a retry after a lost answer is not a second approval.
    const key = newIdempotencyKey();
    const message = h('div', { class: 'approve-message', tabindex: '-1' });
    const button = h(
      'button',
      { type: 'button', class: 'button button-primary button-block button-large', 'data-version': version.version },
      t('board.approveVersion', { version: version.version }),
    );
    button.addEventListener('click', () => {
      button.disabled = true;
      button.textContent = t('entry.sending');
      officeApi.approveReport(electionId, districtId, version.version, key).then(accepted, (error: unknown) => {
        button.disabled = false;
        button.textContent =
          error instanceof ApiError && error.status === 0 ? t('entry.retry') : t('board.approveVersion', { version: version.version });
        message.replaceChildren(h('div', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t)));
        message.focus();
      });
    });
    return h('div', { class: 'approve' }, message, button);
  };

  const choice = (title: string, text: string, label: string, id: string, onChoose: () => void, primary = false): HTMLElement =>
    h(
      'div',
      { class: 'choice' },
      h('h3', {}, title),
      h('p', {}, text),
      h(
        'button',
        {
          type: 'button',
          id,
          class: `button ${primary ? 'button-primary' : 'button-secondary'} button-block button-large`,
          onclick: onChoose,
        },
        label,
      ),
    );

  const panel = (...children: (Node | null)[]): HTMLElement => h('div', { class: 'card panel' }, children);

  function render(form: ReportForm, history: ReportHistory): HTMLElement {
    const latest = history.versions.find((version) => version.version === history.currentVersion) ?? null;
    const counted = history.versions.find((version) => version.version === history.countedVersion) ?? null;
    const mine = latest?.enteredBy.id === actor.userId;
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
    const body = h('div', { class: 'board-body' });
    const view = h('div', {}, back, heading, flashBox, body);

    const state = history.state;
    if (state === 'confirmed' || state === 'corrected') {
      body.append(
        panel(
          h(
            'h2',
            {},
            h('span', { 'aria-hidden': 'true' }, '✓ '),
            t(state === 'corrected' ? 'board.correctedTitle' : 'board.confirmedTitle'),
          ),
          h('p', {}, t('board.confirmedText')),
          counted ? reportTable(form, counted.report, versionCaption(counted)) : null,
        ),
      );
    } else if (state === 'entered' && mine && mode === 'auto') {
      body.append(
        panel(
          h('h2', {}, h('span', { 'aria-hidden': 'true' }, '◐ '), t('board.waitingTitle')),
          h('p', {}, t('board.waitingText')),
          h('p', { class: 'form-hint' }, t('board.waitingRefresh')),
          latest ? reportTable(form, latest.report, versionCaption(latest)) : null,
          h('button', { type: 'button', class: 'button button-secondary', onclick: load }, t('board.refresh')),
        ),
      );
      poll(history);
    } else if (state === 'entered' && !mine && latest && mode === 'auto') {
      body.append(
        panel(
          h('h2', {}, t('board.secondTitle')),
          h('p', {}, t('board.secondText', { version: latest.version, name: latest.enteredBy.name })),
          h(
            'div',
            { class: 'choices' },
            choice(
              t('board.blindTitle'),
              t('board.blindText'),
              t('board.blindAction'),
              'choose-blind',
              () => {
                mode = 'blind';
                load();
              },
              true,
            ),
            choice(t('board.approveTitle'), t('board.approveText'), t('board.approveAction'), 'choose-approve', () => {
              mode = 'approve';
              load();
            }),
          ),
        ),
      );
    } else if (state === 'entered' && !mine && latest && mode === 'approve') {
      body.append(
        panel(
          h('h2', {}, t('board.approveTitle')),
          h('p', {}, t('board.approveCheck')),
          reportTable(form, latest.report, versionCaption(latest)),
          approveButton(latest),
          h(
            'button',
            {
              type: 'button',
              class: 'button button-link',
              onclick: () => {
                mode = 'auto';
                load();
              },
            },
            t('board.backToChoice'),
          ),
        ),
      );
    } else if (state === 'flagged') {
      const compareRegion = asyncRegion(
        async () => {
          const comparison = await officeApi.compareReports(electionId, districtId);
          const approvable = [comparison.left, comparison.right].filter((version) => version.enteredBy.id !== actor.userId);
          return h(
            'div',
            {},
            compareTable(form, comparison),
            h('p', { class: 'form-hint' }, t('board.flaggedResolve')),
            h(
              'div',
              { class: 'choices' },
              approvable.map((version) => approveButton(version)),
            ),
          );
        },
        (error) => errorMessage(error, currentLanguage(), t),
      );
      if (mode === 'reenter') {
        body.append(entryForm(form, history, h('div', { class: 'alert alert-info' }, h('p', {}, t('board.reenterIntro')))));
      } else {
        body.append(
          panel(
            h('h2', {}, h('span', { 'aria-hidden': 'true' }, '! '), t('board.flaggedTitle')),
            h('p', {}, t('board.flaggedText')),
            compareRegion,
            h(
              'button',
              {
                type: 'button',
                class: 'button button-secondary button-block',
                id: 'choose-reenter',
                onclick: () => {
                  mode = 'reenter';
                  load();
                },
              },
              t('board.reenterAction'),
            ),
          ),
        );
      }
    } else {
      // missing, rejected, the blind second entry, or one's own entry to be replaced.
      const intro =
        state === 'rejected'
          ? h(
              'div',
              { class: 'alert alert-warning', role: 'status' },
              h('p', {}, h('strong', {}, t('board.rejectedTitle'))),
              history.rejectionReason ? h('p', {}, t('board.rejectedReason', { reason: history.rejectionReason })) : null,
            )
          : mode === 'blind'
            ? h('div', { class: 'alert alert-info' }, h('p', {}, t('board.blindIntro')))
            : h('p', { class: 'lead entry-intro' }, t('board.entryIntro'));
      body.append(entryForm(form, history, intro));
    }
    return view;
  }

  load();
  return root;
}

/** A code for several districts (e.g. a board that also counts the postal votes): choose one. */
export function boardDistrictChoiceView(actor: Actor, onChoose: (districtId: string) => void): HTMLElement {
  const electionId = actor.electionId!;
  const districtIds = actor.districtIds ?? [];
  return h(
    'section',
    { class: 'page board' },
    h('h1', { tabindex: '-1' }, t('board.chooseTitle')),
    h('p', { class: 'lead' }, t('board.chooseIntro')),
    asyncRegion(
      async () => {
        const histories = await Promise.all(districtIds.map((id) => officeApi.reportHistory(electionId, id)));
        return h(
          'ul',
          { class: 'list district-choice' },
          histories.map((history) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: 'card card-row card-button', onclick: () => onChoose(history.districtId) },
                h(
                  'span',
                  { class: 'card-main' },
                  h(
                    'span',
                    { class: 'card-title' },
                    t(history.kind === 'postal' ? 'report.postalDistrictTitle' : 'report.districtTitle', {
                      number: history.districtNumber,
                      name: history.districtName,
                    }),
                  ),
                ),
                stateBadge(history.state),
              ),
            ),
          ),
        );
      },
      (error) => errorMessage(error, currentLanguage(), t),
    ),
  );
}
