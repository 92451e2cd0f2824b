import { serveRelayInDocument } from '../../lib/platform/offscreen';

// The offscreen document (Chromium): relays the service worker's FMC requests, lib/platform/offscreen.ts.
serveRelayInDocument();
