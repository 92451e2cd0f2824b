import { cardsMarkup } from './cards';
import { eventsMarkup } from './events';
import { fieldsMarkup } from './fields';
import { gridMarkup } from './grid';
import type { Markup } from './markup';
import { messagesMarkup } from './messages';
import { moduleMarkup } from './module';
import { tableMarkup } from './table';

export type { Markup, RenderOptions } from './markup';

/** The forms of fmc-ui.md section 6, most likely first; the module detail is the default page. */
export const MARKUPS: readonly Markup[] = [
  moduleMarkup,
  fieldsMarkup,
  messagesMarkup,
  eventsMarkup,
  cardsMarkup,
  tableMarkup,
  gridMarkup,
];
