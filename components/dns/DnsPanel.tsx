import { useEffect, useState } from 'preact/hooks';
import { DNS_NOTES, type DnsLookupResult, type DnsResolver, lookupHost, requiredHosts } from '../../lib/dns';
import type { Lang } from '../../lib/i18n';
import { currentResolver } from '../../lib/platform/resolver-setting';
import { t } from '../i18n';
import { LookupResult, sharedProblem } from './LookupResult';

/**
 * Quick DNS lookups from the browser: the cloud hosts of the FMC's region in one click, and any name. The
 * browser is not the device, but a name that does not resolve from here either points at DNS itself.
 */
export function DnsPanel({ regionHost, lang }: { regionHost: string; lang: Lang }) {
  const [resolver, setResolver] = useState<DnsResolver | null>(null);
  const [results, setResults] = useState<DnsLookupResult[]>([]);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');

  useEffect(() => {
    void currentResolver().then(setResolver);
  }, []);

  const run = async (names: string[]) => {
    if (!resolver || busy) return;
    setBusy(true);
    try {
      // The resolver as the options page has it now: a change there applies to the next lookup.
      const now = await currentResolver().catch(() => resolver);
      setResolver(now);
      setResults(await Promise.all(names.map((host) => lookupHost(host, now))));
    } finally {
      setBusy(false);
    }
  };

  // A resolver that cannot be reached is one notice, and every name "not checked" (never "does not resolve").
  const shared = sharedProblem(results, lang);

  return (
    <section aria-labelledby="dns-heading" class="dns">
      <h2 id="dns-heading">{t('dnsHeading')}</h2>
      {resolver && (
        <p class="muted" data-testid="dns-resolver">
          {resolver.kind === 'system' ? t('dnsViaSystem') : t('dnsViaDoh', resolver.label)}
        </p>
      )}
      <p class="muted">{DNS_NOTES.scope[lang]}</p>
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={!resolver || busy}
          onClick={() => run(requiredHosts(regionHost))}
        >
          {t('dnsResolveCloudHosts')}
        </button>
      </div>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) void run([name.trim()]);
        }}
      >
        <label for="dns-name">{t('dnsNameLabel')}</label>
        <input
          id="dns-name"
          type="text"
          value={name}
          placeholder="api-sse.cisco.com"
          onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" disabled={!resolver || busy}>
          {t('dnsLookUp')}
        </button>
      </form>
      {busy && <p role="status">{t('dnsBusy')}</p>}
      {shared && (
        <p class="fmc-notice error" role="alert" data-testid="dns-not-checked">
          {t('dnsNoneChecked')} {shared}
        </p>
      )}
      {results.length > 0 && (
        <ul class="lookups" aria-live="polite">
          {results.map((result) => (
            <LookupResult key={result.name} result={result} lang={lang} problemShown={shared !== undefined} />
          ))}
        </ul>
      )}
    </section>
  );
}
