import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Diagnosis, toJson, toMarkdown } from '../../lib/diagnose';
import type { Lang } from '../../lib/i18n';
import { t } from '../i18n';
import { downloadText, exportFileName } from './export-file';

export interface ExportButtonsProps {
  origin: string;
  /** The finished diagnosis; undefined while a run is going, so half a fleet is never exported. */
  diagnosis: Diagnosis | undefined;
  /** When the diagnosis finished, for the Markdown's "Diagnosed" line. */
  finishedAt: number | undefined;
  lang: Lang;
}

/**
 * "Export JSON" (the `fmc-cloud-doctor/diagnosis@1` file) and "Export Markdown" (for a TAC case), and, on a page
 * that is not in English, "Export in English": a TAC case is often worked in English whatever the admin's
 * language. The JSON's texts (evidence, runbooks, flags) are words too, resolved to one language, so the choice
 * applies to both files.
 */
export function ExportButtons({ origin, diagnosis, finishedAt, lang }: ExportButtonsProps) {
  const hintId = useId();
  const [english, setEnglish] = useState(false);
  const ready = diagnosis !== undefined;
  const fileLang: Lang = english ? 'en' : lang;
  const exportJson = () => {
    if (diagnosis)
      downloadText(
        exportFileName(origin, 'json'),
        toJson(diagnosis, fileLang, { extensionVersion: extensionVersion() }),
        'application/json',
      );
  };
  const exportMarkdown = () => {
    if (diagnosis) {
      const text = toMarkdown(diagnosis, fileLang, new Date(finishedAt ?? Date.now()), {
        extensionVersion: extensionVersion(),
      });
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
      {lang !== 'en' && (
        <label class="inline">
          <input
            type="checkbox"
            checked={english}
            data-testid="export-english"
            onChange={(event) => setEnglish(event.currentTarget.checked)}
          />{' '}
          {t('reportExportEnglish')}
        </label>
      )}
      {!ready && (
        <span id={hintId} class="visually-hidden">
          {t('reportExportWhen')}
        </span>
      )}
    </span>
  );
}

/** The extension's version as its manifest says it, for the files to name; undefined where there is no manifest. */
function extensionVersion(): string | undefined {
  try {
    const version = browser.runtime.getManifest().version;
    return typeof version === 'string' && version !== '' ? version : undefined;
  } catch {
    return undefined;
  }
}
