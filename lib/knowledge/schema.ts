import { z } from 'zod';

/**
 * The knowledge base is data: one entry per health alert the extension explains. Adding the next alert
 * (a Security Intelligence feed, Dynamic Analysis...) is adding an entry, never code. The hint renders any
 * entry generically from these shapes.
 */

import type { Localized as LocalizedText } from '../i18n';
import { CISCO_HOSTS, type Sourced as SourcedText } from './sources';

/** Every user-visible label (a title, a heading, a link's name) exists in every language. */
export const Localized = z.strictObject({ en: z.string().min(1), fr: z.string().min(1) });
export type Localized = LocalizedText;

const CiscoUrl = z.url({
  protocol: /^https$/,
  hostname: new RegExp(`^(?:${CISCO_HOSTS.map((h) => h.replaceAll('.', '\\.')).join('|')})$`),
});

export const SourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('seed') }),
  z.strictObject({ kind: z.literal('cisco'), title: z.string().min(1), url: CiscoUrl }),
  z.strictObject({ kind: z.literal('inferred') }),
]);

/**
 * Every sentence of advice: both languages and where it comes from (./sources.ts). The type makes a sentence
 * without its source a compile error; `test/unit/knowledge-sources.test.ts` walks the data too.
 */
export const Sourced = z.strictObject({
  en: z.string().min(1),
  fr: z.string().min(1),
  source: z.union([SourceSchema, z.array(SourceSchema).min(1).readonly()]),
});
export type Sourced = SourcedText;

export const CommandSchema = z.strictObject({
  /** Exactly what the admin types; never translated. */
  command: z.string().min(1),
  /** `cli` is the device's `>` prompt; `expert` is the Linux shell reached with `expert`. */
  shell: z.enum(['cli', 'expert']),
  purpose: Sourced,
  /** The expected output in full, verbatim from the TAC note, when it gives one. */
  healthyOutput: z.string().min(1).optional(),
  /** What the output shows on a working device: the hint shows it as "Expected" (issue 19). */
  lookFor: Sourced.optional(),
});
export type Command = z.infer<typeof CommandSchema>;

export const StepSchema = z.strictObject({
  text: Sourced,
  commands: z.array(CommandSchema).optional(),
});
export type Step = z.infer<typeof StepSchema>;

export const TableCellSchema = z.union([
  z.strictObject({ text: Localized }),
  z.strictObject({ code: z.array(z.string().min(1)).min(1) }),
]);
export const TableSchema = z.strictObject({
  head: z.array(Localized).min(1),
  rows: z.array(z.array(TableCellSchema).min(1)).min(1),
});

export const LinkSchema = z.strictObject({
  label: Localized,
  url: Localized,
});
export type Link = z.infer<typeof LinkSchema>;

export const BugSchema = z.strictObject({
  id: z.string().regex(/^CSC[a-z]{2}\d{5}$/),
  title: Localized,
});
export type Bug = z.infer<typeof BugSchema>;

export interface Section {
  id: string;
  title: Localized;
  /** When this section applies (for a scenario: the condition that selects it). */
  when?: Sourced | undefined;
  paragraphs?: Sourced[] | undefined;
  steps?: Step[] | undefined;
  table?: z.infer<typeof TableSchema> | undefined;
  bugs?: Bug[] | undefined;
  /** A one-click action the hint offers in this section. */
  action?: 'open-health-policy' | undefined;
  sections?: Section[] | undefined;
}

export const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: Localized,
    when: Sourced.optional(),
    paragraphs: z.array(Sourced).optional(),
    steps: z.array(StepSchema).optional(),
    table: TableSchema.optional(),
    bugs: z.array(BugSchema).optional(),
    action: z.literal('open-health-policy').optional(),
    sections: z.array(SectionSchema).optional(),
  }),
);

/**
 * How a row reports the alert: the data type, then one of the result words, with only white space, a dash,
 * a colon, a cell boundary or an icon between; the module's name may come first, or not be in the row at all.
 */
export const AlertMatchSchema = z.strictObject({
  modules: z.array(z.string().min(1)).min(1),
  dataType: z.string().min(1),
  results: z.array(z.string().min(1)).min(1),
});

/**
 * The three lines a hint opens with before any diagnosis (issue 19): the question that tells the scenarios
 * apart, the answer "no" (the alert is expected: the hint offers the health policy there) and the answer
 * "yes" with the first command to run.
 */
export const TriageSchema = z.strictObject({
  question: Sourced,
  no: Sourced,
  yes: Sourced,
  command: CommandSchema,
});

export const KnowledgeEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  match: AlertMatchSchema,
  /** `documented`: stated by Cisco's TAC note; `hedged`: from neighbouring Cisco docs, worded with care. */
  confidence: z.enum(['documented', 'hedged']),
  title: Localized,
  /** One line, shown on the collapsed badge's tooltip. */
  summary: Sourced,
  meaning: z.array(Sourced).min(1),
  /** When present, the hint opens with it and folds the rest (meaning, sections, links). */
  triage: TriageSchema.optional(),
  sections: z.array(SectionSchema),
  links: z.array(LinkSchema),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>;
