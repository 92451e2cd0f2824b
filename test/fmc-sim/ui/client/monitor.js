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

  // "Fixes" the first failing result in place, as a live page would after the module runs again, so that tests
  // can watch a hint go away: the text nodes' data and the class names change, the elements stay. A result is
  // a data type followed by a failure word in one row (a table row, an ARIA row, a list item), with nothing
  // between them but white space, dashes, a colon, icon glyphs or an icon's own title; in a row of several
  // results (an alert's description) only that one changes. Its icons change too: an SVG's title, an icon
  // font's glyph, an image's title.
  const ROW = 'tr, li, [role="row"]';
  const CELL = 'td, th, [role="gridcell"]';
  const WORD = '(?:Failure|Failed)(?![A-Za-z])';
  const GAP = '[\\s:\\-\\u2010-\\u2015\\u2212\\ue000-\\uf8ff]*';
  const phrase = (type) => type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const RESULT = new RegExp(`(?:${config.dataTypes.map(phrase).join('|')})((?:${GAP}${WORD})+)`, 'i');
  const { glyphs, imageTitles } = config.icons;
  const swapClass = (element) => {
    const className = element.getAttribute('class');
    if (className)
      element.setAttribute('class', className.replace(/failure/g, 'success').replace(/Failure/g, 'Success'));
  };
  const fixRow = (row) => {
    // The row's text nodes, joined by a line break: cells and `<br>` lines must not run into each other.
    const nodes = [];
    let text = '';
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (text !== '') text += '\n';
      nodes.push({ node: walker.currentNode, start: text.length });
      text += walker.currentNode.data;
    }
    const match = RESULT.exec(text);
    if (!match) return false;
    const to = match.index + match[0].length;
    const from = to - (match[1] ?? '').length;
    for (const { node, start } of nodes) {
      const end = start + node.data.length;
      if (end <= from || start >= to) continue;
      const a = Math.max(from, start) - start;
      const b = Math.min(to, end) - start;
      const fixed = node.data
        .slice(a, b)
        .replace(/Failure|Failed/gi, 'Success')
        .replaceAll(glyphs.failure, glyphs.success);
      node.data = node.data.slice(0, a) + fixed + node.data.slice(b);
      for (
        let element = node.parentElement;
        element && row.contains(element);
        element = element.parentElement
      ) {
        swapClass(element);
      }
      const cell = node.parentElement?.closest(CELL) ?? node.parentElement;
      for (const image of cell?.querySelectorAll('img[title]') ?? []) {
        if (image.getAttribute('title') === imageTitles.failure)
          image.setAttribute('title', imageTitles.success);
      }
    }
    return true;
  };
  const fixFirst = () => {
    for (const row of rowsContainer()?.querySelectorAll(ROW) ?? []) if (fixRow(row)) return;
  };
  document.getElementById('sim-fix-first')?.addEventListener('click', fixFirst);
})();
