import type { DnsErrorCode, DnsLookupResult } from './types';

/**
 * The lookup as `nslookup` prints it, so the panel reads like the TAC note's healthy output and an admin can
 * paste it into a case. Spacing follows the knowledge base's sample; the resolver label stands in for the
 * DNS server address nslookup shows.
 */
const FAILURE_LINES: Record<DnsErrorCode, (result: DnsLookupResult) => string> = {
  refused: (r) => `** server can't find ${r.name}: REFUSED`,
  servfail: (r) => `** server can't find ${r.name}: SERVFAIL`,
  timeout: () => ';; connection timed out; no servers could be reached',
  unreachable: (r) => `;; communications error to ${r.resolver.label}${detail(r)}`,
  'http-status': (r) => `;; ${r.resolver.label} answered HTTP ${r.error?.httpStatus ?? '3xx (redirect)'}`,
  'bad-response': (r) => `;; invalid answer from ${r.resolver.label}${detail(r)}`,
  'invalid-name': (r) => `*** invalid host name: ${r.name}${detail(r)}`,
  'not-allowed': (r) => `;; resolver not allowed: ${r.resolver.label}${detail(r)}`,
};

function detail(result: DnsLookupResult): string {
  return result.error?.message ? `: ${result.error.message}` : '';
}

export function formatNslookup(result: DnsLookupResult, options: { time?: boolean } = {}): string {
  const lines = [`Server:    ${result.resolver.label}`, ''];
  const chainLines = result.cnameChain.slice(1).map((target, i) => {
    return `${result.cnameChain[i]} canonical name = ${target}.`;
  });
  const addressLines = result.answers
    .filter((answer) => answer.type === 'A')
    .concat(result.answers.filter((answer) => answer.type === 'AAAA'))
    .flatMap((answer) => [`Name: ${answer.name}`, `Address: ${answer.data}`]);

  switch (result.status) {
    case 'ok':
      lines.push('Non-authoritative answer:', ...chainLines, ...addressLines);
      break;
    case 'no-data':
      if (chainLines.length) lines.push('Non-authoritative answer:', ...chainLines, '');
      lines.push(`*** Can't find ${result.name}: No answer`);
      break;
    case 'nxdomain':
      lines.push(`** server can't find ${result.name}: NXDOMAIN`);
      break;
    case 'error':
      lines.push(FAILURE_LINES[result.error?.code ?? 'bad-response'](result));
      break;
  }
  if (options.time ?? true) lines.push('', `;; Query time: ${result.ms} msec`);
  return lines.join('\n');
}
