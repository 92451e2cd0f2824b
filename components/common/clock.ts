/**
 * `10:42`, or a date and time when not today, in `lang` (the browser's UI language, `currentLang()`, also in the
 * hint): the hint's, the popup's and the report's times.
 */
export function clock(ms: number, lang: string): string {
  const date = new Date(ms);
  const today = new Date().toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(lang, {
    ...(today ? {} : { dateStyle: 'short' }),
    timeStyle: 'short',
  }).format(date);
}
