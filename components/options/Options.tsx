import { useEffect, useState } from 'preact/hooks';
import { forgetFmcsOf } from '../../lib/features/content-script-registration';
import { doorOf } from '../../lib/fmc/doors';
import { labelForPattern, patternFromUserInput } from '../../lib/origins';
import { removeOrigin, requestOrigin } from '../../lib/platform/permissions';
import { readManagedOrigins } from '../../lib/platform/storage';
import { t } from '../i18n';
import { HealthPolicyOverride } from './HealthPolicyOverride';
import { RateSetting } from './RateSetting';
import { ResolverSettings } from './ResolverSettings';
import { useEnabledOrigins } from './useEnabledOrigins';
import { WatchSetting } from './WatchSetting';

export function Options() {
  const enabled = useEnabledOrigins();
  const [managed, setManaged] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [forgotten, setForgotten] = useState<string | null>(null);

  useEffect(() => {
    void readManagedOrigins().then((origins) =>
      setManaged(origins.map(patternFromUserInput).filter((p): p is string => p !== null)),
    );
  }, []);

  const grant = (pattern: string) => {
    // Called straight from the click handler: permissions.request needs the user gesture.
    requestOrigin(pattern).then(
      (granted) => setError(granted ? null : t('optionsDenied', labelForPattern(pattern))),
      () => setError(t('optionsDenied', labelForPattern(pattern))),
    );
  };

  /**
   * Disabling an FMC (issue 17): its watches stop and its tokens are revoked and forgotten first, while the
   * host permission still lets the revoke reach the FMC; then the permission goes (which needs no user gesture,
   * unlike a request). The background forgets again on the permission's removal, whoever removed it.
   */
  const remove = async (pattern: string) => {
    setForgotten(null);
    await forgetFmcsOf(pattern).catch(() => []);
    await removeOrigin(pattern).catch(() => false);
    setForgotten(t('optionsForgotten', labelForPattern(pattern)));
  };

  const onAdd = (event: Event) => {
    event.preventDefault();
    const pattern = patternFromUserInput(input);
    if (!pattern) {
      setError(t('optionsInvalidAddress'));
      return;
    }
    setInput('');
    grant(pattern);
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <h2>{t('optionsOriginsHeading')}</h2>
      <p class="muted">{t('optionsOriginsExplain')}</p>
      {enabled.length === 0 ? (
        <p data-testid="no-origins">{t('optionsNoOrigins')}</p>
      ) : (
        <ul class="origins" data-testid="enabled-origins">
          {enabled.map((pattern) => (
            <li key={pattern}>
              <span class="origin">{labelForPattern(pattern)}</span>
              <DoorNote pattern={pattern} />
              <button
                type="button"
                aria-label={t('optionsRemoveLabel', labelForPattern(pattern))}
                onClick={() => void remove(pattern)}
              >
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {forgotten && (
        <p class="ok" role="status" data-testid="fmc-forgotten">
          {forgotten}
        </p>
      )}
      <form class="row" onSubmit={onAdd}>
        <label for="add-origin">{t('optionsAddLabel')}</label>
        <input
          id="add-origin"
          type="text"
          value={input}
          placeholder={t('optionsAddPlaceholder')}
          onInput={(event) => setInput((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="primary">
          {t('optionsAdd')}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {managed.length > 0 && (
        <>
          <h2>{t('optionsManagedHeading')}</h2>
          <p class="muted">{t('optionsManagedExplain')}</p>
          <ul class="origins" data-testid="managed-origins">
            {managed.map((pattern) => (
              <li key={pattern}>
                <span class="origin">{labelForPattern(pattern)}</span>
                {enabled.includes(pattern) ? (
                  <span class="state ok">{t('optionsManagedGranted')}</span>
                ) : (
                  <button type="button" onClick={() => grant(pattern)}>
                    {t('optionsAdd')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {enabled.length > 0 && (
        <>
          <h2>{t('optionsPolicyHeading')}</h2>
          <p class="muted">{t('optionsPolicyExplain')}</p>
          {enabled.map((pattern) => (
            <HealthPolicyOverride key={pattern} pattern={pattern} />
          ))}
        </>
      )}
      <ResolverSettings />
      <RateSetting />
      <WatchSetting />
      <h2>{t('optionsPrivacyHeading')}</h2>
      <p>{t('optionsPrivacy')}</p>
    </main>
  );
}

/**
 * What an enabled address is when it is a cloud-delivered FMC's door (issue 20): an SCC API address enabled for
 * a cdFMC's sign-in would otherwise read like an FMC of its own.
 */
function DoorNote({ pattern }: { pattern: string }) {
  const kind = doorOf(labelForPattern(pattern))?.kind;
  if (!kind) return null;
  const key =
    kind === 'host' ? 'optionsDoorHost' : kind === 'gateway' ? 'optionsDoorGateway' : 'optionsDoorLegacy';
  return (
    <span class="muted" data-testid="door-note">
      {' '}
      {t(key)}{' '}
    </span>
  );
}
