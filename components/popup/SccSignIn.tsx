import { browser } from 'wxt/browser';
import { SCC_REGIONS, sccUiRegion } from '../../lib/fmc/doors';
import { reportPath } from '../../lib/protocol/report-url';
import { t } from '../i18n';

/**
 * On a Security Cloud Control tab (its UI origin names the region, `sccUiRegion`), the popup offers the
 * sign-in to that region's cloud-delivered FMC through SCC's API gateway (issue 20): the report opens on the
 * gateway's origin, so the region is chosen already, and there it asks the browser for that origin only and
 * takes the API token. Nothing shows on any other tab.
 */
export function SccSignIn({ url }: { url: string | undefined }) {
  let origin: string;
  try {
    origin = new URL(url ?? '').origin;
  } catch {
    return null;
  }
  const id = sccUiRegion(origin);
  const region = SCC_REGIONS.find((r) => r.id === id);
  if (!region) return null;
  const gateway = region.gateway;
  return (
    <section class="fmc-notice" data-testid="scc-sign-in">
      <p>{t('sccTabOffer', region.id.toUpperCase(), new URL(gateway).host)}</p>
      <button
        type="button"
        class="primary"
        onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(reportPath(gateway)) })}
      >
        {t('sccTabOpen')}
      </button>
    </section>
  );
}
