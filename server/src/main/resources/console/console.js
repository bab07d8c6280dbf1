// PhantomDB web console: runs queries through /api/query, shows EXPLAIN ANALYZE as a tree, browses the
// schema from /api/tables and draws live throughput and latency charts from /api/stats. No dependencies.
'use strict';

const $ = id => document.getElementById(id);

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach(child => node.append(child));
  return node;
}

async function post(path, sql) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: sql });
  return response.json();
}

function showError(error) {
  const box = $('error');
  box.hidden = !error;
  box.textContent = error ? `ERROR ${error.sqlState}: ${error.message}` + (error.position ? ` (at character ${error.position})` : '') : '';
}

function renderRows(result) {
  const container = $('result');
  container.replaceChildren();
  if (!result.columns.length) {
    return;
  }
  const head = element('tr', {}, ...result.columns.map(c => element('th', { title: c.type }, c.name)));
  const body = result.rows.map(row => element('tr', {}, ...row.map(value =>
    value === null ? element('td', { class: 'null' }, 'NULL') : element('td', {}, String(value)))));
  container.append(element('table', { class: 'rows', id: 'rows' }, element('thead', {}, head), element('tbody', {}, ...body)));
}

async function run() {
  $('plan').hidden = true;
  const result = await post('/api/query', $('sql').value);
  if (result.error) {
    showError(result.error);
    return;
  }
  showError(null);
  renderRows(result);
  $('summary').textContent = `${result.tag} · ${result.rows.length} row(s)${result.truncated ? ' (truncated)' : ''} · ${result.millis} ms`;
  loadTables();
}

// EXPLAIN output is one line per operator, children indented under their parent.
function planTree(lines) {
  const root = { children: [], depth: -1 };
  const stack = [root];
  lines.forEach(line => {
    const depth = line.length - line.trimStart().length;
    const node = { text: line.trim().replace(/^->\s*/, ''), children: [], depth };
    while (stack.length > 1 && stack[stack.length - 1].depth >= depth) {
      stack.pop();
    }
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  const render = nodes => element('ul', {}, ...nodes.map(n =>
    element('li', {}, element('span', { class: 'node' }, n.text), ...(n.children.length ? [render(n.children)] : []))));
  return render(root.children);
}

async function explain() {
  const result = await post('/api/explain', $('sql').value);
  if (result.error) {
    showError(result.error);
    return;
  }
  showError(null);
  const plan = $('plan');
  plan.replaceChildren(planTree(result.rows.map(row => String(row[0]))));
  plan.hidden = false;
  $('result').replaceChildren();
  $('summary').textContent = `EXPLAIN ANALYZE · ${result.millis} ms`;
}

async function loadTables() {
  const response = await fetch('/api/tables');
  const schema = await response.json();
  $('tables').replaceChildren(...schema.tables.map(t => element('li', {},
    element('details', {}, element('summary', {}, `${t.name}${t.kind === 'view' ? ' (view)' : ''}`),
      ...t.columns.map(c => element('div', { class: 'column' }, `${c.primaryKey ? '🔑 ' : ''}${c.name} ${c.type}${c.nullable ? '' : ' NOT NULL'}`)),
      ...t.indexes.map(i => element('div', { class: 'index', title: i.definition }, `⤷ ${i.name}`))))));
}

function drawChart(canvas, samples, series) {
  const ctx = canvas.getContext('2d');
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const max = Math.max(1, ...samples.flatMap(s => series.map(([key]) => s[key])));
  ctx.fillStyle = '#4a5568';
  ctx.font = '11px sans-serif';
  ctx.fillText(String(Math.round(max)), 2, 11);
  series.forEach(([key, color]) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    samples.forEach((s, i) => {
      const x = samples.length < 2 ? 0 : (i / (samples.length - 1)) * (width - 4) + 2;
      const y = height - 2 - (s[key] / max) * (height - 16);
      if (i === 0) {
        ctx.moveTo(x, y);
      } else {
        ctx.lineTo(x, y);
      }
    });
    ctx.stroke();
  });
}

async function refreshStats() {
  try {
    const stats = await (await fetch('/api/stats')).json();
    $('status').textContent = `${stats.connections} connection(s) · ${stats.statements} statements · ${stats.errors} errors`;
    drawChart($('tps'), stats.samples, [['tps', '#2f855a']]);
    drawChart($('latency'), stats.samples, [['p50', '#3182ce'], ['p99', '#dd6b20'], ['p999', '#e53e3e']]);
  } catch (e) {
    $('status').textContent = 'server unreachable';
  }
}

$('query-form').addEventListener('submit', event => { event.preventDefault(); run(); });
$('explain').addEventListener('click', explain);
$('refresh').addEventListener('click', loadTables);
$('sql').addEventListener('keydown', event => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});
loadTables();
refreshStats();
setInterval(refreshStats, 1000);
