import type { ComponentChildren } from 'preact';
import type { Lang } from '../../lib/i18n';
import { bugUrl } from '../../lib/knowledge/bugs';
import type { Resolved, ResolvedSourced } from '../../lib/knowledge/resolve';
import type { KnowledgeEntry, Section } from '../../lib/knowledge/schema';
import { isSource, type Source, sourceUrl } from '../../lib/knowledge/sources';
import { CommandLine } from '../common/CommandLine';
import { t } from '../i18n';

export type ResolvedEntry = Resolved<KnowledgeEntry>;
type ResolvedSection = Resolved<Section>;

function sourceKey(source: Source): string {
  return source.kind === 'cisco' ? `cisco ${source.url}` : source.kind;
}

/**
 * Where a sentence of advice comes from: "Source: TAC note 217616", "Cisco: <title>" (links only to Cisco's
 * documentation sites, whatever the data says) or "inferred". Shared by the hint and the pages.
 */
export function SourceNote({ sources, lang }: { sources: readonly unknown[] | undefined; lang: Lang }) {
  const seen = new Set<string>();
  const list = (Array.isArray(sources) ? sources : []).filter(isSource).filter((source) => {
    const key = sourceKey(source);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (list.length === 0) return null;
  return (
    <span class="when source" data-sources={list.map((source) => source.kind).join(' ')}>
      {' '}
      {t('adviceSourceLabel')}{' '}
      {list.map((source, i) => {
        const label =
          source.kind === 'seed'
            ? t('adviceSourceSeed')
            : source.kind === 'cisco'
              ? t('adviceSourceCisco', source.title)
              : t('adviceSourceInferred');
        const href = sourceUrl(source, lang);
        return (
          <span key={sourceKey(source)} data-source={source.kind}>
            {i > 0 && ' · '}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            ) : (
              label
            )}
          </span>
        );
      })}
    </span>
  );
}

function Said({ sentence }: { sentence: ResolvedSourced }) {
  return (
    <>
      {sentence.text}
      <SourceNote sources={sentence.sources} lang={sentence.lang} />
    </>
  );
}

/** The health policy page of this FMC, and whether its address is a guess (lib/page/health-policy.ts). */
export interface HealthPolicy {
  url: string;
  guessed: boolean;
}

/** "Open the health policy": a link styled as the primary button, in the top frame. */
export function PolicyLink({ policy }: { policy: HealthPolicy }) {
  return (
    <p>
      <a class="action" href={policy.url} target="_top" data-action="open-health-policy">
        {t('hintOpenHealthPolicy')}
      </a>
      {policy.guessed && <span class="when"> {t('hintOpenHealthPolicyGuess')}</span>}
    </p>
  );
}

interface SectionProps {
  section: ResolvedSection;
  depth: number;
  /** Null where the panel offers the health policy elsewhere (the triage): one link, not two. */
  policy: HealthPolicy | null;
}

function SectionView({ section, depth, policy }: SectionProps) {
  const Heading = depth === 0 ? 'h3' : 'h4';
  return (
    <section data-section={section.id}>
      <Heading>{section.title}</Heading>
      {section.when && (
        <p class="when">
          {t('hintWhen')} <Said sentence={section.when} />
        </p>
      )}
      {section.paragraphs?.map((paragraph) => (
        <p key={paragraph.text}>
          <Said sentence={paragraph} />
        </p>
      ))}
      {section.steps && (
        <ol>
          {section.steps.map((step) => (
            <li key={step.text.text}>
              <Said sentence={step.text} />
              {step.commands?.map((command) => (
                <div key={command.command}>
                  <CommandLine
                    command={command.command}
                    shell={command.shell}
                    purpose={command.purpose.text}
                    expect={command.lookFor?.text}
                    healthyOutput={command.healthyOutput}
                  />
                  <SourceNote
                    sources={[...command.purpose.sources, ...(command.lookFor?.sources ?? [])]}
                    lang={command.purpose.lang}
                  />
                </div>
              ))}
            </li>
          ))}
        </ol>
      )}
      {section.action === 'open-health-policy' && policy && <PolicyLink policy={policy} />}
      {section.table && (
        <table>
          <thead>
            <tr>
              {section.table.head.map((head) => (
                <th key={head}>{head}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {section.table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>
                    {'text' in cell
                      ? cell.text
                      : cell.code.map((code, i) => (
                          <span key={code}>
                            {i > 0 && ' '}
                            <code>{code}</code>
                          </span>
                        ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {section.bugs && (
        <ul>
          {section.bugs.map((bug) => (
            <li key={bug.id}>
              <a href={bugUrl(bug.id)} target="_blank" rel="noopener noreferrer">
                {bug.id}
              </a>{' '}
              {bug.title}
            </li>
          ))}
        </ul>
      )}
      {section.sections?.map((child) => (
        <SectionView key={child.id} section={child} depth={depth + 1} policy={policy} />
      ))}
    </section>
  );
}

/**
 * The alert's explanation. With a triage (issue 19), before a diagnosis: the three lines that tell the scenarios
 * apart (the health policy on the "no" line), `children` (the way to a diagnosis), then the rest folded; with
 * the row's device (`folded`), the whole explanation folded below it. Without a triage, all of it open.
 */
export function HintDetails({
  entry,
  policy,
  folded,
  children,
}: {
  entry: ResolvedEntry;
  policy: HealthPolicy;
  folded?: boolean;
  children?: ComponentChildren;
}) {
  const triage = !folded && entry.triage;
  const rest = (
    <>
      {entry.confidence === 'hedged' && <p class="hedged">{t('hintHedged')}</p>}
      <h3>{t('hintWhatItMeans')}</h3>
      {entry.meaning.map((sentence) => (
        <p key={sentence.text}>
          <Said sentence={sentence} />
        </p>
      ))}
      {entry.sections.map((section) => (
        <SectionView key={section.id} section={section} depth={0} policy={triage ? null : policy} />
      ))}
      {entry.links.length > 0 && (
        <>
          <h3>{t('hintReferences')}</h3>
          <ul>
            {entry.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.label}
                </a>{' '}
                <span class="when">{t('hintOpensInNewTab')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
  return (
    <div>
      <h2>{entry.title}</h2>
      {triage && (
        <ol class="triage" data-section="triage">
          {[triage.question, triage.no, triage.yes].map((line, i) => (
            <li key={line.text}>
              <Said sentence={line} />
              {i === 1 && <PolicyLink policy={policy} />}
              {i === 2 && (
                <>
                  <CommandLine
                    command={triage.command.command}
                    shell={triage.command.shell}
                    expect={triage.command.lookFor?.text}
                  />
                  <SourceNote sources={triage.command.lookFor?.sources} lang={line.lang} />
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {children}
      {/* Open when there is nothing above it to read first (an entry without a triage, before a diagnosis). */}
      <details data-section="more" open={!(folded || triage)}>
        <summary>{t('hintMore')}</summary>
        {rest}
      </details>
    </div>
  );
}
