import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { HintDetails, type ResolvedEntry } from './HintDetails';

export interface HintProps {
  entryId: string;
  /** Loads the explanation on first expansion, so the content script carries no prose. */
  loadEntry(id: string): Promise<ResolvedEntry | null>;
  healthPolicy(): { url: string; guessed: boolean };
}

type Load = { state: 'idle' | 'loading' | 'failed' } | { state: 'ready'; entry: ResolvedEntry };

export function Hint({ entryId, loadEntry, healthPolicy }: HintProps) {
  const [expanded, setExpanded] = useState(false);
  const [load, setLoad] = useState<Load>({ state: 'idle' });
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
      {expanded && (
        <section class="panel" id={panelId} aria-label={t('hintRegionLabel')}>
          <button type="button" class="close" aria-label={t('hintCollapse')} onClick={collapse}>
            ×
          </button>
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
