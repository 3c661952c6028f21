import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { Actor } from '../../api/office-api.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { asyncRegion } from '../chrome.view';
import { errorMessage } from '../error-message';
import { stateBadge } from '../report-parts.view';

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
