import { type Child, h } from '../html';
import { say, type UiLang } from '../i18n';

/** The icon font's glyphs (private-use code points, as icon fonts use): a cross and a check mark. */
export const GLYPHS = { failure: '\uf00d', success: '\uf00c' } as const;

/** The title of the status image: a severity word, in the UI's language (it is chrome, not a result). */
export function statusImageTitle(failed: boolean, lang: UiLang): string {
  return failed ? say('Critical', lang) : say('Normal', lang);
}

/**
 * Icons beside a status word. How FMC draws them is [unknown]; these are the usual kinds, varied by device:
 * none, an inline SVG whose `<title>` is a tooltip (text in the DOM, not on screen, and the result word
 * itself), an icon font's glyph hidden from assistive technology, an image with an empty alt and a title.
 * The page's fix button (client/monitor.js) turns each into its Success form.
 */
export function statusIcon(kind: number, failed: boolean, lang: UiLang): Child[] {
  switch (kind % 4) {
    case 1:
      return [
        h(
          'svg',
          { class: `status-icon ${failed ? 'is-failure' : 'is-success'}`, viewBox: '0 0 8 8', width: '12' },
          [h('title', null, failed ? 'Failure' : 'Success'), h('circle', { cx: '4', cy: '4', r: '4' })],
        ),
        ' ',
      ];
    case 2:
      return [
        h('span', { class: 'icon', 'aria-hidden': 'true' }, failed ? GLYPHS.failure : GLYPHS.success),
        ' ',
      ];
    case 3:
      return [
        h('img', {
          class: 'status-img',
          src: 'data:,',
          alt: '',
          title: statusImageTitle(failed, lang),
          width: '12',
          height: '12',
        }),
      ];
    default:
      return [];
  }
}

export type Severity = 'Critical' | 'Warning' | 'Normal' | 'Recovered';

/**
 * A severity (fmc-ui.md section 3: Critical, Warning, Normal, Recovered; never "Failure"): an icon with a
 * title, with or without the word beside it, or the word alone; which one is [unknown], so it varies.
 */
export function severity(kind: number, level: Severity, lang: UiLang): Child[] {
  const word = say(level, lang);
  const icon = h('span', {
    class: `severity severity--${level.toLowerCase()}`,
    title: word,
    'aria-hidden': 'true',
  });
  return kind % 3 === 0 ? [icon] : kind % 3 === 1 ? [icon, ' ', word] : [word];
}
