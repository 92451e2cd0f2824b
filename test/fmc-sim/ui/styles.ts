/** One stylesheet for every page; colours are variables so that `prefers-color-scheme` swaps them in one place. */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f3f5f7; --fg: #1d2630; --muted: #5c6877; --panel: #fff; --border: #d6dce2; --link: #0b65b8;
  --fail: #b3261e; --fail-bg: #fdeceb; --ok: #2b7a3d; --ok-bg: #e7f4ea; --info: #0b65b8;
  --header: #17212b; --header-fg: #e6edf3; --menu: #213040; --menu-hover: #30465c;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #10161c; --fg: #dbe2e9; --muted: #98a5b3; --panel: #18212a; --border: #2b3946; --link: #72b7ff;
    --fail: #ff8b80; --fail-bg: #3a1e1c; --ok: #86cf95; --ok-bg: #1a2e20; --info: #72b7ff;
    --header: #0a0f14; --menu: #16212c; --menu-hover: #263748;
  }
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--link); }
.fmc-header { display: flex; align-items: center; gap: 1.25rem; min-height: 48px; padding: 0 1rem; background: var(--header); color: var(--header-fg); }
.fmc-brand { display: flex; align-items: baseline; gap: .6rem; color: inherit; text-decoration: none; white-space: nowrap; }
.fmc-logo { font-weight: 700; letter-spacing: .05em; color: #49b5e7; }
.fmc-product { font-size: 15px; }
.fmc-user { margin-left: auto; opacity: .8; }
.fmc-nav ul { list-style: none; margin: 0; padding: 0; }
.fmc-nav .menu { display: flex; }
.fmc-nav li { position: relative; }
.fmc-nav a { display: block; padding: .8rem .85rem; color: var(--header-fg); text-decoration: none; white-space: nowrap; }
.fmc-nav .submenu { display: none; position: absolute; top: 100%; left: 0; z-index: 10; min-width: 13rem; background: var(--menu); box-shadow: 0 6px 18px rgb(0 0 0 / .35); }
.fmc-nav .submenu .submenu { top: 0; left: 100%; }
.fmc-nav .submenu a { padding: .5rem .9rem; }
.fmc-nav .submenu .has-menu > a::after { content: " \\25B8"; }
.fmc-nav li:hover > .submenu, .fmc-nav li:focus-within > .submenu { display: block; }
.fmc-nav a:hover, .fmc-nav a:focus-visible { background: var(--menu-hover); outline: none; }
.fmc-nav a[aria-current="page"] { box-shadow: inset 3px 0 #49b5e7; }
main { padding: 1rem 1.5rem 2rem; }
h1 { font-size: 20px; font-weight: 500; margin: .25rem 0 .75rem; }
h2 { font-size: 16px; font-weight: 500; }
.help { max-width: 75ch; color: var(--muted); }
.toolbar { display: flex; align-items: center; justify-content: space-between; gap: 1rem; margin: .5rem 0; }
.summary { margin: 0; font-weight: 600; }
.sim-tool { font: inherit; font-size: 11px; padding: .1rem .45rem; color: var(--muted); background: transparent; border: 1px dashed var(--border); border-radius: 3px; cursor: pointer; opacity: .7; }
.sim-tool:hover, .sim-tool:focus-visible { opacity: 1; }
.banner { padding: .5rem .75rem; border-left: 4px solid var(--ok); background: var(--ok-bg); }
.fmc-footer { padding: .75rem 1.5rem; font-size: 12px; color: var(--muted); }
.device, .hmDevice, .notification__device { overflow-wrap: anywhere; }
.plain-table, .health-table { width: 100%; border-collapse: collapse; background: var(--panel); }
.plain-table th, .plain-table td, .health-table th, .health-table td { padding: .35rem .6rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
.health-table th { position: sticky; top: 0; background: var(--panel); }
.health-table .device { max-width: 22rem; }
.health-table td.status-failure { color: var(--fail); font-weight: 600; }
.health-table td.status-success { color: var(--ok); }
.health-row.status-failure { background: var(--fail-bg); }
.hmGrid { background: var(--panel); border: 1px solid var(--border); border-radius: 4px; }
.hmGridRow { display: grid; grid-template-columns: minmax(8rem, 1.3fr) 3fr 6rem 14rem; border-bottom: 1px solid var(--border); }
.hmGridHead .hmGridRow { font-weight: 600; }
.hmGridCell { padding: .35rem .6rem; min-width: 0; }
.hmBadge { display: inline-block; padding: 0 .4rem; border-radius: 8px; font-size: 12px; }
.hmBadge.isFailure { color: var(--fail); background: var(--fail-bg); }
.hmBadge.isSuccess { color: var(--ok); background: var(--ok-bg); }
.hmToken.isFailure { color: var(--fail); }
.alert-list { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; max-width: 60rem; }
.notification { padding: .6rem .8rem; background: var(--panel); border: 1px solid var(--border); border-left: 4px solid var(--info); border-radius: 4px; }
.notification--failure { border-left-color: var(--fail); }
.notification--success { border-left-color: var(--ok); }
.notification__title { font-weight: 600; }
.notification__details { margin: .2rem 0; }
.notification__meta { font-size: 12px; color: var(--muted); }
.module-details { display: grid; grid-template-columns: repeat(auto-fill, minmax(26rem, 1fr)); gap: .75rem; }
.appliance { background: var(--panel); border: 1px solid var(--border); border-radius: 4px; padding: .5rem .8rem; }
.appliance--failing { border-left: 4px solid var(--fail); }
.appliance h2, .appliance .panel-title, .module-detail caption.device-title { margin: 0 0 .25rem; font-size: 15px; font-weight: 600; color: var(--fg); }
.appliance .panel-title.module-title { font-size: 13px; color: var(--muted); }
.appliance h3, .module-detail caption { margin: 0 0 .35rem; font-size: 13px; font-weight: 600; color: var(--muted); text-align: left; }
.module-detail, .alert-table, .events-table { width: 100%; border-collapse: collapse; background: var(--panel); }
.module-detail th, .module-detail td, .alert-table th, .alert-table td, .events-table th, .events-table td { padding: .3rem .5rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
.status-failure, td.status-failure, .alert-row--critical td:first-child { color: var(--fail); font-weight: 600; }
.status-icon { vertical-align: -1px; fill: currentColor; }
.icon { font-family: monospace; }
.module-meta { margin: .25rem 0 0; font-size: 12px; color: var(--muted); }
.severity { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; background: var(--muted); vertical-align: -1px; }
.severity--critical { background: var(--fail); }
.severity--warning { background: #d39a00; border-radius: 0; clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.severity--recovered, .severity--normal { background: var(--ok); }
.alert-grid__row, .alert-grid__head { display: grid; grid-template-columns: 7rem 10rem 14rem 1fr 10rem; border-bottom: 1px solid var(--border); }
.alert-grid [role="gridcell"], .alert-grid [role="columnheader"] { padding: .3rem .5rem; }
.message-center { max-width: 44rem; background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: .5rem .9rem; }
.message-tabs { display: flex; gap: .25rem; border-bottom: 1px solid var(--border); }
.message-tabs [role="tab"] { font: inherit; background: none; border: 0; padding: .35rem .7rem; color: var(--fg); }
.message-tabs [aria-selected="true"] { border-bottom: 2px solid var(--link); font-weight: 600; }
.message-domain { margin: .6rem 0 .2rem; color: var(--muted); }
.message-list { list-style: none; margin: 0; padding: 0; }
.message-item { display: flex; flex-wrap: wrap; align-items: baseline; gap: .4rem; padding: .35rem 0; border-bottom: 1px solid var(--border); }
.message-time { flex-basis: 100%; font-size: 12px; color: var(--muted); }
.message-age, .notification__age { font-size: 12px; color: var(--muted); }
.message-status, .notification__status { font-size: 11px; padding: 0 .35rem; border: 1px solid var(--border); border-radius: 3px; }
.help-article { max-width: 50rem; }
.monitor-frame { width: 100%; height: calc(100vh - 9rem); border: 1px solid var(--border); background: var(--panel); }
.switch { display: inline-flex; align-items: center; gap: .4rem; }
.form-actions { display: flex; gap: .75rem; margin-top: 1rem; }
.button { font: inherit; padding: .35rem .9rem; border-radius: 3px; border: 1px solid var(--border); background: var(--panel); color: var(--fg); text-decoration: none; cursor: pointer; }
.button--primary { background: #0b65b8; border-color: #0b65b8; color: #fff; }
.login { max-width: 22rem; margin: 4rem auto; padding: 1.5rem; background: var(--panel); border: 1px solid var(--border); border-radius: 6px; }
.login label { display: block; margin-top: .75rem; }
.login input { width: 100%; padding: .4rem; font: inherit; }
`;
