import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { t } from '../../i18n/i18n';

/**
 * Above the actions that print links (access-code sheets, polling cards): a warning while PUBLIC_BASE_URL
 * names the server itself (localhost), so that nobody prints QR codes that lead nowhere. Empty otherwise.
 */
export function publicAddressWarning(): HTMLElement {
  const box = h('div', { class: 'alert alert-warning public-address-warning', role: 'note' });
  officeApi.installation().then(
    (installation) => {
      if (installation.publicBaseUrlIsLoopback)
        box.replaceChildren(h('p', {}, t('installation.loopbackLinks', { url: installation.publicBaseUrl })));
    },
    () => undefined, // Without the answer the screen works as before; the start banner and the log warn too.
  );
  return box;
}
