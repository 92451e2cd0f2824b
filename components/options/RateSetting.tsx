import { useEffect, useState } from 'preact/hooks';
import { CDFMC_RATE_PER_MINUTE } from '../../lib/fmc/limiter';
import { readRateOverride, writeRateOverride } from '../../lib/platform/storage';
import { t } from '../i18n';

/**
 * The user's cap on REST requests per minute, for FMCs whose budget other tools already use; it overrides a
 * cloud-delivered FMC's default too (`CDFMC_RATE_PER_MINUTE`, our choice: Cisco publishes no limit).
 */
export function RateSetting() {
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid'>('idle');

  useEffect(() => {
    void readRateOverride().then((rate) => setValue(rate === null ? '' : String(rate)));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const trimmed = value.trim();
    const rate = trimmed === '' ? null : Number(trimmed);
    if (rate !== null && (!Number.isInteger(rate) || rate < 1 || rate > 1000)) {
      setStatus('invalid');
      return;
    }
    await writeRateOverride(rate);
    setStatus('saved');
  };

  return (
    <section aria-labelledby="rate-heading">
      <h2 id="rate-heading">{t('optionsRateHeading')}</h2>
      <p class="muted">{t('optionsRateExplain')}</p>
      <p class="muted" data-testid="rate-cdfmc">
        {t('optionsRateCdfmc', String(CDFMC_RATE_PER_MINUTE))}
      </p>
      <form class="row" onSubmit={save}>
        <label for="rate">{t('optionsRateLabel')}</label>
        <input
          id="rate"
          type="text"
          inputMode="numeric"
          value={value}
          onInput={(event) => {
            setValue((event.currentTarget as HTMLInputElement).value);
            setStatus('idle');
          }}
        />
        <button type="submit">{t('optionsSave')}</button>
        <span role="status" class={status === 'invalid' ? 'error' : 'ok'}>
          {status === 'saved' ? t('optionsSaved') : status === 'invalid' ? t('optionsRateInvalid') : ''}
        </span>
      </form>
    </section>
  );
}
