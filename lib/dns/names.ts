/**
 * Host names as the admin types or pastes them: from the alert text, a curl line, a URL. Only plain DNS names
 * are looked up; anything else gets a reason the UI can explain instead of a confusing resolver error.
 */
export type HostNameProblem = 'empty' | 'url' | 'ip' | 'spaces' | 'too-long' | 'bad-label';

export type HostNameCheck = { ok: true; name: string } | { ok: false; problem: HostNameProblem };

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// Bracketed, or at least two colons (one colon is host:port), with an optional embedded IPv4 tail.
const IPV6 = /^\[[0-9a-f:.]+\]$|^[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*$/i;

/** Lower case without the trailing dot: DNS names compare case-insensitively and `x.` is `x`. */
export function canonicalName(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}

export function checkHostName(input: string): HostNameCheck {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, problem: 'empty' };
  if (IPV6.test(trimmed)) return { ok: false, problem: 'ip' };
  if (/[/?#@]|:\/\//.test(trimmed) || trimmed.includes(':')) return { ok: false, problem: 'url' };
  if (/\s/.test(trimmed)) return { ok: false, problem: 'spaces' };
  let name = canonicalName(trimmed);
  if (IPV4.test(name)) return { ok: false, problem: 'ip' };
  // Internationalised names go on the wire as punycode; the URL parser does that conversion for us.
  if (/[^\x20-\x7e]/.test(name)) {
    try {
      name = new URL(`http://${name}/`).hostname;
    } catch {
      return { ok: false, problem: 'bad-label' };
    }
  }
  if (name.length > 253) return { ok: false, problem: 'too-long' };
  const labels = name.split('.');
  if (!labels.every((label) => LABEL.test(label))) return { ok: false, problem: 'bad-label' };
  // A name whose last label is all digits is read as an address by browsers, never resolved.
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return { ok: false, problem: 'bad-label' };
  return { ok: true, name };
}

const PROBLEM_DETAIL: Record<HostNameProblem, string> = {
  empty: 'no name given',
  url: 'a URL or host:port, not a host name',
  ip: 'an IP address, not a host name',
  spaces: 'contains spaces',
  'too-long': 'longer than 253 characters',
  'bad-label':
    'a label is empty, too long (over 63) or has characters other than letters, digits and hyphens',
};

export function describeHostNameProblem(problem: HostNameProblem): string {
  return PROBLEM_DETAIL[problem];
}
