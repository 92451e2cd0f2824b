import { redirect, type UiContext, type UiResponse } from './context';
import { MARKUPS } from './markups';
import { navLabel } from './nav';
import { busyPage } from './pages/busy';
import { cloudHelpPage } from './pages/help';
import { loginPage } from './pages/login';
import { monitorPage } from './pages/monitor';
import { monitorIndexPage } from './pages/monitor-index';
import { policyEditPage, policyListPage } from './pages/policy';
import { methodNotAllowedPage, notFoundPage, placeholderPage } from './pages/status';
import { tacNotePage } from './pages/tac-note';

/** Every path that is not the REST API or a `/__sim` control endpoint. */
export function routeUi(method: string, url: URL, ctx: UiContext): UiResponse {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const version = ctx.fleet().serverVersion;

  if (path === '/ui/login' && method === 'POST') return redirect('/', 303);
  if (method !== 'GET' && method !== 'HEAD') {
    return {
      ...methodNotAllowedPage(method, version, path),
      allow: path === '/ui/login' ? 'GET, HEAD, POST' : 'GET, HEAD',
    };
  }

  const markup = MARKUPS.find((candidate) => path === `/health/monitor/${candidate.name}`);
  if (markup) return monitorPage(markup, url, ctx);

  switch (path) {
    case '/':
      // Form 1 of fmc-ui.md, the TAC note's screenshot, is the default page.
      return redirect('/health/monitor/module');
    case '/ui/login':
      return loginPage(ctx);
    case '/health/monitor':
      return monitorIndexPage(ctx);
    case '/health/policy':
      return policyListPage(url, ctx);
    case '/health/policy/edit':
      return policyEditPage(url, ctx);
    case '/help/cloud':
      return cloudHelpPage(ctx);
    case '/help/tac-note':
      return tacNotePage(ctx);
    case '/sim/busy':
      return busyPage(url, ctx);
  }

  const label = navLabel(version, path);
  return label ? placeholderPage(label, version, path) : notFoundPage(version, path);
}
