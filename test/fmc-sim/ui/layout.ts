import { versionAtLeast } from '../fleet';
import { type Child, h, renderDocument } from './html';
import type { UiLang } from './i18n';
import { navMenu } from './nav';
import { STYLES } from './styles';

/** `full`: header bar and menu; `bare`: content only (inside the monitor's iframe); `login`: brand only. */
export type Chrome = 'full' | 'bare' | 'login';

export interface PageSpec {
  title: string;
  /** FMC server version: picks the product name and the menu labels. */
  version: string;
  /** Marks the current menu entry. */
  path: string;
  chrome?: Chrome;
  /** The UI's language (`ui=`): `<html lang>` and the menu. */
  lang?: UiLang;
  main: readonly Child[];
}

/** The product was renamed in 7.1; the extension detects the FMC by either name (fmc-rest-api.md). */
export function productName(version: string): string {
  return versionAtLeast(version, '7.1') ? 'Secure Firewall Management Center' : 'Firepower Management Center';
}

export function page(spec: PageSpec): string {
  const product = productName(spec.version);
  const chrome = spec.chrome ?? 'full';
  return renderDocument(
    h('html', { lang: spec.lang ?? 'en' }, [
      h('head', null, [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('meta', { name: 'color-scheme', content: 'light dark' }),
        // No favicon request, so that browser tests see no 404 in the console.
        h('link', { rel: 'icon', href: 'data:,' }),
        h('title', null, `${spec.title} - ${product}`),
        h('style', null, STYLES),
      ]),
      h('body', null, [
        chrome !== 'bare' &&
          h('header', { class: 'fmc-header' }, [
            h('a', { class: 'fmc-brand', href: '/' }, [
              h('span', { class: 'fmc-logo', 'aria-hidden': 'true' }, 'cisco'),
              h('span', { class: 'fmc-product' }, product),
            ]),
            chrome === 'full' && navMenu(spec.version, spec.path, spec.lang),
            chrome === 'full' && h('span', { class: 'fmc-user' }, 'admin'),
          ]),
        h('main', null, spec.main),
        chrome === 'full' &&
          h('footer', { class: 'fmc-footer' }, `Simulated ${product}, version ${spec.version}`),
      ]),
    ]),
  );
}
