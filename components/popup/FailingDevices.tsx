import { useState } from 'preact/hooks';
import type { DeviceDiagnosis, Diagnosis } from '../../lib/diagnose';
import { INCOMPLETE_TEXT } from '../../lib/diagnose/incomplete';
import type { Lang } from '../../lib/knowledge/schema';
import { DeviceDetails } from '../fmc/DeviceDetails';
import { VerdictBadge } from '../fmc/VerdictBadge';
import { t } from '../i18n';

const dnsText = (device: DeviceDiagnosis) =>
  device.managementDns === null
    ? t('popupDnsUnknown')
    : device.managementDns.servers.length === 0
      ? t('popupDnsNone')
      : device.managementDns.servers.join(', ');

/** The devices with the Cloud Configuration failure, each with its DNS, proxy, gateway, verdict and runbook. */
export function FailingDevices({ diagnosis, lang }: { diagnosis: Diagnosis; lang: Lang }) {
  const failing = diagnosis.devices.filter((device) => device.verdict !== 'healthy');
  return (
    <section aria-labelledby="failing-heading">
      <h3 id="failing-heading">{t('popupFailingDevices', String(failing.length))}</h3>
      {failing.length === 0 ? (
        diagnosis.failingComplete ? (
          <p class="ok">{t('popupNoFailingDevices')}</p>
        ) : (
          // The pieces that would name a failing device are missing: "none" would be a guess.
          <p class="muted" data-testid="failing-unknown">
            {INCOMPLETE_TEXT.failingUnknown[lang]}
          </p>
        )
      ) : (
        <ul class="devices" data-testid="failing-devices">
          {failing.map((device) => (
            <FailingDevice key={device.id} device={device} lang={lang} />
          ))}
        </ul>
      )}
      {failing.length > 0 && !diagnosis.failingComplete && (
        <p class="muted">{INCOMPLETE_TEXT.failingMaybeMore[lang]}</p>
      )}
      {diagnosis.peerDns && (
        <p class="muted" data-testid="peer-dns">
          {t(
            'popupPeerDns',
            diagnosis.peerDns.servers.join(', '),
            String(diagnosis.peerDns.deviceIds.length),
          )}
        </p>
      )}
    </section>
  );
}

/** One device; its evidence and runbook are drawn when opened, so the popup opens fast on a large fleet. */
function FailingDevice({ device, lang }: { device: DeviceDiagnosis; lang: Lang }) {
  const [open, setOpen] = useState(false);
  return (
    <li data-testid="failing-device" data-verdict={device.verdict}>
      <details onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <VerdictBadge verdict={device.verdict} /> <strong>{device.name}</strong>{' '}
          <span class="muted">{device.version}</span>
        </summary>
        {open && (
          <>
            <dl class="facts">
              <dt>{t('popupDns')}</dt>
              <dd>{dnsText(device)}</dd>
              <dt>{t('popupProxy')}</dt>
              <dd>
                {device.proxy === null
                  ? t('popupDnsUnknown')
                  : device.proxy.enabled
                    ? t('popupProxyOn')
                    : t('popupProxyOff')}
              </dd>
              {device.gateway && (
                <>
                  <dt>{t('popupGateway')}</dt>
                  <dd>{device.gateway}</dd>
                </>
              )}
            </dl>
            <DeviceDetails device={device} lang={lang} heading={false} />
          </>
        )}
      </details>
    </li>
  );
}
