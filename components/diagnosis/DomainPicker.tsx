import { useEffect, useId, useState } from 'preact/hooks';
import { fmcClientFor } from '../../lib/features/fmc-client';
import { FmcError } from '../../lib/fmc/errors';
import type { DomainRef } from '../../lib/fmc/schemas';
import { currentLang, t } from '../i18n';

export interface DomainPickerProps {
  origin: string;
  onChange(domain: DomainRef): void;
}

/**
 * The FMC domains the signed-in user may work in ("Global", "Global/Branch"). Each read and each choice takes
 * the tokens fresh from storage: a run elsewhere may have refreshed them, and saving the choice over a stale
 * copy would write back a token the FMC already voided.
 */
export function DomainPicker({ origin, onChange }: DomainPickerProps) {
  const id = useId();
  const [domains, setDomains] = useState<readonly DomainRef[]>([]);
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const session = await (await fmcClientFor(origin)).session.restore();
      if (!live) return;
      setDomains(session?.domains ?? []);
      setCurrent(session?.domainUuid ?? '');
    })();
    return () => {
      live = false;
    };
  }, [origin]);

  if (domains.length === 0) return null;

  const choose = async (uuid: string) => {
    setError(null);
    try {
      const domain = await (await fmcClientFor(origin)).session.selectDomain(uuid);
      setCurrent(domain.uuid);
      onChange(domain);
    } catch (caught) {
      setError(caught instanceof FmcError ? caught.localized(currentLang()) : String(caught));
    }
  };

  return (
    <span class="fmc-domain">
      <label for={id}>{t('fmcDomain')}</label>{' '}
      <select id={id} value={current} onChange={(event) => void choose(event.currentTarget.value)}>
        {domains.map((domain) => (
          <option key={domain.uuid} value={domain.uuid}>
            {domain.name}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" class="error">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
