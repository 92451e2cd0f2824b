import { useEffect, useState } from 'preact/hooks';
import { STORAGE } from '../../lib/platform/storage';
import { WATCH_DEFAULTS, WATCH_LIMITS, WatchScheduleSchema } from '../../lib/protocol/watch';
import { t } from '../i18n';

/**
 * How a watch re-checks (issue 10): every 2 minutes for up to 30 by default. Whole minutes here (the limits
 * allow a fraction of a minute only for tests, which write the setting themselves). Each re-check costs 2 REST
 * requests per device, through the same limiter as a diagnosis.
 */
export function WatchSetting() {
  const [every, setEvery] = useState(String(WATCH_DEFAULTS.everyMinutes));
  const [length, setLength] = useState(String(WATCH_DEFAULTS.forMinutes));
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid'>('idle');

  useEffect(() => {
    void STORAGE.watchSchedule.read().then((schedule) => {
      setEvery(String(schedule.everyMinutes));
      setLength(String(schedule.forMinutes));
    });
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = WatchScheduleSchema.safeParse({
      everyMinutes: Number(every.trim()),
      forMinutes: Number(length.trim()),
    });
    const schedule = parsed.data;
    if (
      !schedule ||
      !Number.isInteger(schedule.everyMinutes) ||
      schedule.everyMinutes > schedule.forMinutes
    ) {
      setStatus('invalid');
      return;
    }
    await STORAGE.watchSchedule.write(schedule);
    setStatus('saved');
  };
  const edit = (set: (value: string) => void) => (event: Event) => {
    set((event.currentTarget as HTMLInputElement).value);
    setStatus('idle');
  };

  return (
    <section aria-labelledby="watch-heading">
      <h2 id="watch-heading">{t('optionsWatchHeading')}</h2>
      <p class="muted">{t('optionsWatchExplain')}</p>
      <form class="row" onSubmit={save}>
        <label for="watch-every">{t('optionsWatchEvery')}</label>
        <input
          id="watch-every"
          type="number"
          min={1}
          max={WATCH_LIMITS.everyMinutes.max}
          value={every}
          onInput={edit(setEvery)}
        />
        <label for="watch-for">{t('optionsWatchFor')}</label>
        <input
          id="watch-for"
          type="number"
          min={WATCH_LIMITS.forMinutes.min}
          max={WATCH_LIMITS.forMinutes.max}
          value={length}
          onInput={edit(setLength)}
        />
        <button type="submit">{t('optionsSave')}</button>
        <span role="status" class={status === 'invalid' ? 'error' : 'ok'}>
          {status === 'saved'
            ? t('optionsSaved')
            : status === 'invalid'
              ? t(
                  'optionsWatchInvalid',
                  String(WATCH_LIMITS.everyMinutes.max),
                  String(WATCH_LIMITS.forMinutes.max),
                )
              : ''}
        </span>
      </form>
    </section>
  );
}
