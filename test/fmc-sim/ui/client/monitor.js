// The Health Monitor page's own script (classic script, inlined by ui/pages/monitor.ts). Rows travel as a JSON
// island and become DOM through createElement, setAttribute and text nodes only, so a hostile device name
// stays text here just as it does in the server's HTML.
(() => {
  const config = JSON.parse(document.getElementById('sim-monitor-config').textContent);
  const rowsContainer = () => document.getElementById(config.rowsId);

  const build = (node) => {
    if (typeof node === 'string') return document.createTextNode(node);
    const element = document.createElement(node[0]);
    const attrs = node[1] ?? {};
    for (const name of Object.keys(attrs)) element.setAttribute(name, attrs[name]);
    for (let i = 2; i < node.length; i++) element.append(build(node[i]));
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
  // live page would after the module runs again, so that tests can watch a hint go away.
  const isStatusText = (text) => text.trim() === 'Failure' || text.endsWith(' - Failure');
  const fixFirst = () => {
    for (const row of rowsContainer()?.children ?? []) {
      const texts = [];
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) if (isStatusText(walker.currentNode.data)) texts.push(walker.currentNode);
      if (texts.length === 0) continue;
      for (const text of texts) {
        text.data = text.data.replace('Failure', 'Success');
        for (
          let element = text.parentElement;
          element && element !== row.parentElement;
          element = element.parentElement
        ) {
          element.className = element.className.replace('failure', 'success').replace('Failure', 'Success');
        }
      }
      return;
    }
  };
  document.getElementById('sim-fix-first')?.addEventListener('click', fixFirst);
})();
