// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { HintProps } from '../../components/hint/Hint';
import type { ResolvedEntry } from '../../components/hint/HintDetails';
import { mountHint } from '../../components/hint/mount';
import { bugUrl, entryById } from '../../lib/knowledge';
import { resolveLang } from '../../lib/knowledge/resolve';
import type { MountedHint } from '../../lib/page/hint-controller';
import { stubI18n } from './support/i18n-stub';

const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';

/** A resolved sentence of advice (issue 18): its text and its sources. */
const said = (text: string) => ({ text, sources: [{ kind: 'seed' as const }], lang: 'en' as const });

const ENTRY: ResolvedEntry = {
  id: 'cloud-configuration',
  match: {
    modules: ['Threat Data Updates on Devices', 'Threat Data Updates'],
    dataType: 'Cisco Cloud Configuration',
    results: ['Failure', 'Failed'],
  },
  confidence: 'documented',
  title: 'Cisco Cloud Configuration — Failure',
  summary: said('The device cannot reach SSE.'),
  meaning: [
    said('The managed device cannot reach Security Services Exchange.'),
    said('The message is generic.'),
  ],
  sections: [
    {
      id: 'scenario-1',
      title: 'Scenario 1 — cloud integration is off',
      when: said('You use no Cisco cloud service.'),
      paragraphs: [said('Nothing is broken: switch the alert off.')],
      action: 'open-health-policy',
    },
    {
      id: 'scenario-2',
      title: 'Scenario 2 — cloud integration is on',
      steps: [
        {
          text: said('Check the DNS of the device.'),
          commands: [
            {
              command: 'show network',
              shell: 'cli',
              purpose: said('Show the DNS servers.'),
              lookFor: said('A DNS Servers line.'),
              healthyOutput: 'DNS Servers : 10.0.0.53',
            },
            {
              command: 'curl -v -k https://api-sse.cisco.com',
              shell: 'expert',
              purpose: said('Check HTTPS.'),
            },
          ],
        },
      ],
      bugs: [{ id: 'CSCvr46845', title: 'The alert message is generic.' }],
      sections: [
        { id: 'proxy', title: 'Behind a proxy', paragraphs: [said('Configure the proxy on the FMC.')] },
      ],
    },
  ],
  links: [
    { label: 'TAC troubleshooting note', url: 'https://www.cisco.com/c/en/us/support/docs/tac-note.html' },
  ],
};

let i18n: ReturnType<typeof stubI18n>;
let anchor: HTMLElement;
const mounted: MountedHint[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  i18n = stubI18n('en');
  document.body.innerHTML =
    '<table><tbody><tr><td id="cell">Threat Data Updates - Cisco Cloud Configuration - Failure</td></tr></tbody></table>';
  anchor = document.getElementById('cell') as HTMLElement;
});

afterEach(() => {
  for (const hint of mounted.splice(0)) hint.unmount();
  vi.restoreAllMocks();
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function mount(overrides: Partial<HintProps> = {}) {
  const props: HintProps = {
    entryId: 'cloud-configuration',
    loadEntry: vi.fn(async () => ENTRY),
    healthPolicy: vi.fn(() => ({ url: 'https://fmc.example.com/ddd/#HealthPolicy', guessed: false })),
    ...overrides,
  };
  let hint: MountedHint | undefined;
  await act(() => {
    hint = mountHint(anchor, props);
  });
  if (!hint) throw new Error('mountHint returned nothing');
  mounted.push(hint);
  const root = hint.host.shadowRoot;
  if (!root) throw new Error('no open shadow root');
  const toggle = root.querySelector('button.badge') as HTMLButtonElement;
  return { hint, props, root, toggle };
}

async function click(element: Element | null) {
  if (!element) throw new Error('nothing to click');
  await act(async () => {
    (element as HTMLElement).click();
  });
}

/** Lets pending promises (the entry load) settle and Preact re-render. */
const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

async function pressEscape(target: Element) {
  const event = new KeyboardEvent('keydown', {
    key: 'Escape',
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  await act(() => {
    target.dispatchEvent(event);
  });
}

const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((element) => element.textContent?.trim());

describe('mountHint', () => {
  it('puts an open shadow root host, tagged with the entry id, inside the anchor', async () => {
    const { hint } = await mount();
    expect(hint.host.localName).toBe('fmc-cloud-doctor-hint');
    expect(hint.host.parentElement).toBe(anchor);
    expect(hint.host.getAttribute('data-fmc-hint')).toBe('cloud-configuration');
    expect(hint.host.shadowRoot?.mode).toBe('open');
    expect(hint.host.shadowRoot?.querySelector('style')?.textContent).toContain(':host');
    // The page's own text is left as it was.
    expect(anchor.firstChild?.textContent).toBe('Threat Data Updates - Cisco Cloud Configuration - Failure');
  });

  it('renders the hint in the shadow root, not in the page', async () => {
    const { root } = await mount();
    expect(root.querySelector('button.badge')).not.toBeNull();
    expect(document.querySelector('button')).toBeNull();
    expect(anchor.querySelector('fmc-cloud-doctor-hint')?.children).toHaveLength(0);
  });

  it('unmount removes the host and empties the shadow root', async () => {
    const { hint, root } = await mount();
    await act(() => hint.unmount());
    expect(hint.host.isConnected).toBe(false);
    expect(anchor.querySelector('[data-fmc-hint]')).toBeNull();
    expect(root.querySelector('button')).toBeNull();
  });
});

describe('collapsed hint', () => {
  it('shows only a toggle, collapsed, and loads nothing', async () => {
    const { root, toggle, props } = await mount();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('title')).toBe(i18n.text('hintBadgeTitle'));
    expect(toggle.textContent).toContain(i18n.text('hintBadge'));
    expect(root.querySelector('section')).toBeNull();
    expect(root.querySelector('h2')).toBeNull();
    expect(props.loadEntry).not.toHaveBeenCalled();
    expect(props.healthPolicy).not.toHaveBeenCalled();
  });
});

describe('expanding', () => {
  it('loads the entry once, by id, and shows a status while it loads', async () => {
    const load = deferred<ResolvedEntry | null>();
    const loadEntry = vi.fn(() => load.promise);
    const { root, toggle } = await mount({ loadEntry });

    await click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // The chip keeps its words open or closed: the FMC's line never moves (issue 19).
    expect(toggle.textContent).toContain(i18n.text('hintBadge'));
    expect(loadEntry).toHaveBeenCalledExactlyOnceWith('cloud-configuration');
    const panel = root.querySelector('section.panel');
    expect(panel?.id).toBe(toggle.getAttribute('aria-controls'));
    expect(panel?.getAttribute('aria-label')).toBe(i18n.text('hintRegionLabel'));
    expect(root.querySelector('[role=status]')?.textContent).toBe(i18n.text('hintLoading'));

    await act(async () => {
      load.resolve(ENTRY);
      await load.promise;
    });
    expect(root.querySelector('h2')?.textContent).toBe(ENTRY.title);
  });

  it('renders the title, meaning, scenarios and commands of the entry', async () => {
    const { root, toggle } = await mount();
    await click(toggle);
    await settle();

    expect(root.querySelector('h2')?.textContent).toBe('Cisco Cloud Configuration — Failure');
    const text = root.textContent ?? '';
    for (const meaning of ENTRY.meaning) expect(text).toContain(meaning.text);
    expect(texts(root, 'section[data-section] > h3')).toEqual([
      'Scenario 1 — cloud integration is off',
      'Scenario 2 — cloud integration is on',
    ]);
    expect(texts(root, 'section[data-section] h4')).toEqual(['Behind a proxy']);
    expect(root.querySelector('[data-section="scenario-1"] .when')?.textContent).toBe(
      `${i18n.text('hintWhen')} You use no Cisco cloud service. ${i18n.text('adviceSourceLabel')} ${i18n.text('adviceSourceSeed')}`,
    );
    expect(text).toContain('Nothing is broken: switch the alert off.');
    expect(text).toContain('Check the DNS of the device.');
    expect(texts(root, '.command > code')).toEqual(['show network', 'curl -v -k https://api-sse.cisco.com']);
    expect(texts(root, '.command .shell')).toEqual([i18n.text('hintShellCli'), i18n.text('hintShellExpert')]);
    expect(text).toContain(`${i18n.text('fmcExpected')} A DNS Servers line.`);
    expect(root.querySelector('.command pre')?.textContent).toBe('DNS Servers : 10.0.0.53');
    expect(text).toContain('Configure the proxy on the FMC.');
    expect(text).not.toContain(i18n.text('hintHedged'));
  });

  it('links bugs and references in a new tab, without opener', async () => {
    const { root, toggle } = await mount();
    await click(toggle);
    await settle();

    const bug = [...root.querySelectorAll('a')].find((a) => a.textContent === 'CSCvr46845');
    expect(bug?.getAttribute('href')).toBe(bugUrl('CSCvr46845'));
    const reference = [...root.querySelectorAll('a')].find(
      (a) => a.textContent === 'TAC troubleshooting note',
    );
    expect(reference?.getAttribute('href')).toBe(ENTRY.links[0]?.url);
    for (const link of [bug, reference]) {
      expect(link?.getAttribute('target')).toBe('_blank');
      expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('says when the advice is hedged', async () => {
    const { root, toggle } = await mount({
      loadEntry: vi.fn(async () => ({ ...ENTRY, confidence: 'hedged' as const })),
    });
    await click(toggle);
    await settle();
    expect(root.querySelector('.hedged')?.textContent).toBe(i18n.text('hintHedged'));
  });

  it('does not load the entry again on a second expansion', async () => {
    const { root, toggle, props } = await mount();
    await click(toggle);
    await settle();
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('section.panel')).toBeNull();

    await click(toggle);

    expect(props.loadEntry).toHaveBeenCalledOnce();
    expect(root.querySelector('h2')?.textContent).toBe(ENTRY.title);
  });

  it('shows the localized failure text when the load rejects', async () => {
    const { root, toggle } = await mount({
      loadEntry: vi.fn(async () => Promise.reject(new Error('no background'))),
    });
    await click(toggle);
    await settle();
    expect(root.querySelector('[role=status]')?.textContent).toBe(
      'The explanation could not be loaded. Reload the page and try again.',
    );
    expect(root.querySelector('h2')).toBeNull();
  });

  it('shows the failure text when the background knows no such entry', async () => {
    const { root, toggle } = await mount({ loadEntry: vi.fn(async () => null) });
    await click(toggle);
    await settle();
    expect(root.querySelector('[role=status]')?.textContent).toBe(i18n.text('hintLoadFailed'));
  });
});

describe('collapsing', () => {
  it('Escape inside the panel collapses it and puts the focus back on the toggle', async () => {
    const { root, toggle } = await mount();
    await click(toggle);
    await settle();
    const link = root.querySelector('a[data-action="open-health-policy"]') as HTMLElement;
    link.focus();

    await pressEscape(link);

    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('section.panel')).toBeNull();
    expect(root.activeElement).toBe(toggle);
  });

  it("keeps that Escape from the page's own handlers", async () => {
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    try {
      const { root, toggle } = await mount();
      await click(toggle);
      await pressEscape(root.querySelector('button.close') as Element);
      expect(pageHandler).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', pageHandler);
    }
  });

  it('lets Escape through to the page while collapsed', async () => {
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    try {
      const { toggle } = await mount();
      await pressEscape(toggle);
      expect(pageHandler).toHaveBeenCalledOnce();
    } finally {
      document.removeEventListener('keydown', pageHandler);
    }
  });

  it('the close button collapses the panel', async () => {
    const { root, toggle } = await mount();
    await click(toggle);
    const close = root.querySelector('button.close');
    expect(close?.getAttribute('aria-label')).toBe(i18n.text('hintCollapse'));
    await click(close);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.activeElement).toBe(toggle);
  });
});

describe('health policy action', () => {
  it('links to the address healthPolicy() gives, in the top frame', async () => {
    const healthPolicy = vi.fn(() => ({
      url: 'https://fmc.example.com/custom/health-policy',
      guessed: false,
    }));
    const { root, toggle } = await mount({ healthPolicy });
    await click(toggle);
    await settle();

    const links = root.querySelectorAll('a[data-action="open-health-policy"]');
    expect(links).toHaveLength(1);
    const link = links[0] as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://fmc.example.com/custom/health-policy');
    expect(link.getAttribute('target')).toBe('_top');
    expect(link.textContent).toBe(i18n.text('hintOpenHealthPolicy'));
    expect(link.closest('[data-section]')?.getAttribute('data-section')).toBe('scenario-1');
    expect(root.textContent).not.toContain(i18n.text('hintOpenHealthPolicyGuess'));
  });

  it('says when the address is a guess', async () => {
    const { root, toggle } = await mount({
      healthPolicy: () => ({ url: 'https://fmc.example.com/ddd/#HealthPolicy', guessed: true }),
    });
    await click(toggle);
    await settle();
    expect(root.textContent).toContain(i18n.text('hintOpenHealthPolicyGuess'));
  });
});

describe('hostile text', () => {
  it('renders entry text as text, never as markup', async () => {
    const hostile: ResolvedEntry = {
      ...ENTRY,
      title: `Title ${HOSTILE}`,
      meaning: [said(`Meaning ${HOSTILE}`)],
      sections: [
        {
          id: 'evil',
          title: HOSTILE,
          when: said(HOSTILE),
          paragraphs: [said(HOSTILE)],
          steps: [
            {
              text: said(HOSTILE),
              commands: [{ command: `echo ${HOSTILE}`, shell: 'cli', purpose: said(HOSTILE) }],
            },
          ],
          table: { head: [HOSTILE], rows: [[{ text: HOSTILE }, { code: [HOSTILE] }]] },
          bugs: [{ id: 'CSCvr46845', title: HOSTILE }],
        },
      ],
      links: [{ label: HOSTILE, url: 'https://www.cisco.com/' }],
    };
    const { root, toggle } = await mount({ loadEntry: vi.fn(async () => hostile) });
    await click(toggle);
    await settle();

    expect(root.querySelector('h2')?.textContent).toBe(`Title ${HOSTILE}`);
    expect(root.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(root.querySelector('[onerror]')).toBeNull();
    expect((root.textContent ?? '').split(HOSTILE).length - 1).toBeGreaterThanOrEqual(10);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('copy buttons', () => {
  async function expanded() {
    const view = await mount();
    await click(view.toggle);
    await settle();
    const button = view.root.querySelector('.command button.copy') as HTMLButtonElement;
    const status = () => button.parentElement?.querySelector('.status')?.textContent;
    return { ...view, button, status };
  }

  it('name the command they copy', async () => {
    const { button } = await expanded();
    expect(button.getAttribute('aria-label')).toBe('Copy the command show network');
    expect(button.textContent).toBe(i18n.text('hintCopy'));
  });

  it('copy the exact command and say so', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const { button, status } = await expanded();
    expect(status()).toBe('');
    await click(button);
    await settle();
    expect(writeText).toHaveBeenCalledExactlyOnceWith('show network');
    expect(status()).toBe(i18n.text('hintCopied'));
  });

  it('fall back to a selected textarea where the async clipboard is refused (plain http)', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('denied', 'NotAllowedError'),
    );
    const { button, status, root } = await expanded();
    const copied: (string | undefined)[] = [];
    const execCommand = vi.fn((command: string) => {
      // What the browser would copy: the textarea in place at that moment.
      copied.push(command === 'copy' ? root.querySelector('textarea')?.value : undefined);
      return true;
    });
    Object.assign(document, { execCommand });
    try {
      await click(button);
      await settle();
      expect(execCommand).toHaveBeenCalledExactlyOnceWith('copy');
      expect(copied).toEqual(['show network']);
      expect(status()).toBe(i18n.text('hintCopied'));
      expect(root.querySelector('textarea')).toBeNull();
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  it('say the copy failed when the fallback fails too', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    Object.assign(document, { execCommand: vi.fn(() => false) });
    try {
      const { button, status } = await expanded();
      await click(button);
      await settle();
      expect(status()).toBe(i18n.text('hintCopyFailed'));
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });
});

describe('a real knowledge entry', () => {
  it.each(['en', 'fr'] as const)('renders every section title of cloud-configuration in %s', async (lang) => {
    const source = entryById('cloud-configuration');
    if (!source) throw new Error('cloud-configuration missing');
    const entry = resolveLang(source, lang);
    const { root, toggle } = await mount({ loadEntry: vi.fn(async () => entry) });
    await click(toggle);
    await settle();

    expect(root.querySelector('h2')?.textContent).toBe(source.title[lang]);
    const headings = texts(root, 'section[data-section] > h3');
    expect(headings).toEqual(source.sections.map((section) => section.title[lang]));
    expect(root.querySelectorAll('.command').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('a[data-action="open-health-policy"]').length).toBeGreaterThan(0);
  });
});

describe('the row’s device (issue 10)', () => {
  const DEVICE = {
    id: 'dev-1',
    names: ['Branch FTD'],
    verdict: 'dns-missing' as const,
    label: 'No management DNS',
    icon: '!',
    watching: false,
  };
  const VIEW = {
    id: 'dev-1',
    name: 'Branch FTD',
    title: 'Branch FTD',
    verdict: 'dns-missing' as const,
    cause: 'No management DNS.',
    evidence: [],
    steps: [
      {
        id: 'fix' as const,
        steps: [
          {
            text: 'Set a DNS server.',
            sources: [{ kind: 'seed' as const }],
            commands: [
              {
                command: 'configure network dns servers 10.0.0.53',
                shell: 'cli' as const,
                expect: 'DNS Servers : 10.0.0.53',
              },
            ],
          },
        ],
      },
    ],
    why: [],
    watching: false,
    checkedAt: Date.parse('2026-03-04T05:06:07Z'),
  };
  const cell = {
    get: () => DEVICE,
    diagnosed: () => true,
    subscribe: () => () => undefined,
  };
  const loop = (answers: { recheck?: unknown; watch?: unknown } = {}) => ({
    loadDevice: vi.fn(async () => VIEW),
    recheck: vi.fn(async () => answers.recheck as never),
    watch: vi.fn(async () => answers.watch as never),
    openReport: vi.fn(),
  });

  it('re-checks from the panel’s head and says why it could not, there (issue 19: not on the FMC’s line)', async () => {
    const bridge = loop({ recheck: { ok: false, code: 'signed-out', message: 'Signed out of this FMC' } });
    const { root, toggle } = await mount({ device: cell, loop: bridge });
    expect(root.querySelector('button.recheck')).toBeNull();
    await click(toggle);
    const button = root.querySelector('.panel .head button.recheck') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe(i18n.text('hintRecheckLabel', 'Branch FTD'));
    await click(button);
    await settle();
    expect(bridge.recheck).toHaveBeenCalledExactlyOnceWith('dev-1');
    expect(root.querySelector('.panel .problem[role=status]')?.textContent).toBe('Signed out of this FMC');
    expect(button.disabled).toBe(false);
  });

  it('a re-check the background does not answer says so', async () => {
    const bridge = loop();
    bridge.recheck.mockRejectedValue(new Error('The background did not answer.'));
    const { root, toggle } = await mount({ device: cell, loop: bridge });
    await click(toggle);
    await click(root.querySelector('.panel .head button.recheck'));
    await settle();
    expect(root.querySelector('.panel .problem[role=status]')?.textContent).toBe(i18n.text('loopNoAnswer'));
  });

  it('watches from the panel, with the pages’ controls, and shows the fix’s Expected output', async () => {
    const bridge = loop({ watch: { ok: true, notify: false } });
    const { root, toggle } = await mount({ device: cell, loop: bridge });
    await click(toggle);
    await settle();
    const section = root.querySelector('section[data-section="device"]') as HTMLElement;
    expect(section.querySelector('[data-time="checked-at"]')).not.toBeNull();
    expect(section.querySelector('.command .expect')?.textContent).toContain('DNS Servers : 10.0.0.53');
    // The step says where its words come from (issue 18).
    expect(section.querySelector('.runbook [data-sources="seed"]')?.textContent).toContain(
      i18n.text('adviceSourceSeed'),
    );
    const watch = section.querySelector('button.watch') as HTMLButtonElement;
    expect(watch.getAttribute('aria-pressed')).toBe('false');
    await click(watch);
    await settle();
    expect(bridge.watch).toHaveBeenCalledExactlyOnceWith('dev-1', true);
    expect(section.querySelector('p[role=status]')?.textContent).toBe(i18n.text('hintWatchNoNotifications'));
  });
});
