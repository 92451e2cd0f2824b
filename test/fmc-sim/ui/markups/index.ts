import { alertsMarkup } from './alerts';
import { gridMarkup } from './grid';
import type { Markup } from './markup';
import { tableMarkup } from './table';

export type { Markup } from './markup';

export const MARKUPS: readonly Markup[] = [tableMarkup, gridMarkup, alertsMarkup];
