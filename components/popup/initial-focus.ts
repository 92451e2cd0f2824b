import { useEffect, useRef } from 'preact/hooks';

/** Whether the popup has placed its initial focus (or the user moved it first): once per popup. */
let placed = false;

/**
 * The popup's initial focus on its first useful control (issue 19): Enable on an FMC not enabled, the user name
 * of the sign-in form, the first failing device, else Refresh. The popup's parts load at different moments, so
 * each candidate asks when it appears (`when`); the first one asking wins, and none takes the focus from
 * where the user already put it.
 */
export function useInitialFocus<T extends HTMLElement>(when: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!when || placed) return;
    const target = ref.current;
    if (!target) return;
    placed = true;
    const active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement) return;
    // The element, or the first field to type in inside it (the sign-in form, drawn by another component: its
    // user name or token, not the on-premises / cloud choice above them, which has a default).
    const field = target.matches('button, input, summary, select, a[href]')
      ? target
      : (target.querySelector<HTMLElement>(
          'input[type="text"]:not([disabled]), input[type="password"]:not([disabled]), textarea',
        ) ?? target.querySelector<HTMLElement>('input:not([type="hidden"]), button, summary'));
    field?.focus();
  }, [when]);
  return ref;
}
