import type { ReportActionResult } from '../api/election-night.types';
import { officeApi } from '../api/office-api';
import { currentLanguage, t } from '../i18n/i18n';
import { valuesFromReport } from '../reports/report-entry';
import { asyncRegion } from './chrome.view';
import { h } from '@wahl/web-kit';
import { errorMessage } from './error-message';
import { districtHeading, stateBadge } from './report-parts.view';
import { reportEntryView } from './report-entry.view';

// The office's own entry screens for one district: a correction of a counted report with a reason
// (prefilled with the counted numbers, counts at once), or a report taken by phone (same rules as
// the board's entry, four eyes included).

export type OfficeReportOptions = {
  readonly electionId: string;
  readonly districtId: string;
  readonly mode: 'entry' | 'correction';
  /** The signed-in staff member (whose device draft this is). */
  readonly owner: string;
  readonly onDone: (result: ReportActionResult) => void;
  readonly onBack: () => void;
};

export function officeReportView(options: OfficeReportOptions): HTMLElement {
  const { electionId, districtId, mode } = options;
  const root = h('section', { class: 'page office-report' });
  const back = h(
    'button',
    { type: 'button', class: 'button button-link', onclick: options.onBack },
    h('span', { 'aria-hidden': 'true' }, '←\u00a0'),
    t('report.backToDashboard'),
  );

  const load = (): void => {
    root.replaceChildren(
      back,
      asyncRegion(
        async () => {
          const [form, history] = await Promise.all([
            officeApi.reportForm(electionId, districtId),
            officeApi.reportHistory(electionId, districtId),
          ]);
          const counted = history.versions.find((version) => version.version === history.countedVersion) ?? null;
          const correctable = history.state === 'confirmed' || history.state === 'corrected';
          const heading = districtHeading(form, stateBadge(history.state, { id: 'district-state' }));
          if (mode === 'correction' && (!correctable || !counted)) {
            return h(
              'div',
              {},
              heading,
              h('div', { class: 'alert alert-warning', role: 'status' }, h('p', {}, t('report.notCorrectable'))),
            );
          }
          const intro =
            mode === 'correction'
              ? h(
                  'div',
                  { class: 'alert alert-info' },
                  h('p', {}, h('strong', {}, t('report.correctionTitle', { version: counted!.version }))),
                  h('p', {}, t('report.correctionIntro')),
                )
              : h(
                  'div',
                  { class: 'alert alert-info' },
                  h(
                    'p',
                    {},
                    t(history.state === 'entered' || history.state === 'flagged' ? 'report.officeSecondEntry' : 'report.officeEntry'),
                  ),
                );
          return h(
            'div',
            {},
            heading,
            reportEntryView({
              form,
              mode,
              owner: options.owner,
              expectedVersion: history.currentVersion,
              initialValues: mode === 'correction' && counted ? valuesFromReport(form, counted.report) : undefined,
              intro,
              send: (body, key) =>
                mode === 'correction'
                  ? officeApi.correctReport(electionId, districtId, { ...body, reason: body.reason ?? '' }, key)
                  : officeApi.submitReport(electionId, districtId, body, key),
              onAccepted: options.onDone,
              onReload: load,
            }),
          );
        },
        (error) => errorMessage(error, currentLanguage(), t),
      ),
    );
  };
  load();
  return root;
}
