import { useId } from 'preact/hooks';
import { type Diagnosis, toJson, toMarkdown } from '../../lib/diagnose';
import type { Lang } from '../../lib/i18n';
import { t } from '../i18n';
import { downloadText, exportFileName } from './export-file';

export interface ExportButtonsProps {
  origin: string;
  /** The finished diagnosis; undefined while a run is going, so half a fleet is never exported. */
  diagnosis: Diagnosis | undefined;
  /** When the diagnosis finished, for the Markdown's "generated on" line. */
  finishedAt: number | undefined;
  lang: Lang;
}

/** "Export JSON" (the `fmc-cloud-doctor/diagnosis@1` file) and "Export Markdown" (for a TAC case). */
export function ExportButtons({ origin, diagnosis, finishedAt, lang }: ExportButtonsProps) {
  const hintId = useId();
  const ready = diagnosis !== undefined;
  const exportJson = () => {
    if (diagnosis) downloadText(exportFileName(origin, 'json'), toJson(diagnosis, lang), 'application/json');
  };
  const exportMarkdown = () => {
    if (diagnosis) {
      const text = toMarkdown(diagnosis, lang, new Date(finishedAt ?? Date.now()));
      downloadText(exportFileName(origin, 'md'), text, 'text/markdown');
    }
  };
  return (
    <span class="exports">
      <button
        type="button"
        disabled={!ready}
        onClick={exportJson}
        aria-describedby={ready ? undefined : hintId}
      >
        {t('reportExportJson')}
      </button>
      <button
        type="button"
        disabled={!ready}
        onClick={exportMarkdown}
        aria-describedby={ready ? undefined : hintId}
      >
        {t('reportExportMarkdown')}
      </button>
      {!ready && (
        <span id={hintId} class="visually-hidden">
          {t('reportExportWhen')}
        </span>
      )}
    </span>
  );
}
