// The Health Monitor page's own script (classic script, inlined by ui/pages/monitor.ts). Rows travel as a JSON
// island and become DOM through createElement, setAttribute and text nodes only, so a hostile device name
// stays text here just as it does in the server's HTML.
(() => {
  const config = JSON.parse(document.getElementById('sim-monitor-config').textContent);
  const rowsContainer = () => document.getElementById(config.rowsId);

  // Icons are inline SVG: they and their children are made in the SVG namespace, as the HTML parser does.
  const SVG = 'http://www.w3.org/2000/svg';
  const build = (node, inSvg = false) => {
    if (typeof node === 'string') return document.createTextNode(node);
    const svg = inSvg || node[0] === 'svg';
    const element = svg ? document.createElementNS(SVG, node[0]) : document.createElement(node[0]);
    const attrs = node[1] ?? {};
    for (const name of Object.keys(attrs)) element.setAttribute(name, attrs[name]);
    for (let i = 2; i < node.length; i++) element.append(build(node[i], svg));
    return element;
  };

  const findById = (node, id) => {
    if (typeof node === 'string') return null;
    if (node[1]?.id === id) return node;
    for (let i = 2; i < node.length; i++) {
      const found = findById(node[i], id);
      if (found) return found;
    }
    return null;
  };

  // Like an SPA that redraws the widget: new elements, identical text, none of what others added to the old.
  const scheduleRerender = () => {
    if (config.rerender === null) return;
    setTimeout(
      () => document.getElementById(config.widgetId).replaceWith(build(config.widget)),
      config.rerender,
    );
  };

  if (config.late === null) {
    scheduleRerender();
  } else {
    setTimeout(() => {
      const rows = findById(config.widget, config.rowsId);
      const fragment = document.createDocumentFragment();
      for (let i = 2; i < rows.length; i++) fragment.append(build(rows[i]));
      rowsContainer().append(fragment);
      scheduleRerender();
    }, config.late);
  }

  // "Fixes" the first failing row in place (text node data and class names change, the elements stay), as a
  // live page would after the module runs again, so that tests can watch a hint go away. A failing row is a
  // row (a table row, an ARIA row, a list item) naming a data type and a failure word; the forms put the device
  // sections, domain groups or rows in the rows container.
  const FAILURE = /\b(?:Failure|Failed)\b/;
  const ROW = 'tr, li, [role="row"]';
  const fixRow = (row) => {
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      walker.currentNode.data = walker.currentNode.data.replace(/\b(?:Failure|Failed)\b/g, 'Success');
    }
    for (const element of [row, ...row.querySelectorAll('[class]')]) {
      const className = element.getAttribute('class') ?? '';
      element.setAttribute('class', className.replace(/failure/g, 'success').replace(/Failure/g, 'Success'));
    }
  };
  const fixFirst = () => {
    const container = rowsContainer();
    if (!container) return;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (!FAILURE.test(walker.currentNode.data)) continue;
      const row = walker.currentNode.parentElement?.closest(ROW);
      if (!row || !container.contains(row)) continue;
      if (!config.dataTypes.some((type) => (row.textContent ?? '').includes(type))) continue;
      fixRow(row);
      return;
    }
  };
  document.getElementById('sim-fix-first')?.addEventListener('click', fixFirst);
})();
