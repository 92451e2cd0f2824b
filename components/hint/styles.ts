import VERDICT_CSS from '../diagnosis/verdict.css?inline';

/** Scoped to the hint's shadow root: the FMC page's CSS cannot reach in, ours cannot leak out. */
export const HINT_CSS = `${VERDICT_CSS}
:host { all: initial; display: inline-block; vertical-align: middle; margin-inline-start: 0.5em;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color-scheme: light dark;
  --fg: #1d2939; --muted: #475467; --bg: #ffffff; --panel: #f8fafc; --border: #d0d5dd; --accent: #b42318;
  --accent-bg: #fef3f2; --link: #175cd3; --code-bg: #f2f4f7; --ok: #067647; }
@media (prefers-color-scheme: dark) {
  :host { --fg: #e4e7ec; --muted: #98a2b3; --bg: #101828; --panel: #182230; --border: #344054;
    --accent: #fda29b; --accent-bg: #3e1c1a; --link: #84adff; --code-bg: #0c111d; --ok: #75e0a7; }
}
* { box-sizing: border-box; }
.badge { display: inline-flex; align-items: center; gap: 0.35em; cursor: pointer; font: inherit; font-weight: 600;
  color: var(--accent); background: var(--accent-bg); border: 1px solid currentColor; border-radius: 999px;
  padding: 0.05em 0.6em; white-space: nowrap; }
.badge:focus-visible, button:focus-visible, a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.badge .icon { display: inline-grid; place-items: center; width: 1.2em; height: 1.2em; border-radius: 50%;
  background: var(--accent); color: var(--bg); font-size: 0.8em; }
/* Above the page's later boxes (a grid of device panels): the panel is wider than a narrow cell. */
.panel { display: block; position: relative; z-index: 2147483000; margin-top: 0.4em; width: min(46rem, 86vw);
  max-height: 70vh; overflow: auto;
  white-space: normal; text-align: start; color: var(--fg); background: var(--panel);
  border: 1px solid var(--border); border-radius: 8px; padding: 0.75em 1em; box-shadow: 0 4px 16px rgb(0 0 0 / 0.15); }
h2 { font-size: 1.15em; margin: 0 0 0.4em; }
h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
h4 { font-size: 1em; margin: 0.8em 0 0.25em; }
p { margin: 0.3em 0; }
.when { color: var(--muted); font-style: italic; }
.hedged { color: var(--muted); border-inline-start: 3px solid var(--border); padding-inline-start: 0.6em; }
ol, ul { margin: 0.3em 0; padding-inline-start: 1.4em; }
li { margin: 0.25em 0; }
.command { display: flex; align-items: center; gap: 0.5em; margin: 0.3em 0; flex-wrap: wrap; }
.shell { font-size: 0.8em; color: var(--muted); min-width: 6.5em; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.95em;
  background: var(--code-bg); border-radius: 4px; }
code { padding: 0.05em 0.35em; overflow-wrap: anywhere; }
pre { padding: 0.5em 0.7em; overflow: auto; max-height: 16em; margin: 0.3em 0; white-space: pre; }
.purpose { color: var(--muted); flex-basis: 100%; margin-inline-start: 7em; }
.expect { color: var(--muted); flex-basis: 100%; margin: 0; margin-inline-start: 7em; }
.expect-label { font-weight: 600; }
button.copy, a.action { font: inherit; font-size: 0.85em; cursor: pointer; border-radius: 6px; padding: 0.1em 0.6em;
  border: 1px solid var(--border); background: var(--bg); color: var(--fg); }
a.action { display: inline-block; margin: 0.4em 0; padding: 0.3em 0.9em; font-weight: 600; text-decoration: none;
  background: var(--link); border-color: var(--link); color: var(--bg); }
.status { font-size: 0.85em; color: var(--ok); }
details.healthy > summary { cursor: pointer; color: var(--muted); font-size: 0.9em; }
table { border-collapse: collapse; margin: 0.4em 0; font-size: 0.92em; }
th, td { border: 1px solid var(--border); padding: 0.25em 0.5em; text-align: start; vertical-align: top; }
a { color: var(--link); }
.device-line { display: inline-flex; align-items: center; gap: 0.4em; margin-inline-start: 0.4em; flex-wrap: wrap; }
button.recheck, button.secondary, button.watch { font: inherit; font-size: 0.85em; cursor: pointer; border-radius: 999px;
  padding: 0.05em 0.7em; border: 1px solid var(--border); background: var(--bg); color: var(--fg); }
button.recheck[disabled], button.watch[disabled] { cursor: progress; opacity: 0.7; }
.watching { font-size: 0.85em; color: var(--link); font-weight: 600; }
.problem { font-size: 0.85em; color: var(--accent); }
section.device { border-bottom: 1px solid var(--border); padding-bottom: 0.5em; margin-bottom: 0.6em; }
section.device h3 { margin-top: 0; }
.runbook > li.first { background: var(--accent-bg); border-inline-start: 3px solid var(--accent);
  padding: 0.2em 0.5em; border-radius: 4px; }
.actions { display: flex; gap: 0.5em; flex-wrap: wrap; }
.close { float: inline-end; font: inherit; cursor: pointer; background: none; border: none; color: var(--muted); font-size: 1.2em; }
`;
