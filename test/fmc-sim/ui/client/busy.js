// The busy page's own script (classic script, inlined by ui/pages/busy.ts): builds the rows, then replaces
// `churn` random rows with new elements every `every` ms for `duration` ms. Deterministic (a small LCG).
(() => {
  const config = JSON.parse(document.getElementById('sim-busy-config').textContent);
  const body = document.getElementById('busyRows');
  let seed = 20261203;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const RULES = ['Allow-Web', 'Block-Bad-Reputation', 'Allow-DNS', 'Default-Trust', 'Inspect-Guest'];
  let counter = 0;
  const cell = (text) => {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  };
  const row = () => {
    counter++;
    const tr = document.createElement('tr');
    const octet = () => Math.floor(random() * 254) + 1;
    tr.append(
      cell(
        `2025-05-14 09:${String(Math.floor(counter / 60) % 60).padStart(2, '0')}:${String(counter % 60).padStart(2, '0')}`,
      ),
      cell(`10.${octet()}.${octet()}.${octet()}`),
      cell(`198.51.100.${octet()}`),
      cell(String([443, 80, 53, 8443][counter % 4])),
      cell(counter % 7 === 0 ? 'Block' : 'Allow'),
      cell(RULES[counter % RULES.length]),
    );
    return tr;
  };
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < config.rows; i++) fragment.append(row());
  body.append(fragment);
  const started = performance.now();
  const tick = () => {
    if (performance.now() - started >= config.duration) {
      document.body.dataset.churnDone = '1';
      return;
    }
    const rows = body.children;
    for (let i = 0; i < config.churn; i++) {
      const old = rows[Math.floor(random() * rows.length)];
      if (old) old.replaceWith(row());
    }
    setTimeout(tick, config.every);
  };
  setTimeout(tick, config.every);
})();
