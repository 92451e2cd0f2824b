import { useEffect, useState } from 'preact/hooks';
import { labelForPattern } from '../../lib/origins';
import { readHealthPolicyOverride, writeHealthPolicyOverride } from '../../lib/platform/storage';
import { t } from '../i18n';

export function HealthPolicyOverride({ pattern }: { pattern: string }) {
  const origin = labelForPattern(pattern);
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid'>('idle');
  const inputId = `policy-${pattern}`;

  useEffect(() => {
    void readHealthPolicyOverride(pattern).then((stored) => setValue(stored ?? ''));
  }, [pattern]);

  const save = async (event: Event) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (trimmed) {
      let url: URL | null = null;
      try {
        url = new URL(trimmed, `${origin}/`);
      } catch {
        url = null;
      }
      // Any port of the enabled host is fine; another host or scheme is not.
      if (!url || `${url.protocol}//${url.hostname}` !== origin) {
        setStatus('invalid');
        return;
      }
      await writeHealthPolicyOverride(pattern, url.href);
    } else {
      await writeHealthPolicyOverride(pattern, null);
    }
    setStatus('saved');
  };

  return (
    <form class="row" onSubmit={save}>
      <label for={inputId}>{t('optionsPolicyLabel', origin)}</label>
      <input
        id={inputId}
        type="url"
        value={value}
        placeholder={`${origin}/…`}
        onInput={(event) => {
          setValue((event.currentTarget as HTMLInputElement).value);
          setStatus('idle');
        }}
      />
      <button type="submit">{t('optionsSave')}</button>
      <span role="status" class={status === 'invalid' ? 'error' : 'ok'}>
        {status === 'saved'
          ? t('optionsSaved')
          : status === 'invalid'
            ? t('optionsPolicyInvalid', origin)
            : ''}
      </span>
    </form>
  );
}
