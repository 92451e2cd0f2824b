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

export const ExtensionMessage = z.discriminatedUnion('type', [
  HintCountMessage,
  KnowledgeRequest,
  TabHintCountRequest,
]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;
export type HintCountMessage = z.infer<typeof HintCountMessage>;
export type KnowledgeRequest = z.infer<typeof KnowledgeRequest>;
