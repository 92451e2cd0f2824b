import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { patternForUrl } from '../../lib/origins';
import { askBackground } from '../../lib/platform/messaging';
import { currentLang, t } from '../i18n';
import { FmcPanel } from './FmcPanel';
import { OriginAccess } from './OriginAccess';
import { useActiveTab } from './useActiveTab';

export function Popup() {
  const tab = useActiveTab();
  const lang = currentLang();
  const pattern = patternForUrl(tab?.url);
  const [enabled, setEnabled] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  const onAccessChange = useCallback((value: boolean) => setEnabled(value), []);

  useEffect(() => {
    if (!tab || !enabled) return;
    askBackground({ type: 'tab-hint-count', tabId: tab.id }).then(
      (value) => setCount(typeof value === 'number' ? value : 0),
      () => setCount(null),
    );
  }, [tab, enabled]);

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      {tab === undefined ? null : !pattern ? (
        <p class="muted">{t('popupNotFmc')}</p>
      ) : (
        <>
          <OriginAccess pattern={pattern} onChange={onAccessChange} />
          {enabled && count !== null && (
            <p data-testid="hint-count">
              {count > 0 ? t('popupFailingRows', String(count)) : t('popupNoFailingRows')}
            </p>
          )}
          {tab && (
            // Mounted before the permission answer so its storage reads start at once.
            <FmcPanel tabId={tab.id} origin={new URL(tab.url ?? '').origin} lang={lang} enabled={enabled} />
          )}
        </>
      )}
      <p>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </p>
    </main>
  );
}
