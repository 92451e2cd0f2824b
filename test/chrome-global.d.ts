// Tests and scripts evaluate code inside the extension's service worker, where `chrome` is the API.
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
