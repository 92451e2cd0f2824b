import { type DnsLookupResult, describeLookup, formatNslookup, lookupOutcome } from '../../lib/dns';
import type { Lang } from '../../lib/i18n';
import { t } from '../i18n';

const STATE_TEXT = {
  resolves: 'dnsResolved',
  'does-not-resolve': 'dnsNotResolved',
  'not-checked': 'dnsNotChecked',
} as const;

/**
 * One name's answer: what was observed (resolves, does not resolve, or not checked when the resolver said
 * nothing about the name), the chain and addresses, and the nslookup-style text to paste in a case. With
 * `problemShown`, the reason is already said once above the list (the same for every name).
 */
export function LookupResult({
  result,
  lang,
  problemShown = false,
}: {
  result: DnsLookupResult;
  lang: Lang;
  problemShown?: boolean;
}) {
  const outcome = lookupOutcome(result);
  const problem = problemShown ? undefined : describeLookup(result, lang);
  const tone = outcome === 'resolves' ? 'ok' : outcome === 'not-checked' ? 'unknown' : 'error';
  return (
    <li
      class="lookup"
      data-testid="dns-result"
      data-host={result.name}
      data-ok={outcome === 'resolves'}
      data-outcome={outcome}
    >
      <div class="row">
        <span class={`state ${tone}`}>{t(STATE_TEXT[outcome])}</span>
        <code>{result.name}</code>
        <span class="muted">{t('dnsTime', String(Math.round(result.ms)))}</span>
      </div>
      {result.cnameChain.length > 1 && <p class="muted">{result.cnameChain.join(' → ')}</p>}
      {result.addresses.length > 0 && <p>{result.addresses.join(', ')}</p>}
      {problem && <p class={outcome === 'not-checked' ? 'muted' : 'error'}>{problem}</p>}
      <details>
        <summary>{t('dnsShowNslookup')}</summary>
        <pre>{formatNslookup(result, { time: true })}</pre>
      </details>
    </li>
  );
}

/**
 * The reason no name of a lookup was checked, when it is one and the same for all of them (a resolver that
 * cannot be reached): said once, not once per name. Undefined when any name got an answer, or the reasons differ.
 */
export function sharedProblem(results: readonly DnsLookupResult[], lang: Lang): string | undefined {
  if (results.length < 2 || results.some((result) => lookupOutcome(result) !== 'not-checked'))
    return undefined;
  const codes = new Set(results.map((result) => result.error?.code));
  return codes.size === 1 ? describeLookup(results[0] as DnsLookupResult, lang) : undefined;
}
