import { z } from 'zod';
import { LANGS } from '../i18n';

/**
 * Every message our pages and content scripts send to the background. The background validates each one
 * and checks it comes from this extension before acting; anything else is dropped and counted.
 */
export const HintCountMessage = z.strictObject({
  type: z.literal('hint-count'),
  count: z.number().int().min(0).max(1_000_000),
});

export const KnowledgeRequest = z.strictObject({
  type: z.literal('knowledge'),
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  lang: z.enum(LANGS),
});

export const TabHintCountRequest = z.strictObject({
  type: z.literal('tab-hint-count'),
  tabId: z.number().int().min(0),
});

/** An FMC's origin as the extension's pages name it: scheme, host and port, nothing else. */
const FmcOriginField = z
  .string()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  });

export const DiagnoseRequest = z.strictObject({ type: z.literal('diagnose'), origin: FmcOriginField });

/** A device id as the FMC gives it (a UUID); bounded so a message can never carry much. */
const DeviceIdField = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/);

/**
 * The loop closed in the page (issue 10). From a content script, the FMC is the sender's own origin (never one
 * the message names); from our pages, `origin` says which FMC.
 */
export const HintVerdictsRequest = z.strictObject({
  type: z.literal('hint-verdicts'),
  origin: FmcOriginField.optional(),
});
export const HintSettingsRequest = z.strictObject({
  type: z.literal('hint-settings'),
  origin: FmcOriginField.optional(),
});
export const HintDeviceRequest = z.strictObject({
  type: z.literal('hint-device'),
  deviceId: DeviceIdField,
  lang: z.enum(LANGS),
  origin: FmcOriginField.optional(),
});
export const RecheckRequest = z.strictObject({
  type: z.literal('recheck'),
  deviceId: DeviceIdField,
  origin: FmcOriginField.optional(),
  lang: z.enum(LANGS).optional(),
});
export const WatchRequest = z.strictObject({
  type: z.literal('watch'),
  deviceIds: z.array(DeviceIdField).min(1).max(5000),
  on: z.boolean(),
  origin: FmcOriginField.optional(),
  lang: z.enum(LANGS).optional(),
});
export const OpenReportRequest = z.strictObject({
  type: z.literal('open-report'),
  deviceId: DeviceIdField.optional(),
  origin: FmcOriginField.optional(),
});

export const ExtensionMessage = z.discriminatedUnion('type', [
  HintCountMessage,
  KnowledgeRequest,
  TabHintCountRequest,
  DiagnoseRequest,
  HintVerdictsRequest,
  HintSettingsRequest,
  HintDeviceRequest,
  RecheckRequest,
  WatchRequest,
  OpenReportRequest,
]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;
export type HintCountMessage = z.infer<typeof HintCountMessage>;
export type KnowledgeRequest = z.infer<typeof KnowledgeRequest>;
export type DiagnoseRequest = z.infer<typeof DiagnoseRequest>;
export type HintVerdictsRequest = z.infer<typeof HintVerdictsRequest>;
export type HintSettingsRequest = z.infer<typeof HintSettingsRequest>;
export type HintDeviceRequest = z.infer<typeof HintDeviceRequest>;
export type RecheckRequest = z.infer<typeof RecheckRequest>;
export type WatchRequest = z.infer<typeof WatchRequest>;
export type OpenReportRequest = z.infer<typeof OpenReportRequest>;

/**
 * The service worker's FMC request relayed through the offscreen document (Chromium; lib/platform/offscreen.ts).
 * Not an `ExtensionMessage`: only the offscreen document answers it, and only from our service worker. The URL
 * is an FMC's REST API address (http(s), no credentials in it); the document fetches it only when its origin is
 * one the user enabled.
 */
export const OFFSCREEN_FETCH = 'fmc-offscreen-fetch';
const HeaderPairs = z.array(z.tuple([z.string().max(256), z.string().max(16_384)])).max(64);
export const OffscreenFetchRequest = z.strictObject({
  type: z.literal(OFFSCREEN_FETCH),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
  url: z
    .string()
    .max(8_192)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
      } catch {
        return false;
      }
    }),
  headers: HeaderPairs,
  body: z.string().max(1_000_000).optional(),
  timeoutMs: z.number().int().min(1).max(300_000),
});
export type OffscreenFetchRequest = z.infer<typeof OffscreenFetchRequest>;

/** The document's answer: the FMC's response as it came (status, headers, text), or why there is none. */
export const OffscreenFetchAnswer = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    status: z.number().int().min(0).max(999),
    /** The FMC answered a redirect (never followed: `redirect: 'manual'` gives an opaque one). */
    redirected: z.boolean(),
    headers: z.array(z.tuple([z.string(), z.string()])),
    body: z.string(),
  }),
  z.strictObject({
    ok: z.literal(false),
    /** `unreachable`: fetch failed (network, TLS); `refused`: the document would not send it; `timeout`. */
    reason: z.enum(['unreachable', 'refused', 'timeout']),
  }),
]);
export type OffscreenFetchAnswer = z.infer<typeof OffscreenFetchAnswer>;

/**
 * What the content script tells the popup about the FMC page in its tab (`{ type: PAGE_INFO }`, hint.ts).
 * The page's text is untrusted, so the popup validates the answer too.
 */
export const PageInfoSchema = z.strictObject({
  user: z.string().max(64).nullable(),
  healthPolicy: z.strictObject({ url: z.url({ protocol: /^https?$/ }), guessed: z.boolean() }),
});
export type PageInfo = z.infer<typeof PageInfoSchema>;
