import { describe, expect, it } from 'vitest';
import { detectFmcVersion } from '../../lib/detect';
import { loadFixture, loadHtml } from '../fixtures/detect/load';

describe('detectFmcVersion', () => {
  it('reads the footer', () => {
    expect(detectFmcVersion(loadFixture('nav-nested-lists.html'))).toBe('7.2.4');
  });

  it('reads a hidden about dialog and never the devices table', () => {
    expect(detectFmcVersion(loadFixture('version.html'))).toBe('7.4.1.1');
  });

  it('reads a version meta tag first', () => {
    const doc = loadHtml(
      '<head><meta name="fmc-version" content="v7.6.0 (build 113)"></head><footer>Version 7.2.4</footer>',
    );
    expect(detectFmcVersion(doc)).toBe('7.6.0');
  });

  it('is null when the page does not say', () => {
    expect(detectFmcVersion(loadFixture('classic-table.html'))).toBeNull();
    expect(detectFmcVersion(loadHtml('<footer>Copyright 2024 Cisco</footer>'))).toBeNull();
  });
});
