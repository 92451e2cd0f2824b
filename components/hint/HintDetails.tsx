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

interface SectionProps {
  section: ResolvedSection;
  depth: number;
  healthPolicyUrl: string;
  healthPolicyGuessed: boolean;
}

function SectionView({ section, depth, healthPolicyUrl, healthPolicyGuessed }: SectionProps) {
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
                    lookFor={command.lookFor?.text}
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
      {section.action === 'open-health-policy' && (
        <p>
          <a class="action" href={healthPolicyUrl} target="_top" data-action="open-health-policy">
            {t('hintOpenHealthPolicy')}
          </a>
          {healthPolicyGuessed && <span class="when"> {t('hintOpenHealthPolicyGuess')}</span>}
        </p>
      )}
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
            {section.table.rows.map((row) => (
              <tr key={JSON.stringify(row)}>
                {row.map((cell) => (
                  <td key={JSON.stringify(cell)}>
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
        <SectionView
          key={child.id}
          section={child}
          depth={depth + 1}
          healthPolicyUrl={healthPolicyUrl}
          healthPolicyGuessed={healthPolicyGuessed}
        />
      ))}
    </section>
  );
}

export function HintDetails(props: {
  entry: ResolvedEntry;
  healthPolicyUrl: string;
  healthPolicyGuessed: boolean;
}) {
  const { entry } = props;
  return (
    <div>
      <h2>{entry.title}</h2>
      {entry.confidence === 'hedged' && <p class="hedged">{t('hintHedged')}</p>}
      <h3>{t('hintWhatItMeans')}</h3>
      {entry.meaning.map((sentence) => (
        <p key={sentence.text}>
          <Said sentence={sentence} />
        </p>
      ))}
      {entry.sections.map((section) => (
        <SectionView key={section.id} section={section} depth={0} {...props} />
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
    </div>
  );
}
