import { htmlResponse, type UiResponse } from '../context';
import { h } from '../html';
import { page } from '../layout';

/** Error and placeholder pages share the FMC chrome, so that navigation still works from them. */
function messagePage(
  status: number,
  title: string,
  message: string,
  version: string,
  path: string,
): UiResponse {
  return htmlResponse(
    status,
    page({ title, version, path, main: [h('h1', null, title), h('p', null, message)] }),
  );
}

export const notFoundPage = (version: string, path: string) =>
  messagePage(404, 'Page Not Found', `There is no page at ${path} in this simulated FMC.`, version, path);

export const badRequestPage = (message: string, version: string, path: string) =>
  messagePage(400, 'Bad Request', message, version, path);

export const methodNotAllowedPage = (method: string, version: string, path: string) =>
  messagePage(405, 'Method Not Allowed', `${method} is not supported on ${path}.`, version, path);

/** The menu entries that are not simulated lead here rather than to a 404. */
export const placeholderPage = (label: string, version: string, path: string) =>
  messagePage(200, label, 'This page is not simulated.', version, path);
