import { versionAtLeast } from '../fleet';
import { type Attrs, h, type VElement } from './html';
import { sayLabel, type UiLang } from './i18n';

export interface NavItem {
  label: string;
  href: string;
  children?: readonly NavItem[];
}

/**
 * FMC's top menu. Only the Health pages are simulated; the other entries lead to placeholder pages so that
 * every link works. The extension reads the Health > Policy link from here, so it must be a real href.
 */
export function navItems(version: string): NavItem[] {
  const leaf = (label: string, href: string): NavItem => ({ label, href });
  const menu = (label: string, children: NavItem[]): NavItem => ({
    label,
    href: children[0]?.href ?? '/',
    children,
  });
  return [
    menu('Overview', [
      leaf('Dashboards', '/overview/dashboards'),
      leaf('Reporting', '/overview/reporting'),
      leaf('Summary', '/overview/summary'),
    ]),
    menu('Analysis', [
      leaf('Connections', '/analysis/connections'),
      leaf('Intrusions', '/analysis/intrusions'),
      leaf('Files', '/analysis/files'),
    ]),
    menu('Policies', [
      leaf('Access Control', '/policies/access-control'),
      leaf('Intrusion', '/policies/intrusion'),
      leaf('Malware & File', '/policies/malware-file'),
    ]),
    menu('Devices', [
      leaf('Device Management', '/devices/device-management'),
      leaf('Platform Settings', '/devices/platform-settings'),
      leaf('Certificates', '/devices/certificates'),
    ]),
    menu('Objects', [
      leaf('Object Management', '/objects/object-management'),
      leaf('Intrusion Rules', '/objects/intrusion-rules'),
    ]),
    menu('Integration', [
      leaf('Cloud Services', '/integration/cloud-services'),
      ...(versionAtLeast(version, '7.0') ? [leaf('SecureX', '/integration/securex')] : []),
      leaf('Other Integrations', '/integration/other'),
    ]),
    menu('System', [
      leaf('Configuration', '/system/configuration'),
      leaf('Users', '/system/users'),
      {
        label: 'Health',
        href: '/health/monitor',
        children: [
          leaf('Monitor', '/health/monitor/module'),
          leaf('Policy', '/health/policy'),
          leaf('Events', '/health/events'),
          // Renamed in 7.0 (domain.md §2).
          leaf(versionAtLeast(version, '7.0') ? 'Exclude' : 'Blacklist', '/health/exclude'),
        ],
      },
      leaf('Updates', '/system/updates'),
      leaf('Licenses', '/system/licenses'),
    ]),
  ];
}

/** Nested lists that open on hover and on keyboard focus (CSS only), labelled in the UI's language. */
export function navMenu(version: string, currentPath: string, lang: UiLang = 'en'): VElement {
  return h('nav', { class: 'fmc-nav', 'aria-label': 'Main' }, [
    list(navItems(version), currentPath, 'menu', lang),
  ]);
}

/** The label of the menu entry that links to `path`, for its placeholder page. */
export function navLabel(version: string, path: string): string | undefined {
  const search = (items: readonly NavItem[]): string | undefined => {
    for (const item of items) {
      if (!item.children && item.href === path) return item.label;
      const found = item.children && search(item.children);
      if (found) return found;
    }
    return undefined;
  };
  return search(navItems(version));
}

function list(items: readonly NavItem[], currentPath: string, className: string, lang: UiLang): VElement {
  return h(
    'ul',
    { class: className },
    items.map((item) => {
      const link: Attrs = {
        href: item.href,
        'aria-haspopup': item.children ? 'true' : undefined,
        'aria-current': !item.children && item.href === currentPath ? 'page' : undefined,
      };
      return h('li', { class: item.children ? 'has-menu' : undefined }, [
        h('a', link, sayLabel(item.label, lang)),
        item.children && list(item.children, currentPath, 'submenu', lang),
      ]);
    }),
  );
}
