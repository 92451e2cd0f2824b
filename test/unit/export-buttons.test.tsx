// @vitest-environment happy-dom
/**
 * The report's export buttons (issue 19): "Export in English" writes both files in English on a French page, the
 * files name the extension's version from its manifest, and an English page offers no such choice.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ExportButtons } from '../../components/report/ExportButtons';
import { diagnose } from '../../lib/diagnose';
import type { Lang } from '../../lib/i18n';
import { branchFleet } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

const DIAGNOSIS = diagnose(branchFleet());
let container: HTMLElement;
let saved: Blob[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  saved = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    saved.push(blob as Blob);
    return 'blob:fake';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

function show(lang: Lang, version: string | null = '9.9.9') {
  stubI18n(lang);
  fakeBrowser.i18n.getUILanguage = () => (lang === 'fr' ? 'fr-FR' : 'en-US');
  fakeBrowser.runtime.getManifest = () => {
    if (version === null) throw new Error('no manifest');
    return { manifest_version: 3, name: 'FMC Cloud Doctor', version };
  };
  render(
    <ExportButtons
      origin="https://fmc.example.net"
      diagnosis={DIAGNOSIS}
      finishedAt={Date.parse('2025-03-01T10:00:00Z')}
      lang={lang}
    />,
    container,
  );
}

const button = (name: string) =>
  [...container.querySelectorAll('button')].find((candidate) => candidate.textContent === name);

async function click(element: HTMLElement | null | undefined): Promise<string> {
  expect(element).toBeTruthy();
  const before = saved.length;
  await act(() => element?.click());
  expect(saved).toHaveLength(before + 1);
  return (saved.at(-1) as Blob).text();
}

describe('ExportButtons', () => {
  it('on a French page, exports French by default and English when "Export in English" is checked', async () => {
    show('fr');
    const markdown = await click(button('Exporter en Markdown'));
    expect(markdown).toContain('## Résumé');
    expect(markdown).toContain('- **Exporté par :** FMC Cloud Doctor 9.9.9');
    // The JSON's texts are words too: French on a French page (the positive control of the check below).
    expect(await click(button('Exporter en JSON'))).toMatch(/équipement/i);

    const english = container.querySelector<HTMLInputElement>('[data-testid="export-english"]');
    expect(english?.closest('label')?.textContent).toContain('Exporter en anglais');
    await act(() => english?.click());
    expect(english?.checked).toBe(true);

    const markdownEn = await click(button('Exporter en Markdown'));
    expect(markdownEn).toContain('## Summary');
    expect(markdownEn).toContain('## Failing devices (4)');
    expect(markdownEn).toContain('- **Exported by:** FMC Cloud Doctor 9.9.9');
    expect(markdownEn).not.toMatch(/Résumé|Équipements|Étape|Pourquoi/);

    const json = JSON.parse(await click(button('Exporter en JSON')));
    expect(json.exportedBy).toEqual({ name: 'FMC Cloud Doctor', version: '9.9.9' });
    expect(JSON.stringify(json)).not.toMatch(/équipement/i);
  });

  it('on an English page, offers no such choice and exports English', async () => {
    show('en');
    expect(container.querySelector('[data-testid="export-english"]')).toBeNull();
    // The positive control: the buttons are there.
    const markdown = await click(button('Export Markdown'));
    expect(markdown).toContain('## Summary');
  });

  it('says the version is unknown where the manifest cannot be read', async () => {
    show('en', null);
    const markdown = await click(button('Export Markdown'));
    expect(markdown).toContain('- **Exported by:** FMC Cloud Doctor (version unknown)');
    expect(JSON.parse(await click(button('Export JSON'))).exportedBy).toBeUndefined();
  });
});
