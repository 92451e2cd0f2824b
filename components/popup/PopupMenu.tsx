import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '../i18n';

/**
 * The popup's less frequent actions (Disable, Sign out, Options) behind one button (issue 19). A `<details>`:
 * its summary is a native button for the keyboard and screen readers (Enter and Space open and close it; the
 * open state is announced as expanded). Escape closes it and gives the focus back to it; a choice, or the focus
 * moving elsewhere, closes it.
 * Plain buttons inside, not an ARIA `menu`, which would promise arrow-key navigation (WAI-ARIA APG, "Menu
 * Button": a disclosure is the simpler pattern for a few actions).
 */
export function PopupMenu({ children }: { children: ComponentChildren }) {
  const details = useRef<HTMLDetailsElement>(null);
  const close = (refocus: boolean) => {
    const element = details.current;
    if (!element?.open) return;
    element.open = false;
    if (refocus) element.querySelector('summary')?.focus();
  };
  return (
    <details
      class="popup-menu"
      ref={details}
      data-testid="popup-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close(true);
        }
      }}
      onFocusOut={(event) => {
        // The focus left the menu (Tab past its last action, a click elsewhere): it closes.
        const next = event.relatedTarget as Node | null;
        if (next && !details.current?.contains(next)) close(false);
      }}
      onClick={(event) => {
        if ((event.target as Element).closest('.popup-menu-items button')) close(true);
      }}
    >
      <summary aria-label={t('popupMenu')} title={t('popupMenu')}>
        <span aria-hidden="true">⋯</span>
      </summary>
      <div class="popup-menu-items">{children}</div>
    </details>
  );
}
