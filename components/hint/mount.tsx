import { render } from 'preact';
import type { MountedHint } from '../../lib/page/hint-controller';
import { HINT_ATTRIBUTE } from '../../lib/page/hint-controller';
import { Hint, type HintProps } from './Hint';
import { HINT_CSS } from './styles';

/** A custom element name no FMC stylesheet targets; the shadow root keeps the rest isolated. */
const HOST_TAG = 'fmc-cloud-doctor-hint';

/**
 * Mounts a hint in `anchor`: right after `after` when given and inside it (the failing line's own text,
 * `AlertRowMatch.after`), else at its end.
 */
export function mountHint(anchor: Element, props: HintProps, after?: Node): MountedHint {
  const doc = anchor.ownerDocument;
  const host = doc.createElement(HOST_TAG);
  host.setAttribute(HINT_ATTRIBUTE, props.entryId);
  // Open, so the hint can be inspected and tested; the page could read our text either way.
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = HINT_CSS;
  root.appendChild(style);
  const container = doc.createElement('span');
  root.appendChild(container);
  render(<Hint {...props} />, container);
  if (after?.parentNode && anchor.contains(after)) after.parentNode.insertBefore(host, after.nextSibling);
  else anchor.appendChild(host);
  return {
    host,
    unmount() {
      render(null, container);
      host.remove();
    },
  };
}
