import { z } from 'zod';
import { LANGS } from '../knowledge/schema';

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
export const CancelDiagnosisRequest = z.strictObject({
  type: z.literal('cancel-diagnosis'),
  origin: FmcOriginField,
});

export const ExtensionMessage = z.discriminatedUnion('type', [
  HintCountMessage,
  KnowledgeRequest,
  TabHintCountRequest,
  DiagnoseRequest,
  CancelDiagnosisRequest,
]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;
export type HintCountMessage = z.infer<typeof HintCountMessage>;
export type KnowledgeRequest = z.infer<typeof KnowledgeRequest>;
export type DiagnoseRequest = z.infer<typeof DiagnoseRequest>;

/**
 * What the content script tells the popup about the FMC page in its tab (`{ type: 'page-info' }`). The page's
 * text is untrusted, so the popup validates the answer too.
 */
export const PageInfoSchema = z.strictObject({
  user: z.string().max(64).nullable(),
  healthPolicy: z.strictObject({ url: z.url({ protocol: /^https?$/ }), guessed: z.boolean() }),
});
export type PageInfo = z.infer<typeof PageInfoSchema>;
