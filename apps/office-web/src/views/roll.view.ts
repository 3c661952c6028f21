import { followElection } from '../api/live-updates';
import { officeApi } from '../api/office-api';
import type { ElectionSummary } from '../api/office-api.types';
import {
  PROPOSAL_KINDS,
  type ChangeProposal,
  type RegisterEncoding,
  type RegisterImportJob,
  type RegisterImportStatus,
  type RollSummary,
} from '../api/roll.types';
import { formatClockTime, formatElectionDay, formatNumber } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { importOutcome, proposalLines, selectedOpen, unlistedErrors, uploadProgress } from '../roll/roll-screen';
import { asyncRegion } from './chrome.view';
import { h, onDispose } from '@wahl/web-kit';
import { errorMessage } from './error-message';

// The electoral roll of an election (/office/wahlen/<id>/waehlerverzeichnis, DOMAIN.md 1–2):
// import the register export with a progress bar and its errors, build the roll as of the cut-off
// day, its summary, the addresses without a unique district, and the change proposals after it.

const POLL_MS = 1000;

function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const number = (value: number): string => formatNumber(value, currentLanguage());
const clock = (iso: string): string => formatClockTime(new Date(iso), currentLanguage());

function progressBar(id: string, percent: number | null, label: string): HTMLElement {
  return h(
    'div',
    {
      class: `progress-bar${percent === null ? ' progress-bar-unknown' : ''}`,
      id,
      role: 'progressbar',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': percent ?? undefined,
      'aria-valuetext': label,
    },
    h('span', { style: `width: ${percent ?? 100}%` }),
  );
}

/** An import's result: what happened, the counts, the listed problems and the report of skipped rows. */
function importResult(electionId: string, job: RegisterImportJob): HTMLElement {
  const outcome = importOutcome(job);
  const kind = outcome === 'failed' ? 'error' : outcome === 'imported-with-skips' ? 'warning' : 'success';
  const more = unlistedErrors(job);
  const download = job.rejectedReportUrl
    ? h(
        'button',
        {
          type: 'button',
          class: 'button button-secondary',
          id: 'rejected-download',
          onclick: () =>
            void officeApi.rejectedRows(electionId, job.id).then(
              ({ blob, fileName }) => saveFile(blob, fileName ?? `ausgelassene-zeilen-${job.id}.csv`),
              () => undefined,
            ),
        },
        t('roll.rejectedDownload', { count: job.rowsRejected }),
      )
    : null;
  return h(
    'div',
    { class: 'import-result', id: 'import-result' },
    h(
      'div',
      { class: `alert alert-${kind}`, role: outcome === 'failed' ? 'alert' : 'status' },
      h('p', {}, h('strong', {}, t(`roll.outcome.${outcome}`))),
      job.message ? h('p', {}, job.message) : null,
    ),
    h(
      'dl',
      { class: 'stats' },
      stat(t('roll.recordsRead'), number(job.recordsRead)),
      stat(t('roll.rowsImported'), number(job.rowsImported)),
      stat(t('roll.rowsRejected'), number(job.rowsRejected)),
    ),
    job.errors.length
      ? h(
          'div',
          { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'import-errors-title' },
          h(
            'table',
            { class: 'data-table', id: 'import-errors' },
            h('caption', { id: 'import-errors-title', class: 'section-title' }, t('roll.errorsTitle', { count: job.errorCount })),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                [t('roll.col.line'), t('roll.col.column'), t('roll.col.value'), t('roll.col.reason')].map((label) =>
                  h('th', { scope: 'col' }, label),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              job.errors.map((error) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'mono' }, String(error.line)),
                  h('td', { class: 'mono' }, error.column ?? '–'),
                  h('td', { class: 'mono value-cell' }, error.value || '–'),
                  h('td', { class: 'wrap' }, error.reason),
                ),
              ),
            ),
          ),
        )
      : null,
    more ? h('p', { class: 'form-hint' }, t('roll.moreErrors', { count: number(more) })) : null,
    download,
  );
}

const stat = (label: string, value: string, id?: string): HTMLElement =>
  h('div', { class: 'stat', id }, h('dt', {}, label), h('dd', {}, h('span', { class: 'stat-value' }, value)));

export function rollView(electionId: string): HTMLElement {
  let summary: RollSummary | null = null;
  let uploading = false;
  let shownPercent: number | null = null;

  const heading = h('div', { class: 'page-heading' });
  const importStatus = h('div', { class: 'import-status', 'aria-live': 'polite' });
  const importOutput = h('div', {});
  const buildBox = h('div', { class: 'build-box' });
  const summaryBox = h('div', {});
  const unmatchedBox = h('div', {});
  const proposalsBox = h('div', {});

  // ---- Import -------------------------------------------------------------------------------
  const file = h('input', {
    type: 'file',
    id: 'register-file',
    name: 'file',
    accept: '.csv,text/csv,text/plain',
    class: 'file-input',
    required: true,
    'aria-describedby': 'register-file-hint',
  });
  const encoding = h(
    'select',
    { id: 'register-encoding', class: 'select' },
    (['auto', 'utf-8', 'windows-1252'] as const).map((value) => h('option', { value }, t(`roll.encoding.${value}`))),
  );
  const skipInvalid = h('input', { type: 'checkbox', id: 'register-skip', class: 'checkbox' });
  const startButton = h('button', { type: 'submit', class: 'button button-primary', id: 'register-start' }, t('roll.importStart'));
  const fileProblem = h('p', { class: 'entry-problem', id: 'register-file-problem', role: 'alert' });

  const showProgress = (sent: number, total: number, server: RegisterImportStatus | null): void => {
    const progress = uploadProgress(sent, total, server, shownPercent);
    shownPercent = progress.percent;
    const parts = [
      progress.percent === null ? t('roll.progressUnknown') : `${progress.percent} %`,
      progress.records !== null ? t('roll.progressRecords', { count: number(progress.records) }) : null,
      progress.recordsPerSecond ? t('roll.progressRate', { count: number(Math.round(progress.recordsPerSecond)) }) : null,
    ].filter(Boolean);
    const label = parts.join(' · ');
    importStatus.replaceChildren(
      h('p', { class: 'progress-figure' }, h('strong', {}, t('roll.importRunning')), h('span', { id: 'import-progress-text' }, label)),
      progressBar('import-progress', progress.percent, label),
    );
  };

  let running: RegisterImportStatus | null = null;
  let sentBytes = 0;
  let totalBytes = 0;

  const pollRunning = (): void => {
    if (!uploading || !page.isConnected) return;
    officeApi.registerImports(electionId).then(
      (jobs) => {
        const job = jobs.find((candidate) => candidate.status === 'running') ?? null;
        if (job && uploading) {
          running = job;
          showProgress(sentBytes, totalBytes, running);
        }
      },
      () => undefined,
    );
    setTimeout(pollRunning, POLL_MS);
  };

  const onImport = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (uploading) return;
    const chosen = file.files?.[0];
    if (!chosen) {
      fileProblem.textContent = t('roll.fileMissing');
      file.setAttribute('aria-invalid', 'true');
      file.focus();
      return;
    }
    fileProblem.textContent = '';
    file.removeAttribute('aria-invalid');
    uploading = true;
    shownPercent = null;
    running = null;
    sentBytes = 0;
    totalBytes = chosen.size;
    startButton.disabled = true;
    importOutput.replaceChildren();
    showProgress(0, chosen.size, null);
    setTimeout(pollRunning, POLL_MS);
    try {
      const job = await officeApi.uploadRegister(
        electionId,
        chosen,
        { encoding: encoding.value as RegisterEncoding, skipInvalid: skipInvalid.checked },
        (sent, total) => {
          sentBytes = sent;
          totalBytes = total;
          showProgress(sent, total, running);
        },
      );
      uploading = false;
      importStatus.replaceChildren(progressBar('import-progress', 100, '100 %'));
      importOutput.replaceChildren(importResult(electionId, job));
      file.value = '';
      void refresh();
    } catch (error) {
      uploading = false;
      importStatus.replaceChildren();
      importOutput.replaceChildren(
        h(
          'div',
          { class: 'alert alert-error', role: 'alert' },
          h('p', {}, h('strong', {}, t('roll.outcome.failed'))),
          h('p', {}, errorMessage(error, currentLanguage(), t)),
        ),
      );
    } finally {
      startButton.disabled = false;
    }
  };

  const importCard = h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title', class: 'section-title' }, t('roll.importTitle')),
    h('p', { class: 'form-hint' }, t('roll.importHint')),
    h(
      'form',
      { class: 'form import-form', novalidate: true, onsubmit: (event: Event) => void onImport(event) },
      h(
        'div',
        { class: 'field' },
        h('label', { for: file.id }, t('roll.file')),
        file,
        h('p', { class: 'form-hint', id: 'register-file-hint' }, t('roll.fileHint')),
        fileProblem,
      ),
      h('div', { class: 'field' }, h('label', { for: encoding.id }, t('roll.encoding')), encoding),
      h(
        'label',
        { class: 'check', for: skipInvalid.id },
        skipInvalid,
        h('span', {}, t('roll.skipInvalid'), h('span', { class: 'form-hint check-hint' }, t('roll.skipInvalidHint'))),
      ),
      startButton,
    ),
    importStatus,
    importOutput,
  );

  // ---- Build ---------------------------------------------------------------------------------
  const renderBuild = (): void => {
    const frozen = summary?.status === 'frozen';
    const button = h(
      'button',
      { type: 'button', class: 'button button-primary', id: 'roll-build', disabled: frozen || summary?.numbersLocked },
      t(summary?.status === 'not-built' ? 'roll.build' : 'roll.rebuild'),
    );
    const output = h('div', { 'aria-live': 'polite' });
    button.addEventListener('click', () => {
      button.disabled = true;
      output.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('roll.building')));
      officeApi.buildRoll(electionId).then(
        (result) => {
          output.replaceChildren(
            h(
              'div',
              { class: 'alert alert-success', role: 'status' },
              t('roll.built', {
                voters: number(result.voters),
                residents: number(result.residents),
                unassigned: number(result.unassigned),
              }),
            ),
          );
          void refresh();
        },
        (error: unknown) => {
          button.disabled = false;
          output.replaceChildren(h('div', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t)));
        },
      );
    });
    buildBox.replaceChildren(
      h(
        'section',
        { class: 'card panel', 'aria-labelledby': 'build-title' },
        h('h2', { id: 'build-title', class: 'section-title' }, t('roll.buildTitle')),
        h(
          'p',
          { class: 'form-hint' },
          t(frozen ? 'roll.buildFrozen' : summary?.numbersLocked ? 'roll.buildLocked' : 'roll.buildHint', {
            day: summary ? formatElectionDay(summary.cutoffDay, currentLanguage()) : '',
          }),
        ),
        summary?.builtAt
          ? h(
              'p',
              { class: 'card-meta' },
              t('roll.builtAt', {
                time: `${formatElectionDay(summary.builtAt.slice(0, 10), currentLanguage())}, ${clock(summary.builtAt)}`,
                user: summary.builtBy ?? '–',
              }),
            )
          : null,
        button,
        output,
      ),
    );
  };

  // ---- Summary -------------------------------------------------------------------------------
  const renderSummary = (): void => {
    if (!summary?.totals) {
      summaryBox.replaceChildren(
        h(
          'section',
          { class: 'card panel', 'aria-labelledby': 'summary-title' },
          h('h2', { id: 'summary-title', class: 'section-title' }, t('roll.summaryTitle')),
          h('p', { class: 'empty-hint' }, t('roll.summaryEmpty')),
        ),
      );
      return;
    }
    const totals = summary.totals;
    summaryBox.replaceChildren(
      h(
        'section',
        { class: 'card panel', id: 'roll-summary', 'aria-labelledby': 'summary-title' },
        h('h2', { id: 'summary-title', class: 'section-title' }, t('roll.summaryTitle')),
        h(
          'dl',
          { class: 'stats' },
          stat(t('roll.residents'), number(totals.residents), 'roll-residents'),
          stat(t('roll.voters'), number(totals.voters), 'roll-voters'),
          stat(t('roll.withPostalVote'), number(totals.withPostalVote)),
          stat(t('roll.notEntered'), number(totals.notEntered), 'roll-not-entered'),
          stat(t('roll.unassigned'), number(totals.unassigned), 'roll-unassigned'),
        ),
        h(
          'div',
          { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'roll-districts-title' },
          h(
            'table',
            { class: 'data-table', id: 'roll-districts' },
            h('caption', { id: 'roll-districts-title', class: 'section-title' }, t('roll.perDistrict')),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, t('night.col.number')),
                h('th', { scope: 'col' }, t('night.col.name')),
                h('th', { scope: 'col', class: 'num' }, t('roll.voters')),
                h('th', { scope: 'col', class: 'num' }, t('roll.withPostalVoteShort')),
                h('th', { scope: 'col', class: 'num' }, t('roll.removed')),
              ),
            ),
            h(
              'tbody',
              {},
              summary.districts.map((district) =>
                h(
                  'tr',
                  { 'data-district': district.number },
                  h('td', { class: 'mono' }, district.number),
                  h('td', {}, district.name),
                  h('td', { class: 'num' }, number(district.voters)),
                  h('td', { class: 'num' }, number(district.withPostalVote)),
                  h('td', { class: 'num' }, number(district.removed)),
                ),
              ),
            ),
          ),
        ),
        h(
          'table',
          { class: 'data-table', id: 'roll-reasons' },
          h('caption', { class: 'section-title' }, t('roll.perReason')),
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, t('roll.reason')), h('th', { scope: 'col', class: 'num' }, t('roll.count'))),
          ),
          h(
            'tbody',
            {},
            summary.notEntered.length
              ? summary.notEntered.map((reason) =>
                  h(
                    'tr',
                    { 'data-reason': reason.reason },
                    h('td', { class: 'wrap' }, reason.label),
                    h('td', { class: 'num' }, number(reason.count)),
                  ),
                )
              : h('tr', {}, h('td', { colspan: 2 }, t('roll.noneNotEntered'))),
          ),
        ),
      ),
    );
  };

  // ---- Unmatched addresses -------------------------------------------------------------------
  const renderUnmatched = (): void => {
    unmatchedBox.replaceChildren(
      h(
        'section',
        { class: 'card panel', 'aria-labelledby': 'unmatched-title' },
        asyncRegion(
          async () => {
            const unmatched = await officeApi.unmatchedAddresses(electionId);
            return h(
              'div',
              { class: 'panel-body' },
              h('h2', { id: 'unmatched-title', class: 'section-title' }, t('roll.unmatchedTitle', { count: number(unmatched.total) })),
              h('p', { class: 'form-hint' }, t('roll.unmatchedHint')),
              unmatched.items.length
                ? h(
                    'ul',
                    { class: 'unmatched-list', id: 'unmatched' },
                    unmatched.items.map((item) =>
                      h(
                        'li',
                        { 'data-problem': item.problem },
                        h(
                          'p',
                          { class: 'unmatched-person' },
                          h('span', { class: 'mono' }, t('roll.line', { line: item.line })),
                          ' · ',
                          h('strong', {}, `${item.familyName}, ${item.givenNames}`),
                        ),
                        h('p', {}, `${item.street} ${item.houseNumber}, ${item.postalCode} ${item.city}`),
                        h(
                          'p',
                          { class: 'unmatched-problem' },
                          h('span', { 'aria-hidden': 'true' }, '! '),
                          item.problemLabel,
                          item.candidateDistricts.length ? ` (${item.candidateDistricts.join(', ')})` : '',
                        ),
                      ),
                    ),
                  )
                : h('p', { class: 'empty-hint' }, t('roll.unmatchedNone')),
              unmatched.total > unmatched.items.length
                ? h('p', { class: 'form-hint' }, t('roll.unmatchedMore', { shown: number(unmatched.items.length) }))
                : null,
            );
          },
          (error) => errorMessage(error, currentLanguage(), t),
        ),
      ),
    );
  };

  // ---- Change proposals ----------------------------------------------------------------------
  const ticked = new Set<string>();
  let proposalReason = '';
  let proposalFlash: string | null = null;

  const renderProposals = (): void => {
    proposalsBox.replaceChildren(
      h(
        'section',
        { class: 'card panel', 'aria-labelledby': 'proposals-title' },
        asyncRegion(
          async () => {
            const list = await officeApi.changeProposals(electionId, 'open');
            return proposalsPanel(list.items, list.total);
          },
          (error) => errorMessage(error, currentLanguage(), t),
        ),
      ),
    );
  };

  const proposalsPanel = (proposals: readonly ChangeProposal[], total: number): HTMLElement => {
    const message = h('div', { 'aria-live': 'polite', id: 'proposal-message' });
    // Kept until the next decision: the socket's own refresh may render this panel a second time.
    const flash = proposalFlash ? h('div', { class: 'alert alert-success', role: 'status', id: 'proposal-flash' }, proposalFlash) : null;
    const reason = h('input', { type: 'text', id: 'proposal-reason', maxlength: 1000, 'aria-describedby': 'proposal-reason-hint' });
    reason.value = proposalReason;
    reason.addEventListener('input', () => {
      proposalReason = reason.value;
      reason.removeAttribute('aria-invalid');
    });
    const kind = h(
      'select',
      { id: 'proposal-kind', class: 'select' },
      h('option', { value: '' }, t('roll.allKinds')),
      PROPOSAL_KINDS.map((value) => h('option', { value }, t(`roll.kind.${value}`))),
    );

    const decide = (decision: 'accept' | 'reject', ids: readonly string[] | null): void => {
      proposalFlash = null;
      document.getElementById('proposal-flash')?.remove();
      const text = reason.value.trim();
      if (!text) {
        reason.setAttribute('aria-invalid', 'true');
        message.replaceChildren(h('p', { class: 'entry-problem', role: 'alert' }, t('roll.reasonMissing')));
        reason.focus();
        return;
      }
      if (ids && ids.length === 0) {
        message.replaceChildren(h('p', { class: 'entry-problem', role: 'alert' }, t('roll.noneSelected')));
        return;
      }
      const body = ids
        ? { decision, reason: text, proposalIds: ids }
        : { decision, reason: text, ...(kind.value ? { kind: kind.value as ChangeProposal['kind'] } : {}) };
      officeApi.decideProposals(electionId, body).then(
        (result) => {
          for (const id of ids ?? []) ticked.delete(id);
          if (!ids) ticked.clear();
          proposalFlash = t('roll.decided', { accepted: result.accepted, rejected: result.rejected });
          void refresh();
        },
        (error: unknown) =>
          message.replaceChildren(h('div', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t))),
      );
    };

    const items = proposals.map((proposal) => {
      const lines = proposalLines(proposal, (district, voterNumber) =>
        t(voterNumber ? 'roll.districtNumber' : 'roll.district', { district, number: voterNumber ?? '' }),
      );
      const box = h('input', {
        type: 'checkbox',
        class: 'checkbox',
        id: `proposal-${proposal.id}`,
        'aria-label': t('roll.select', { kind: t(`roll.kind.${proposal.kind}`) }),
      });
      box.checked = ticked.has(proposal.id);
      box.addEventListener('change', () => (box.checked ? ticked.add(proposal.id) : ticked.delete(proposal.id)));
      return h(
        'li',
        { class: 'proposal', 'data-proposal': proposal.id, 'data-kind': proposal.kind },
        box,
        h(
          'div',
          { class: 'proposal-body' },
          h('p', { class: 'proposal-kind' }, t(`roll.kind.${proposal.kind}`)),
          lines.before ? h('p', {}, h('span', { class: 'proposal-tag' }, t('roll.before')), ' ', lines.before) : null,
          lines.after ? h('p', {}, h('span', { class: 'proposal-tag' }, t('roll.after')), ' ', lines.after) : null,
          h(
            'div',
            { class: 'button-row' },
            h(
              'button',
              {
                type: 'button',
                class: 'button button-secondary button-small',
                'data-action': 'accept',
                onclick: () => decide('accept', [proposal.id]),
              },
              t('roll.accept'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'button button-secondary button-small button-danger-outline',
                'data-action': 'reject',
                onclick: () => decide('reject', [proposal.id]),
              },
              t('roll.reject'),
            ),
          ),
        ),
      );
    });

    return h(
      'div',
      { class: 'panel-body' },
      h('h2', { id: 'proposals-title', class: 'section-title' }, t('roll.proposalsTitle', { count: number(total) })),
      h('p', { class: 'form-hint' }, t('roll.proposalsHint')),
      flash,
      total === 0
        ? h('p', { class: 'empty-hint', id: 'proposals-empty' }, t('roll.proposalsNone'))
        : h(
            'div',
            { class: 'proposals' },
            h(
              'div',
              { class: 'field' },
              h('label', { for: reason.id }, t('roll.decisionReason')),
              reason,
              h('p', { class: 'form-hint', id: 'proposal-reason-hint' }, t('roll.decisionReasonHint')),
            ),
            message,
            h(
              'div',
              { class: 'bulk' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'button button-secondary',
                  id: 'proposals-accept-selected',
                  onclick: () => decide('accept', selectedOpen(proposals, ticked)),
                },
                t('roll.acceptSelected'),
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'button button-secondary button-danger-outline',
                  id: 'proposals-reject-selected',
                  onclick: () => decide('reject', selectedOpen(proposals, ticked)),
                },
                t('roll.rejectSelected'),
              ),
            ),
            h(
              'div',
              { class: 'bulk' },
              h('label', { for: kind.id, class: 'sr-only' }, t('roll.kindFilter')),
              kind,
              h(
                'button',
                {
                  type: 'button',
                  class: 'button button-secondary',
                  id: 'proposals-accept-all',
                  onclick: () => window.confirm(t('roll.confirmAll')) && decide('accept', null),
                },
                t('roll.acceptAll'),
              ),
            ),
            h('ul', { class: 'proposal-list', id: 'proposal-list' }, items),
            total > proposals.length ? h('p', { class: 'form-hint' }, t('roll.proposalsMore', { shown: number(proposals.length) })) : null,
          ),
    );
  };

  // ---- Page ----------------------------------------------------------------------------------
  const renderHeading = (election: ElectionSummary | null): void => {
    const title = h(
      'div',
      {},
      h('p', { class: 'eyebrow' }, election ? `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}` : ''),
      h('h1', { tabindex: '-1' }, t('roll.title')),
    );
    const status = summary
      ? h(
          'p',
          { class: `roll-status roll-status-${summary.status}`, id: 'roll-status' },
          t(`roll.status.${summary.status}`),
          ' · ',
          t('roll.cutoff', { day: formatElectionDay(summary.cutoffDay, currentLanguage()) }),
        )
      : h('span', {});
    heading.replaceChildren(title, status);
  };
  let election: ElectionSummary | null = null;

  const refresh = async (): Promise<void> => {
    try {
      summary = await officeApi.rollSummary(electionId);
    } catch (error) {
      summaryBox.replaceChildren(
        h('div', { class: 'alert alert-error', role: 'alert' }, `${t('error.loadFailed')} ${errorMessage(error, currentLanguage(), t)}`),
      );
      return;
    }
    renderHeading(election);
    renderBuild();
    renderSummary();
    renderUnmatched();
    renderProposals();
  };

  const page = h(
    'section',
    { class: 'page roll' },
    heading,
    h(
      'div',
      { class: 'dashboard-grid' },
      h('div', { class: 'dashboard-main' }, importCard, buildBox, summaryBox),
      h('div', { class: 'dashboard-side' }, unmatchedBox, proposalsBox),
    ),
  );

  // An import started elsewhere (CLI, another clerk) shows its progress here too.
  const socket = followElection(
    electionId,
    {
      'roll:import': (status) => {
        if (uploading) {
          running = status;
          showProgress(sentBytes, totalBytes, status);
        } else if (status.status !== 'running') void refresh();
      },
      'roll:changed': () => !uploading && void refresh(),
    },
    () => undefined,
  );
  onDispose(page, () => socket.close());

  renderHeading(null);
  officeApi.election(electionId).then(
    (loaded) => {
      election = loaded;
      renderHeading(election);
      document.title = `${t('roll.title')} – ${loaded.name} – ${t('app.name')}`;
    },
    () => undefined,
  );
  // The last import's result stays visible after a reload.
  officeApi.registerImports(electionId).then(
    (jobs) => {
      const last = jobs[0];
      if (!last || uploading) return;
      officeApi.registerImport(electionId, last.id).then(
        (job) =>
          !uploading &&
          importOutput.replaceChildren(
            h('p', { class: 'card-meta' }, t('roll.lastImport', { time: clock(job.startedAt), user: job.createdBy })),
            importResult(electionId, job),
          ),
        () => undefined,
      );
    },
    () => undefined,
  );
  void refresh();
  return page;
}
