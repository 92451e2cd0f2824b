import { bugUrl } from '../../lib/knowledge/bugs';
import type { Resolved } from '../../lib/knowledge/resolve';
import type { KnowledgeEntry, Section } from '../../lib/knowledge/schema';
import { CommandLine } from '../common/CommandLine';
import { t } from '../i18n';

export type ResolvedEntry = Resolved<KnowledgeEntry>;
type ResolvedSection = Resolved<Section>;

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
          {t('hintWhen')} {section.when}
        </p>
      )}
      {section.paragraphs?.map((text) => (
        <p key={text}>{text}</p>
      ))}
      {section.steps && (
        <ol>
          {section.steps.map((step) => (
            <li key={step.text}>
              {step.text}
              {step.commands?.map((command) => (
                <CommandLine key={command.command} {...command} />
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
      {entry.meaning.map((text) => (
        <p key={text}>{text}</p>
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
