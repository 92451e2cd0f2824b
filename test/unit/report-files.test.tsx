// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { downloadText, exportFileName } from '../../components/report/export-file';
import { resolveHealthPolicyOffPage } from '../../lib/page/health-policy';
import { readHealthPolicyOverride, writeHealthPolicyOverride } from '../../lib/platform/storage';
import { reportOrigin, reportPath } from '../../lib/protocol/report-url';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('export file names', () => {
  it('are fmc-cloud-doctor-<host>-<yyyy-mm-dd> in local time, without the port', () => {
    const day = new Date(2025, 0, 5, 23, 59);
    expect(exportFileName('https://fmc.example.com:8443', 'json', day)).toBe(
      'fmc-cloud-doctor-fmc.example.com-2025-01-05.json',
    );
    expect(exportFileName('http://10.1.2.3', 'md', day)).toBe('fmc-cloud-doctor-10.1.2.3-2025-01-05.md');
  });

  it('keep only safe characters from an IPv6 host', () => {
    expect(exportFileName('https://[fd00::1]', 'json', new Date(2025, 11, 31))).toBe(
      'fmc-cloud-doctor-fd00-1-2025-12-31.json',
    );
  });
});

describe('downloadText', () => {
  it('downloads through a Blob link with the file name, then lets the link go', () => {
    vi.useFakeTimers();
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    downloadText('report.json', '{"a":1}', 'application/json');
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('application/json');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toBe('report.json');
    expect(clicks[0]?.href).toBe('blob:fake');
    expect(clicks[0]?.isConnected).toBe(false);
    expect(revoked).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(revoked).toHaveBeenCalledWith('blob:fake');
  });
});

describe('report address', () => {
  it('round-trips an FMC origin through ?fmc=', () => {
    const origin = 'https://10.0.0.5:8443';
    const path = reportPath(origin);
    expect(path).toBe('/report.html?fmc=https%3A%2F%2F10.0.0.5%3A8443');
    expect(reportOrigin(path.slice(path.indexOf('?')))).toBe(origin);
  });

  it('keeps only the origin, and refuses what is not an http(s) FMC', () => {
    expect(reportOrigin('?fmc=https%3A%2F%2Ffmc.example.com%2Fddd%2F%23Health')).toBe(
      'https://fmc.example.com',
    );
    expect(reportOrigin('?fmc=fmc.example.com')).toBe('https://fmc.example.com');
    expect(reportOrigin('')).toBeNull();
    expect(reportOrigin('?fmc=')).toBeNull();
    expect(reportOrigin('?fmc=javascript%3Aalert(1)')).toBeNull();
    expect(reportOrigin('?fmc=file%3A%2F%2F%2Fetc%2Fpasswd')).toBeNull();
  });
});

describe('health policy link', () => {
  // As the report does it (FleetView): the user's address for this FMC, then the rule the hints use too.
  const healthPolicyLink = async (origin: string, version: string) =>
    resolveHealthPolicyOffPage(origin, version, await readHealthPolicyOverride(`${origin}/*`));

  it('uses the address the user set for this FMC', async () => {
    await writeHealthPolicyOverride('https://fmc.example.com/*', 'https://fmc.example.com/health/policy');
    expect(await healthPolicyLink('https://fmc.example.com', '7.4.1')).toEqual({
      url: 'https://fmc.example.com/health/policy',
      guessed: false,
    });
  });

  it('ignores an address on another origin and guesses by version, marked as a guess', async () => {
    await writeHealthPolicyOverride('https://fmc.example.com/*', 'https://evil.example.net/health');
    expect(await healthPolicyLink('https://fmc.example.com', '7.4.1')).toEqual({
      url: 'https://fmc.example.com/ddd/#HealthPolicy',
      guessed: true,
    });
    expect((await healthPolicyLink('https://fmc.example.com', '6.7.0')).url).toBe(
      'https://fmc.example.com/health/policy',
    );
    expect((await healthPolicyLink('https://fmc.example.com', 'unknown')).url).toBe(
      'https://fmc.example.com/ddd/#HealthPolicy',
    );
  });
});
