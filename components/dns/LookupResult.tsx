import { type DnsLookupResult, describeLookup, formatNslookup } from '../../lib/dns';
import type { Lang } from '../../lib/i18n';
import { t } from '../i18n';

/** One name's answer: a verdict line, the chain and addresses, and the nslookup-style text to paste in a case. */
export function LookupResult({ result, lang }: { result: DnsLookupResult; lang: Lang }) {
  const ok = result.status === 'ok' && result.addresses.length > 0;
  const problem = describeLookup(result, lang);
  return (
    <li class="lookup" data-testid="dns-result" data-host={result.name} data-ok={ok}>
      <div class="row">
        <span class={`state ${ok ? 'ok' : 'error'}`}>{ok ? t('dnsResolved') : t('dnsNotResolved')}</span>
        <code>{result.name}</code>
        <span class="muted">{t('dnsTime', String(Math.round(result.ms)))}</span>
      </div>
      {result.cnameChain.length > 1 && <p class="muted">{result.cnameChain.join(' → ')}</p>}
      {result.addresses.length > 0 && <p>{result.addresses.join(', ')}</p>}
      {problem && <p class="error">{problem}</p>}
      <details>
        <summary>{t('dnsShowNslookup')}</summary>
        <pre>{formatNslookup(result, { time: true })}</pre>
      </details>
    </li>
  );
}
