import { findLoggedInUser } from '../detect';
import { PAGE_INFO } from '../protocol/hint';
import type { PageInfo } from '../protocol/messages';
import type { HealthPolicyTarget } from './health-policy';
import { onOwnMessage } from './own-messages';

/**
 * The popup asks which user the FMC page shows as logged in (to warn before an API sign-in with the same
 * account, which would log that UI session out) and where the health policy is. Only the top frame answers;
 * only our extension may ask. `healthPolicy` settles once the user's settings for this FMC arrived.
 * Returns the way to stop answering.
 */
export function answerPageInfo(doc: Document, healthPolicy: () => Promise<HealthPolicyTarget>): () => void {
  return onOwnMessage((type, sendResponse) => {
    if (type !== PAGE_INFO || window !== window.top) return undefined;
    void healthPolicy().then((target) =>
      sendResponse({ user: findLoggedInUser(doc), healthPolicy: target } satisfies PageInfo),
    );
    // Keeps the channel open while the settings arrive.
    return true;
  });
}
