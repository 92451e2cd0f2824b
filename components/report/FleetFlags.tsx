import { useId } from 'preact/hooks';
import type { Diagnosis } from '../../lib/diagnose';
import { healthyDnsStatement } from '../../lib/diagnose/cross-checks';
import type { Lang } from '../../lib/i18n';
import { t } from '../i18n';

/** What the cross-checks found across devices, which no single device's page would show. */
export function FleetFlags({ diagnosis, lang }: { diagnosis: Diagnosis; lang: Lang }) {
  const headingId = useId();
  const { flags, peerDns } = diagnosis;
  return (
    <section class="fleet-flags" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reportFleetFlags')}</h2>
      {flags.length === 0 ? (
        <p class="muted">{t('reportNoFleetFlags')}</p>
      ) : (
        <ul>
          {flags.map((flag) => (
            <li key={`${flag.id}:${flag.deviceIds.join(',')}`} data-flag={flag.id}>
              {flag.text[lang]}
            </li>
          ))}
        </ul>
      )}
      {peerDns && peerDns.servers.length > 0 && <p>{healthyDnsStatement(diagnosis.devices)[lang]}</p>}
    </section>
  );
}
