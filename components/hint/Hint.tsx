import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PageLoop } from '../../lib/page/bridge';
import type { DeviceCell } from '../../lib/page/device-ties';
import { clock } from '../common/clock';
import { RecheckButton, timesText, useDeviceActions, WatchStateTag } from '../common/DeviceActions';
import { t } from '../i18n';
import { type EntryLoad, PanelBody } from './DeviceSection';
import type { ResolvedEntry } from './HintDetails';
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

/** The cell's device, redrawn when the background sends new verdicts. */
function useDevice(cell: DeviceCell | undefined) {
  const read = (from: DeviceCell | undefined) => ({
    device: from?.get() ?? null,
    diagnosed: from?.diagnosed() ?? false,
    finishedAt: from?.finishedAt?.(),
  });
  const [value, setValue] = useState(() => read(cell));
  useEffect(() => {
    setValue(read(cell));
    return cell?.subscribe(() => setValue(read(cell)));
  }, [cell]);
  return value;
}

/** Room kept between the open panel and the viewport's edges, and between the panel and its chip (px). */
const EDGE = 8;

/**
 * Keeps the open panel beside its chip and inside the viewport (issue 19): an overlay that never takes room in
 * the FMC's table, so that opening or closing it moves none of the page's boxes. It is put in the top layer
 * where the browser has one (the Popover API: Chromium 114, Firefox 125; MDN "Popover API"), above every box of
 * the page and clipped by none of its `overflow` or transforms; elsewhere it stays `position: fixed`
 * (hint.css, which also keeps it within the viewport's width and height). On the side of the chip with more
 * room; at most as tall as that room (at least 200 px: it may then cover the chip), scrolling inside; never past
 * an edge. Placed again on any scroll, on resize and when its content
 * changes size. Returns the way to stop.
 */
function keepInView(panel: HTMLElement, chip: HTMLElement): () => void {
  const view = chip.ownerDocument.defaultView ?? window;
  const root = chip.ownerDocument.documentElement;
  const clamp = (at: number, room: number) => Math.max(EDGE, Math.min(at, room - EDGE));
  panel.showPopover?.();
  const place = () => {
    const at = chip.getBoundingClientRect();
    // The viewport without its scroll bars (in quirks mode the root's height is the document's).
    const height = Math.min(view.innerHeight, root.clientHeight);
    const below = height - at.bottom;
    // The side with more room, whatever the content's size: the panel does not jump to the other side of the
    // chip when its content arrives.
    const down = below >= at.top;
    panel.style.setProperty('--room', `${Math.max(down ? below : at.top, 200 + 2 * EDGE) - 2 * EDGE}px`);
    const tall = panel.offsetHeight;
    const top = clamp(down ? at.bottom + EDGE : at.top - EDGE - tall, height - tall);
    // Held by its edge on the chip's side: content that arrives before it is placed again (the next frame)
    // grows it away from the chip, within the room it was given, never past the viewport's edge.
    panel.style.top = down ? `${top}px` : '';
    panel.style.bottom = down ? '' : `${height - top - tall}px`;
    panel.style.left = `${clamp(at.left, root.clientWidth - panel.offsetWidth)}px`;
  };
  // Its content arrives after it opens (the explanation, the device): placed again for its new size, in the
  // next frame, as a new size set from inside the observer's callback is reported as a loop error to the page.
  const sizes = new ResizeObserver(() => view.requestAnimationFrame(place));
  sizes.observe(panel);
  // Capture: the scroll of any box of the page (a scrolling table) moves the chip too.
  view.addEventListener('scroll', place, true);
  view.addEventListener('resize', place);
  place();
  return () => {
    sizes.disconnect();
    view.removeEventListener('scroll', place, true);
    view.removeEventListener('resize', place);
  };
}

export function Hint({ entryId, loadEntry, healthPolicy, lang = 'en', device: cell, loop }: HintProps) {
  const [expanded, setExpanded] = useState(false);
  const [load, setLoad] = useState<EntryLoad>({ state: 'idle' });
  const { device, diagnosed, finishedAt } = useDevice(cell);
  // Re-check in the panel's head; its answer shows there too (the panel's Watch has its own).
  const recheck = useDeviceActions(loop, device?.id);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  const panelId = `fmc-hint-panel-${entryId}`;

  useEffect(() => {
    if (!expanded || load.state !== 'idle') return;
    setLoad({ state: 'loading' });
    loadEntry(entryId).then(
      (entry) => setLoad(entry ? { state: 'ready', entry } : { state: 'failed' }),
      () => setLoad({ state: 'failed' }),
    );
  }, [expanded, load.state, entryId, loadEntry]);

  useLayoutEffect(() => {
    if (expanded && panel.current && toggle.current) return keepInView(panel.current, toggle.current);
  }, [expanded]);

  const collapse = () => {
    setExpanded(false);
    toggle.current?.focus();
  };
  const policy = expanded ? healthPolicy() : null;
  const name = device?.names[0] ?? '';
  // The hint sits on a line that shows Failure: a device the FMC now reports clear is never shown "Healthy"
  // beside it without saying that the page's result is older (issue 19), with when it was read clear.
  const clearedAt = device?.verdict === 'healthy' ? (device.clearedAt ?? finishedAt) : undefined;

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
      {/* One chip on the FMC's line, the same width open or closed: the badge and the device's verdict. */}
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
        {t('hintBadge')}
        {device && (
          <span
            class="chip-verdict"
            data-fmc-device={device.id}
            data-fmc-verdict={device.verdict}
            title={[t('hintVerdictTitle', name), timesText(device, lang)].filter(Boolean).join(' · ')}
          >
            {device.verdict === 'healthy' ? (
              <span class="verdict verdict-healthy" data-testid="older-result">
                {t('hintOlderResult', clearedAt ? clock(clearedAt, lang) : '?')}
              </span>
            ) : (
              <VerdictTag verdict={device.verdict} label={device.label} icon={device.icon} />
            )}
          </span>
        )}
      </button>
      {expanded && (
        <section ref={panel} popover="manual" class="panel" id={panelId} aria-label={t('hintRegionLabel')}>
          {/* The frame: whose panel this is (not Cisco's text), the device's Re-check and watch, and Close. */}
          <div class="head">
            {/* The panel's own name, above the explanation's <h2> title: whose words these are. */}
            <h1 class="name">{t('extName')}</h1>
            {loop && device && <RecheckButton actions={recheck} name={name} />}
            {device && (
              <WatchStateTag
                state={device.watchState ?? (device.watching ? 'watching' : undefined)}
                since={device.watchSince}
                lang={lang}
                class="watching"
              />
            )}
            <button type="button" class="close" aria-label={t('hintCollapse')} onClick={collapse}>
              ×
            </button>
          </div>
          {recheck.answer && (
            <p class="problem" role="status">
              {recheck.answer}
            </p>
          )}
          {/* The content, in issue 19's order (HC's DeviceSection.tsx): the device, else the triage; then the rest. */}
          <PanelBody
            device={device}
            diagnosed={diagnosed}
            loop={loop}
            lang={lang}
            load={load}
            policy={policy}
          />
        </section>
      )}
    </span>
  );
}
