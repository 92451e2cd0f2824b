import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { fmcClientFor } from '../../lib/features/fmc-client';
import { patternForUrl } from '../../lib/origins';
import { askBackground } from '../../lib/platform/messaging';
import { currentLang, t } from '../i18n';
import { FmcPanel } from './FmcPanel';
import { OriginState, useOriginAccess } from './OriginAccess';
import { PopupMenu } from './PopupMenu';
import { SccSignIn } from './SccSignIn';
import { type ActiveTab, useActiveTab } from './useActiveTab';
import { useFmcSession } from './useFmcSession';
import './popup.css';

const openOptions = () => void browser.runtime.openOptionsPage();

export function Popup() {
  const tab = useActiveTab();
  const pattern = patternForUrl(tab?.url);
  if (tab && pattern) return <FmcPopup tab={tab} pattern={pattern} />;
  return (
    <main>
      <PopupHeader host={null}>
        <button type="button" onClick={openOptions}>
          {t('popupOptions')}
        </button>
      </PopupHeader>
      {tab !== undefined && <p class="muted">{t('popupNotFmc')}</p>}
    </main>
  );
}

/** The extension's name and the FMC the popup speaks about, and the menu of less frequent actions. */
function PopupHeader({ host, children }: { host: string | null; children: ComponentChildren }) {
  return (
    <header class="popup-head">
      <div class="popup-title">
        <h1>{t('popupTitle')}</h1>
        {host && (
          <p class="origin muted" data-testid="popup-host">
            {host}
          </p>
        )}
      </div>
      <PopupMenu>{children}</PopupMenu>
    </header>
  );
}

/** The popup on a tab the extension may be enabled on: access, hint count, and the FMC's diagnosis. */
function FmcPopup({ tab, pattern }: { tab: ActiveTab; pattern: string }) {
  const lang = currentLang();
  const origin = new URL(tab.url ?? '').origin;
  const access = useOriginAccess(pattern);
  const enabled = access.enabled === true;
  // Read from the start, before the permission's answer, so the panel's storage reads do not wait for it.
  const [session, setSession] = useFmcSession(origin);
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    if (!enabled) return;
    askBackground({ type: 'tab-hint-count', tabId: tab.id }).then(
      (value) => setCount(typeof value === 'number' ? value : 0),
      () => setCount(null),
    );
  }, [tab.id, enabled]);

  const signOut = async () => {
    await (await fmcClientFor(origin)).signOut();
    setSession(null);
  };

  return (
    <main>
      <PopupHeader host={new URL(origin).host}>
        {enabled && session && (
          <button type="button" onClick={() => void signOut()}>
            {t('popupSignOut')}
          </button>
        )}
        {enabled && (
          <button type="button" onClick={access.disable}>
            {t('popupDisable')}
          </button>
        )}
        <button type="button" onClick={openOptions}>
          {t('popupOptions')}
        </button>
      </PopupHeader>
      <SccSignIn url={tab.url} />
      <OriginState pattern={pattern} access={access} />
      {enabled && count !== null && (
        <p data-testid="hint-count">
          {count > 0 ? t('popupFailingRows', String(count)) : t('popupNoFailingRows')}
        </p>
      )}
      <FmcPanel
        tabId={tab.id}
        origin={origin}
        lang={lang}
        enabled={enabled}
        session={session}
        setSession={setSession}
      />
    </main>
  );
}
