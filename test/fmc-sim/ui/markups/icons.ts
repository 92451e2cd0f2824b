import { type Child, h } from '../html';
import { say, type UiLang } from '../i18n';

/**
 * Icons beside a status or severity word. How FMC draws them is [unknown]; these are the usual kinds, varied by
 * device: none, an inline SVG whose `<title>` is a tooltip (text in the DOM, not on screen), an icon font's
 * glyph hidden from assistive technology, an image with a title.
 */
export function statusIcon(kind: number, failed: boolean, lang: UiLang): Child[] {
  const word = failed ? say('Critical', lang) : say('Normal', lang);
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
      return [h('span', { class: 'icon-font', 'aria-hidden': 'true' }, failed ? '\uf00d' : '\uf00c'), ' '];
    case 3:
      return [
        h('img', { class: 'status-img', src: 'data:,', alt: '', title: word, width: '12', height: '12' }),
      ];
    default:
      return [];
  }
}

/** A severity: an icon with a title, with or without the word beside it. */
export function severity(
  kind: number,
  level: 'Critical' | 'Warning' | 'Normal' | 'Recovered',
  lang: UiLang,
): Child[] {
  const word = say(level, lang);
  const icon = h('span', {
    class: `severity severity--${level.toLowerCase()}`,
    title: word,
    'aria-hidden': 'true',
  });
  return kind % 3 === 0 ? [icon] : kind % 3 === 1 ? [icon, ' ', word] : [word];
}
