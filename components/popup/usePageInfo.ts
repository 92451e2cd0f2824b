import { useEffect, useState } from 'preact/hooks';
import { askPageInfo } from '../../lib/platform/messaging';
import { type PageInfo, PageInfoSchema } from '../../lib/protocol/messages';

/**
 * The content script's answer, when it has the expected shape and, given the FMC's origin, a health policy
 * link on that origin: anything else is ignored.
 */
export function parsePageInfo(answer: unknown, origin?: string): PageInfo | null {
  const parsed = PageInfoSchema.safeParse(answer);
  if (!parsed.success) return null;
  if (origin !== undefined && new URL(parsed.data.healthPolicy.url).origin !== origin) return null;
  return parsed.data;
}

/**
 * The FMC page's logged-in user and health policy link, from the content script in that tab's top frame.
 * With `origin` (the tab's FMC), a link that leaves that FMC is refused.
 */
export function usePageInfo(tabId: number, origin?: string): PageInfo | null {
  const [info, setInfo] = useState<PageInfo | null>(null);
  useEffect(() => {
    askPageInfo(tabId).then(
      (answer) => setInfo(parsePageInfo(answer, origin)),
      // No content script in the tab (page still loading, or opened before the extension): nothing known.
      () => setInfo(null),
    );
  }, [tabId, origin]);
  return info;
}
