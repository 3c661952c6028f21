import { RESULT_STATUS_LABELS, type PublicResultStatus } from '@wahl/contracts';
import { formatCount, h } from '@wahl/web-kit';
import { fetchResultStatus } from '../api/results-api';

// The stage of the election's result (BWO §§ 71, 72, 76): a Zwischenergebnis from the quick reports,
// vorläufig once every district's record is signed, endgültig once the office has checked them all.
// Shown under the heading of the election's main page; read again every minute.

const REFRESH_MS = 60_000;

function detail(status: PublicResultStatus): string {
  const total = Object.values(status.districts).reduce((sum, count) => sum + count, 0);
  const signed = status.districts.provisional + status.districts.final;
  return `${formatCount(signed)} von ${formatCount(total)} Wahlbezirken mit unterschriebener Niederschrift, ${formatCount(status.districts.final)} geprüft`;
}

export function resultStageLine(electionId: string): HTMLElement {
  const label = h('strong', { class: 'result-stage-label' });
  const text = h('span', { class: 'result-stage-detail' });
  const line = h('p', { class: 'result-stage', hidden: true }, 'Stand: ', label, ' ', text);
  const show = (status: PublicResultStatus | null): void => {
    line.hidden = !status || status.status === 'none';
    if (!status) return;
    line.dataset.stage = status.status;
    label.textContent = RESULT_STATUS_LABELS[status.status];
    text.textContent = `(${detail(status)})`;
  };
  const load = (): void => {
    fetchResultStatus(electionId)
      .then(show, () => undefined)
      .finally(() => line.isConnected && setTimeout(load, REFRESH_MS));
  };
  load();
  return line;
}
