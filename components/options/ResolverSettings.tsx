import { useEffect, useState } from 'preact/hooks';
import {
  DOH_FORMATS,
  DOH_PRESETS,
  type DohFormat,
  type DohSettings,
  presetFor,
  RESOLVER_URL_PROBLEMS,
} from '../../lib/dns';
import { readDohSettings, resetDohSettings, writeDohSettings } from '../../lib/platform/resolver-setting';
import { currentLang, t } from '../i18n';

const FORMAT_LABEL = { json: 'optionsDnsFormatJson', wire: 'optionsDnsFormatWire' } as const;

/** Which DoH resolver the quick lookups use (Chromium), and what that sends where. */
export function ResolverSettings() {
  const [settings, setSettings] = useState<DohSettings | null>(null);
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<DohFormat>('json');
  const [status, setStatus] = useState<string | null>(null);
  const lang = currentLang();

  const load = () =>
    readDohSettings().then((stored) => {
      setSettings(stored);
      setUrl(stored.url);
      setFormat(stored.format);
    });
  useEffect(() => {
    void load();
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const result = await writeDohSettings({ url: url.trim(), format });
    if (result.ok) {
      setSettings(result.settings);
      setStatus(t('optionsSaved'));
    } else setStatus(RESOLVER_URL_PROBLEMS[result.problem][lang]);
  };

  if (!settings) return null;
  const preset = presetFor({ url, format });
  return (
    <section aria-labelledby="dns-options-heading">
      <h2 id="dns-options-heading">{t('optionsDnsHeading')}</h2>
      <p class="muted">{t('optionsDnsWhatIsSent')}</p>
      <form onSubmit={save}>
        <p class="row">
          <label for="doh-preset">{t('optionsDnsPreset')}</label>
          <select
            id="doh-preset"
            value={preset?.id ?? 'custom'}
            onChange={(event) => {
              const chosen = DOH_PRESETS.find(
                (p) => p.id === (event.currentTarget as HTMLSelectElement).value,
              );
              if (chosen) {
                setUrl(chosen.url);
                setFormat(chosen.format);
              }
            }}
          >
            {DOH_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.operator} — {p.url} ({p.format})
              </option>
            ))}
            <option value="custom">{t('optionsDnsCustom')}</option>
          </select>
        </p>
        <p class="row">
          <label for="doh-url">{t('optionsDnsUrlLabel')}</label>
          <input
            id="doh-url"
            type="url"
            value={url}
            onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
          />
        </p>
        <p class="row">
          <label for="doh-format">{t('optionsDnsFormatLabel')}</label>
          <select
            id="doh-format"
            value={format}
            onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as DohFormat)}
          >
            {DOH_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_LABEL[f])}
              </option>
            ))}
          </select>
        </p>
        <p class="row">
          <button type="submit" class="primary">
            {t('optionsSave')}
          </button>
          <button
            type="button"
            onClick={async () => {
              await resetDohSettings();
              await load();
              setStatus(t('optionsSaved'));
            }}
          >
            {t('optionsDnsReset')}
          </button>
          <span role="status">{status}</span>
        </p>
      </form>
    </section>
  );
}
