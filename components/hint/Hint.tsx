import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageLoop } from '../../lib/page/bridge';
import type { DeviceCell } from '../../lib/page/device-ties';
import type { HintDevice } from '../../lib/protocol/hint';
import { RecheckButton, timesText, useDeviceActions, WatchStateTag } from '../common/DeviceActions';
import { t } from '../i18n';
import { DevicePrompt, DeviceSection } from './DeviceSection';
import { HintDetails, type ResolvedEntry } from './HintDetails';
import { VerdictTag } from './VerdictTag';

export interface HintProps {
  entryId: string;
  /** Loads the explanation on first expansion, so the content script carries no prose (none: not found). */
  loadEntry(id: string): Promise<ResolvedEntry | null | undefined>;
  healthPolicy(): { url: string; guessed: boolean };
  /**
   * The language of the verdict labels and times: the browser's UI language, as the content script gives it
   * (the hint's other words follow the browser's too, through the message catalogue), not the FMC page's.
   */
  lang?: string;
  /** The device this row is tied to, from the FMC's last diagnosis (issue 10). */
  device?: DeviceCell;
  loop?: PageLoop;
}

type Load = { state: 'idle' | 'loading' | 'failed' } | { state: 'ready'; entry: ResolvedEntry };

/** The cell's device, redrawn when the background sends new verdicts. */
function useDevice(cell: DeviceCell | undefined): { device: HintDevice | null; diagnosed: boolean } {
  const read = (from: DeviceCell | undefined) => ({
    device: from?.get() ?? null,
    diagnosed: from?.diagnosed() ?? false,
  });
  const [value, setValue] = useState(() => read(cell));
  useEffect(() => {
    setValue(read(cell));
    return cell?.subscribe(() => setValue(read(cell)));
  }, [cell]);
  return value;
}

export function Hint({ entryId, loadEntry, healthPolicy, lang = 'en', device: cell, loop }: HintProps) {
  const [expanded, setExpanded] = useState(false);
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const { device, diagnosed } = useDevice(cell);
  // Re-check on the row's line; its answer shows there too (the panel's Watch has its own).
  const recheck = useDeviceActions(loop, device?.id);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = `fmc-hint-panel-${entryId}`;

  useEffect(() => {
    if (!expanded || load.state !== 'idle') return;
    setLoad({ state: 'loading' });
    loadEntry(entryId).then(
      (entry) => setLoad(entry ? { state: 'ready', entry } : { state: 'failed' }),
      () => setLoad({ state: 'failed' }),
    );
  }, [expanded, load.state, entryId, loadEntry]);

  const collapse = () => {
    setExpanded(false);
    toggle.current?.focus();
  };
  const policy = expanded ? healthPolicy() : null;
  const name = device?.names[0] ?? '';

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the panel from anywhere inside it.
    <span
      onKeyDown={(event) => {
        if (event.key === 'Escape' && expanded) {
          event.stopPropagation();
          collapse();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        class="badge"
        aria-expanded={expanded}
        aria-controls={panelId}
        title={t('hintBadgeTitle')}
        onClick={() => (expanded ? collapse() : setExpanded(true))}
      >
        <span class="icon" aria-hidden="true">
          ?
        </span>
        {expanded ? t('hintCollapse') : t('hintBadge')}
      </button>
      {device && (
        <span class="device-line">
          <span
            data-fmc-device={device.id}
            data-fmc-verdict={device.verdict}
            title={[t('hintVerdictTitle', name), timesText(device, lang)].filter(Boolean).join(' · ')}
          >
            <VerdictTag verdict={device.verdict} lang={lang} />
          </span>
          {loop && <RecheckButton actions={recheck} name={name} />}
          <WatchStateTag
            state={device.watchState ?? (device.watching ? 'watching' : undefined)}
            since={device.watchSince}
            lang={lang}
            class="watching"
          />
          {recheck.answer && (
            <span class="problem" role="status">
              {recheck.answer}
            </span>
          )}
        </span>
      )}
      {expanded && (
        <section class="panel" id={panelId} aria-label={t('hintRegionLabel')}>
          <button type="button" class="close" aria-label={t('hintCollapse')} onClick={collapse}>
            ×
          </button>
          {loop && device && <DeviceSection device={device} loop={loop} lang={lang} />}
          {loop && !device && <DevicePrompt diagnosed={diagnosed} loop={loop} />}
          {load.state === 'ready' && policy ? (
            <HintDetails
              entry={load.entry}
              healthPolicyUrl={policy.url}
              healthPolicyGuessed={policy.guessed}
            />
          ) : (
            <p role="status">{load.state === 'failed' ? t('hintLoadFailed') : t('hintLoading')}</p>
          )}
        </section>
      )}
    </span>
  );
}
