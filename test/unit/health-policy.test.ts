import { describe, expect, it } from 'vitest';
import { resolveHealthPolicy } from '../../lib/page/health-policy';
import { loadHtml } from '../fixtures/detect/load';

const ORIGIN = 'https://fmc.example.com';
const PAGE = `${ORIGIN}:8443/ddd/#MonitorHealth`;
const NAV_LINK = `${ORIGIN}/ddd/#HealthPolicyFromMenu`;

const withMenu = () =>
  loadHtml(
    `<nav><ul><li><a href="#">System</a><ul>
       <li><a href="/ddd/#HealthPolicyFromMenu">Health Policy</a></li>
     </ul></li></ul></nav><main><p>Health Monitor</p></main>`,
    `${ORIGIN}/ddd/#MonitorHealth`,
  );
const withoutMenu = (extra = '') => loadHtml(`<main><p>Health Monitor</p></main>${extra}`, `${ORIGIN}/ddd/`);

/** A frame document whose top frame holds `top` (happy-dom gives every window its own top). */
function inFrame(frame: Document, top: Document | (() => Document)): Document {
  const view = frame.defaultView;
  const fakeTop = {
    get document() {
      return typeof top === 'function' ? top() : top;
    },
  };
  Object.defineProperty(frame, 'defaultView', { value: { ...view, top: fakeTop }, configurable: true });
  return frame;
}

describe('resolveHealthPolicy', () => {
  it("prefers the user's override on the FMC's own origin, over the page menu", () => {
    const target = resolveHealthPolicy(withMenu(), `${ORIGIN}/custom/health-policy`);
    expect(target).toEqual({ url: `${ORIGIN}/custom/health-policy`, guessed: false });
  });

  it('resolves an override given as a path against the FMC', () => {
    const target = resolveHealthPolicy(withoutMenu(), '/ddd/#HealthPolicy/edit');
    expect(target).toEqual({ url: `${ORIGIN}/ddd/#HealthPolicy/edit`, guessed: false });
  });

  it('keeps the port of the page: an override for another port of the same host is another origin', () => {
    const doc = loadHtml('<main></main>', PAGE);
    expect(resolveHealthPolicy(doc, `${ORIGIN}:8443/custom`)).toEqual({
      url: `${ORIGIN}:8443/custom`,
      guessed: false,
    });
    expect(resolveHealthPolicy(doc, `${ORIGIN}/custom`).url).not.toBe(`${ORIGIN}/custom`);
  });

  it.each([
    ['another host', 'https://evil.example.net/health'],
    ['another scheme', 'http://fmc.example.com/custom/health-policy'],
    ['a look-alike host', 'https://fmc.example.com.evil.test/custom'],
    ['a javascript: URL', 'javascript:alert(document.cookie)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a protocol-relative URL', '//evil.example.net/health'],
    ['an unparsable URL', 'https://[broken'],
  ])('ignores an override on %s and uses the page menu', (_, override) => {
    expect(resolveHealthPolicy(withMenu(), override)).toEqual({ url: NAV_LINK, guessed: false });
  });

  it('uses the link of the FMC menu when there is no override', () => {
    expect(resolveHealthPolicy(withMenu(), undefined)).toEqual({ url: NAV_LINK, guessed: false });
    expect(resolveHealthPolicy(withMenu(), '')).toEqual({ url: NAV_LINK, guessed: false });
  });

  it('falls back to the route of the newest FMC, marked as a guess', () => {
    expect(resolveHealthPolicy(withoutMenu(), undefined)).toEqual({
      url: `${ORIGIN}/ddd/#HealthPolicy`,
      guessed: true,
    });
  });

  it('guesses by the version the page shows', () => {
    const doc = withoutMenu('<footer>Version 6.6.5 (build 81)</footer>');
    expect(resolveHealthPolicy(doc, undefined)).toEqual({ url: `${ORIGIN}/health/policy`, guessed: true });
  });

  it('guesses after refusing a foreign override', () => {
    expect(resolveHealthPolicy(withoutMenu(), 'https://evil.example.net/')).toEqual({
      url: `${ORIGIN}/ddd/#HealthPolicy`,
      guessed: true,
    });
  });

  describe('in a frame', () => {
    it("uses the top frame's menu when it is on the same origin", () => {
      const frame = inFrame(withoutMenu(), withMenu());
      expect(resolveHealthPolicy(frame, undefined)).toEqual({ url: NAV_LINK, guessed: false });
    });

    it("ignores a top frame's menu on another origin", () => {
      const foreignTop = loadHtml(
        '<a href="/ddd/#HealthPolicyFromMenu">Health Policy</a>',
        'https://portal.example.net/',
      );
      const frame = inFrame(withoutMenu(), foreignTop);
      expect(resolveHealthPolicy(frame, undefined)).toEqual({
        url: `${ORIGIN}/ddd/#HealthPolicy`,
        guessed: true,
      });
    });

    it('guesses when the top frame cannot be read (cross-origin)', () => {
      const frame = inFrame(withoutMenu(), () => {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      });
      expect(resolveHealthPolicy(frame, undefined)).toEqual({
        url: `${ORIGIN}/ddd/#HealthPolicy`,
        guessed: true,
      });
    });

    it("prefers the frame's own menu to the top frame's", () => {
      const top = loadHtml('<a href="/other/#HealthPolicyTop">Health Policy</a>', `${ORIGIN}/`);
      const frame = inFrame(withMenu(), top);
      expect(resolveHealthPolicy(frame, undefined)).toEqual({ url: NAV_LINK, guessed: false });
    });
  });
});
