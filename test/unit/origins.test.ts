import { describe, expect, it } from 'vitest';
import {
  isFmcPattern,
  isPlainHttpRemote,
  labelForPattern,
  patternForUrl,
  patternFromUserInput,
} from '../../lib/origins';

describe('patternForUrl', () => {
  it.each([
    ['https://fmc.example.com/ddd/#MonitorHealth', 'https://fmc.example.com/*'],
    ['http://fmc.example.com/', 'http://fmc.example.com/*'],
    ['https://fmc.example.com:8443/ddd/', 'https://fmc.example.com/*'],
    ['http://10.0.0.5:8080/health', 'http://10.0.0.5/*'],
    ['https://user:secret@fmc.example.com/', 'https://fmc.example.com/*'],
  ])('drops the path, credentials and port of %s', (url, pattern) => {
    expect(patternForUrl(url)).toBe(pattern);
  });

  it('keeps the scheme apart: http and https are two origins', () => {
    expect(patternForUrl('http://fmc.example.com/')).not.toBe(patternForUrl('https://fmc.example.com/'));
  });

  it.each([
    ['http://[::1]:8443', 'http://[::1]/*'],
    ['https://[2001:DB8::1]:443/ddd/', 'https://[2001:db8::1]/*'],
    ['https://[::ffff:10.0.0.5]/', 'https://[::ffff:a00:5]/*'],
  ])('keeps the brackets of the IPv6 host of %s', (url, pattern) => {
    expect(patternForUrl(url)).toBe(pattern);
    expect(isFmcPattern(pattern)).toBe(true);
  });

  it('lower-cases the host', () => {
    expect(patternForUrl('HTTPS://FMC.Example.COM:8443/DDD/')).toBe('https://fmc.example.com/*');
  });

  it.each([
    'file:///etc/passwd',
    'chrome://settings/',
    'chrome-extension://abcdef/popup.html',
    'moz-extension://0b0e1c2d/popup.html',
    'about:blank',
    'data:text/html,<p>x</p>',
    'javascript:alert(1)',
    'blob:https://fmc.example.com/5c4a',
    'ftp://fmc.example.com/',
    'view-source:https://fmc.example.com/',
    'garbage',
    'https://',
    '',
  ])('is null for %j', (url) => {
    expect(patternForUrl(url)).toBeNull();
  });

  it('is null for a missing URL', () => {
    expect(patternForUrl(undefined)).toBeNull();
    expect(patternForUrl(null)).toBeNull();
  });

  it('never yields a wildcard host, which would grant every site', () => {
    expect(patternForUrl('https://*/')).toBeNull();
    expect(patternForUrl('https://*.example.com/')).toBeNull();
  });
});

describe('patternFromUserInput', () => {
  it.each([
    ['fmc.example.com', 'https://fmc.example.com/*'],
    ['fmc.example.com:8443', 'https://fmc.example.com/*'],
    ['10.0.0.5', 'https://10.0.0.5/*'],
    ['localhost:8443', 'https://localhost/*'],
    ['[::1]:8443', 'https://[::1]/*'],
    ['  FMC.Example.com/ddd/  ', 'https://fmc.example.com/*'],
  ])('reads %j without a scheme as https', (input, pattern) => {
    expect(patternFromUserInput(input)).toBe(pattern);
  });

  it.each([
    ['http://fmc.example.com:8080/', 'http://fmc.example.com/*'],
    ['HTTPS://fmc.example.com', 'https://fmc.example.com/*'],
  ])('keeps the scheme the user typed in %j', (input, pattern) => {
    expect(patternFromUserInput(input)).toBe(pattern);
  });

  it.each([
    '',
    '   ',
    'ftp://fmc.example.com',
    'file:///tmp/x',
    'chrome://extensions',
    '::1',
    '*',
    '*.example.com',
  ])('refuses %j', (input) => {
    expect(patternFromUserInput(input)).toBeNull();
  });
});

describe('isFmcPattern', () => {
  it.each(['https://fmc.example.com/*', 'http://10.0.0.5/*', 'http://[::1]/*'])('accepts %s', (pattern) => {
    expect(isFmcPattern(pattern)).toBe(true);
  });

  it.each([
    '<all_urls>',
    '*://*/*',
    'https://*/*',
    'http://*/*',
    '*://fmc.example.com/*',
    'https://*.example.com/*',
    'https://fmc.example.com/ddd/*',
    'https://fmc.example.com/',
    'ftp://fmc.example.com/*',
    'file:///*',
  ])('rejects %s', (pattern) => {
    expect(isFmcPattern(pattern)).toBe(false);
  });
});

describe('labels', () => {
  it('labels a pattern by its scheme and host', () => {
    expect(labelForPattern('https://fmc.example.com/*')).toBe('https://fmc.example.com');
    expect(labelForPattern('http://[::1]/*')).toBe('http://[::1]');
  });
});

describe('plain-HTTP FMCs on another machine', () => {
  it.each([
    ['http://fmc.example.com', true],
    ['http://10.1.2.3:8080', true],
    ['http://127.0.0.1:8080', false],
    ['http://127.9.9.9', false],
    ['http://localhost', false],
    ['http://fmc.localhost', false],
    ['http://[::1]:8443', false],
    ['https://fmc.example.com', false],
    ['not a url', false],
  ])('%s → %s', (origin, expected) => {
    expect(isPlainHttpRemote(origin)).toBe(expected);
  });
});
