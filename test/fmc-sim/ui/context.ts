import type { FleetOptions, SimFleet } from '../fleet';

/** What the pages need from the server. */
export interface UiContext {
  /** The current fleet. */
  fleet(): SimFleet;
  /** The options it was generated from, which query switches override for one render. */
  fleetOptions(): FleetOptions;
}

/** A page as data; the server writes it out, so pages stay free of `node:http`. */
export interface UiResponse {
  status: number;
  html?: string;
  location?: string;
  /** For 405 answers. */
  allow?: string;
}

export const htmlResponse = (status: number, html: string): UiResponse => ({ status, html });
export const redirect = (location: string, status = 302): UiResponse => ({ status, location });
