import { h } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';
import type { ReportActionResult, ReportForm, ReportHistory, ReportVersion } from '../../api/election-night.types';
import { officeApi } from '../../api/office-api';
import { currentLanguage, t } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../reports/report-draft';
import { approvableVersions } from '../../reports/board-screen';
import { asyncRegion } from '../chrome.view';
import { errorMessage } from '../error-message';
import { compareTable, reportTable, versionCaption } from '../report-parts.view';

// The panels of the board's district screen, one per situation (see reports/board-screen.ts).

export type DistrictKey = { readonly electionId: string; readonly districtId: string };

export const panel = (...children: (Node | null)[]): HTMLElement => h('div', { class: 'card panel' }, children);

/** Approves one version; one key per button, so a retry after a lost answer is not a second approval. */
export function approveButton(
  district: DistrictKey,
  version: ReportVersion,
  onAccepted: (result: ReportActionResult) => void,
): HTMLElement {
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
    officeApi.approveReport(district.electionId, district.districtId, version.version, key).then(onAccepted, (error: unknown) => {
      button.disabled = false;
      button.textContent =
        error instanceof ApiError && error.status === 0 ? t('entry.retry') : t('board.approveVersion', { version: version.version });
      message.replaceChildren(h('div', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t)));
      message.focus();
    });
  });
  return h('div', { class: 'approve' }, message, button);
}

export const choice = (title: string, text: string, label: string, id: string, onChoose: () => void, primary = false): HTMLElement =>
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

/** Confirmed or corrected: the counted version. */
export const countedPanel = (form: ReportForm, counted: ReportVersion | null, corrected: boolean): HTMLElement =>
  panel(
    h('h2', {}, h('span', { 'aria-hidden': 'true' }, '✓ '), t(corrected ? 'board.correctedTitle' : 'board.confirmedTitle')),
    h('p', {}, t('board.confirmedText')),
    counted ? reportTable(form, counted.report, versionCaption(counted)) : null,
  );

/** Confirmed, but the election requires the second channel (R7.16): the code to read out by phone. */
export const codePanel = (form: ReportForm, code: string | null, confirmed: ReportVersion | null, refresh: () => void): HTMLElement =>
  panel(
    h('h2', {}, h('span', { 'aria-hidden': 'true' }, '☎ '), t('board.codeTitle')),
    h('p', {}, t('board.codeText')),
    code
      ? h('p', { class: 'check-code' }, `${t('board.codeLabel')}: `, h('strong', { id: 'check-code', class: 'check-code-digits' }, code))
      : h('p', { class: 'form-hint' }, t('board.codeHidden')),
    h('p', { class: 'form-hint' }, t('board.waitingRefresh')),
    confirmed ? reportTable(form, confirmed.report, versionCaption(confirmed)) : null,
    h('button', { type: 'button', class: 'button button-secondary', onclick: refresh }, t('board.refresh')),
  );

/** After one's own entry: waiting for the second person (the screen refreshes itself). */
export const waitingPanel = (form: ReportForm, latest: ReportVersion | null, refresh: () => void): HTMLElement =>
  panel(
    h('h2', {}, h('span', { 'aria-hidden': 'true' }, '◐ '), t('board.waitingTitle')),
    h('p', {}, t('board.waitingText')),
    h('p', { class: 'form-hint' }, t('board.waitingRefresh')),
    latest ? reportTable(form, latest.report, versionCaption(latest)) : null,
    h('button', { type: 'button', class: 'button button-secondary', onclick: refresh }, t('board.refresh')),
  );

/** The second person: enter blind (recommended) or check and approve. */
export const choosePanel = (latest: ReportVersion, choose: (mode: 'blind' | 'approve') => void): HTMLElement =>
  panel(
    h('h2', {}, t('board.secondTitle')),
    h('p', {}, t('board.secondText', { version: latest.version, name: latest.enteredBy.name })),
    h(
      'div',
      { class: 'choices' },
      choice(t('board.blindTitle'), t('board.blindText'), t('board.blindAction'), 'choose-blind', () => choose('blind'), true),
      choice(t('board.approveTitle'), t('board.approveText'), t('board.approveAction'), 'choose-approve', () => choose('approve')),
    ),
  );

export const approvePanel = (form: ReportForm, latest: ReportVersion, approve: HTMLElement, back: () => void): HTMLElement =>
  panel(
    h('h2', {}, t('board.approveTitle')),
    h('p', {}, t('board.approveCheck')),
    reportTable(form, latest.report, versionCaption(latest)),
    approve,
    h('button', { type: 'button', class: 'button button-link', onclick: back }, t('board.backToChoice')),
  );

/** Two entries differ: side by side, approve the other's, or enter anew. */
export function flaggedPanel(
  form: ReportForm,
  district: DistrictKey,
  userId: string,
  approve: (version: ReportVersion) => HTMLElement,
  reenter: () => void,
): HTMLElement {
  const compareRegion = asyncRegion(
    async () => {
      const comparison = await officeApi.compareReports(district.electionId, district.districtId);
      return h(
        'div',
        {},
        compareTable(form, comparison),
        h('p', { class: 'form-hint' }, t('board.flaggedResolve')),
        h('div', { class: 'choices' }, approvableVersions(comparison, userId).map(approve)),
      );
    },
    (error) => errorMessage(error, currentLanguage(), t),
  );
  return panel(
    h('h2', {}, h('span', { 'aria-hidden': 'true' }, '! '), t('board.flaggedTitle')),
    h('p', {}, t('board.flaggedText')),
    compareRegion,
    h(
      'button',
      { type: 'button', class: 'button button-secondary button-block', id: 'choose-reenter', onclick: reenter },
      t('board.reenterAction'),
    ),
  );
}

/** What stands above the entry form. */
export function entryIntro(intro: 'rejected' | 'blind' | 'first' | 'reenter', history: ReportHistory): HTMLElement {
  if (intro === 'reenter') return h('div', { class: 'alert alert-info' }, h('p', {}, t('board.reenterIntro')));
  if (intro === 'rejected') {
    return h(
      'div',
      { class: 'alert alert-warning', role: 'status' },
      h('p', {}, h('strong', {}, t('board.rejectedTitle'))),
      history.rejectionReason ? h('p', {}, t('board.rejectedReason', { reason: history.rejectionReason })) : null,
    );
  }
  return intro === 'blind'
    ? h('div', { class: 'alert alert-info' }, h('p', {}, t('board.blindIntro')))
    : h('p', { class: 'lead entry-intro' }, t('board.entryIntro'));
}
