// The Dispatch dashboard: reads the JSON API beside this page every two seconds and shows it.
// Everything read from the API is put into the page as text (textContent, attributes), never as markup.
(function () {
  'use strict';

  const REFRESH_MILLIS = 2000;
  const SVG = 'http://www.w3.org/2000/svg';
  const view = document.getElementById('view');
  const status = document.getElementById('status');
  let current = null;
  let timer = null;

  // --- building the page ---------------------------------------------------------------------

  function h(tag, attributes, ...children) {
    const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name.startsWith('on')) {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    node.append(...nodes(children));
    return node;
  }

  // Nodes of children given as nodes, text and nested lists, leaving out null, undefined and false.
  function nodes(children) {
    return children.flat(Infinity)
      .filter((child) => child !== null && child !== undefined && child !== false)
      .map((child) => (child instanceof Node ? child : document.createTextNode(String(child))));
  }

  function callLink(id, text) {
    return h('a', { href: '#/call/' + encodeURIComponent(id), class: 'id' }, text || id);
  }

  function callsLink(filters, text) {
    return h('a', { href: '#/calls?' + new URLSearchParams(filters) }, text);
  }

  function badge(call) {
    return h('span', { class: 'state-cell' },
      h('span', { class: 'state ' + call.state }, call.cancelling ? call.state + ' (cancelling)' : call.state),
      call.errorType ? h('span', { class: 'error-type' }, call.errorType) : null);
  }

  function time(iso) {
    if (!iso) {
      return '';
    }
    const date = new Date(iso);
    const two = (n) => String(n).padStart(2, '0');
    return date.getFullYear() + '-' + two(date.getMonth() + 1) + '-' + two(date.getDate()) + ' '
      + two(date.getHours()) + ':' + two(date.getMinutes()) + ':' + two(date.getSeconds());
  }

  function duration(from, to) {
    if (!from || !to) {
      return '';
    }
    const millis = new Date(to) - new Date(from);
    if (millis < 1000) {
      return millis + ' ms';
    }
    if (millis < 120000) {
      return (millis / 1000).toFixed(1) + ' s';
    }
    if (millis < 7200000) {
      return Math.round(millis / 60000) + ' min';
    }
    return (millis / 3600000).toFixed(1) + ' h';
  }

  function table(headings, rows, attributes) {
    return h('table', attributes || {},
      h('thead', {}, h('tr', {}, headings.map((heading) =>
        h('th', { class: heading.endsWith('#') ? 'number' : null }, heading.replace(/#$/, ''))))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headings.length, class: 'muted' }, 'None'))));
  }

  function number(value) {
    return h('td', { class: 'number' }, value.toLocaleString());
  }

  // --- talking to the API --------------------------------------------------------------------

  function headers() {
    const sent = { 'Accept': 'application/json', 'X-Dispatch-Dashboard': '1' };
    const xsrf = document.cookie.split('; ').find((cookie) => cookie.startsWith('XSRF-TOKEN='));
    if (xsrf) {
      sent['X-XSRF-TOKEN'] = decodeURIComponent(xsrf.slice('XSRF-TOKEN='.length));
    }
    return sent;
  }

  async function api(path, method) {
    const response = await fetch('api/' + path, { method: method || 'GET', headers: headers(), credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.assign('login');
      throw new Error('The session ended');
    }
    const body = await response.json();
    return { ok: response.ok, status: response.status, body: body };
  }

  function showStatus(error) {
    status.classList.toggle('failing', Boolean(error));
    status.textContent = error ? 'Not updated: ' + error.message : 'Updated ' + time(new Date().toISOString()).slice(11);
  }

  // --- pages ---------------------------------------------------------------------------------

  function show(page, nav) {
    clearInterval(timer);
    current = page;
    document.querySelectorAll('[data-nav]').forEach((link) => link.classList.toggle('active', link.dataset.nav === nav));
    view.replaceChildren(page.node);
    update();
    timer = setInterval(() => {
      if (!document.hidden) {
        update();
      }
    }, REFRESH_MILLIS);
  }

  async function update() {
    const page = current;
    try {
      await page.refresh();
      showStatus(null);
    } catch (error) {
      if (page === current) {
        showStatus(error);
      }
    }
  }

  function route() {
    const [path, query] = (window.location.hash.replace(/^#/, '') || '/').split('?');
    const parameters = new URLSearchParams(query || '');
    if (path.startsWith('/call/')) {
      show(callPage(decodeURIComponent(path.slice('/call/'.length))), 'calls');
    } else if (path === '/calls') {
      show(callsPage(parameters), 'calls');
    } else {
      show(overviewPage(), 'overview');
    }
  }

  // Overview: the work in hand, the last hour and the instances.

  function overviewPage() {
    const content = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
    return {
      node: h('section', {}, h('h1', {}, 'Overview'), content),
      refresh: async () => {
        const { body } = await api('overview');
        content.replaceChildren(...nodes(overview(body)));
      }
    };
  }

  function overview(data) {
    const active = { PENDING: 0, RUNNING: 0, SUSPENDED: 0 };
    const byFunction = new Map();
    for (const count of data.active) {
      active[count.state] += count.calls;
      const row = byFunction.get(count.function) || { PENDING: 0, RUNNING: 0, SUSPENDED: 0 };
      row[count.state] += count.calls;
      byFunction.set(count.function, row);
    }
    const ended = { SUCCEEDED: 0, FAILED: 0 };
    const endedByFunction = new Map();
    for (const count of data.ended) {
      ended[count.state] += count.calls;
      const row = endedByFunction.get(count.function) || { SUCCEEDED: 0, FAILED: 0 };
      row[count.state] += count.calls;
      endedByFunction.set(count.function, row);
    }
    const due = data.oldestDue;
    const card = (label, value, filters, kind) => h('a', { class: 'card ' + (kind || ''), href: '#/calls?' + new URLSearchParams(filters) },
      h('div', { class: 'value' }, value.toLocaleString()), h('div', { class: 'label' }, label));
    return [
      h('div', { class: 'cards' },
        card('Pending', active.PENDING, { state: 'PENDING' }),
        card('Running', active.RUNNING, { state: 'RUNNING' }),
        card('Suspended', active.SUSPENDED, { state: 'SUSPENDED' }),
        card('Succeeded in the last hour', ended.SUCCEEDED, { state: 'SUCCEEDED' }, 'succeeded'),
        card('Failed in the last hour', ended.FAILED, { state: 'FAILED' }, 'failed'),
        h('div', { class: 'card', id: 'oldest-due' },
          h('div', { class: 'value' }, due ? duration(due.dueAt, data.now) : '–'),
          h('div', { class: 'label' }, due ? ['Oldest due call: ', callLink(due.id, due.function)] : 'No call is waiting'))),
      h('h2', {}, 'Calls ended in the last hour, by minute'),
      chart(data.minutes),
      h('h2', {}, 'Calls not ended, by function'),
      table(['Function', 'Pending#', 'Running#', 'Suspended#'], [...byFunction].map(([name, row]) => h('tr', {},
        h('td', {}, callsLink({ function: name }, name)), number(row.PENDING), number(row.RUNNING), number(row.SUSPENDED)))),
      h('h2', {}, 'Calls ended in the last hour, by function'),
      table(['Function', 'Succeeded#', 'Failed#'], [...endedByFunction].map(([name, row]) => h('tr', {},
        h('td', {}, callsLink({ function: name }, name)), number(row.SUCCEEDED), number(row.FAILED)))),
      h('h2', {}, 'Instances sharing the store'),
      table(['Application', 'Endpoint', 'Functions', 'Started'], data.instances.map((instance) => h('tr', {},
        h('td', {}, instance.application), h('td', { class: 'id' }, instance.endpoint),
        h('td', {}, [...instance.functions].sort().join(', ')), h('td', {}, time(instance.startedAt)))))
    ];
  }

  function chart(minutes) {
    const width = 720;
    const height = 150;
    const bottom = 132;
    const slot = width / Math.max(minutes.length, 1);
    const highest = Math.max(1, ...minutes.map((minute) => minute.succeeded + minute.failed));
    const scale = (bottom - 12) / highest;
    const svg = h('svg:svg', { viewBox: '0 0 ' + (width + 40) + ' ' + height, role: 'img', 'aria-label': 'Calls ended per minute' });
    svg.append(h('svg:line', { x1: 40, x2: width + 40, y1: bottom, y2: bottom, class: 'grid' }));
    svg.append(h('svg:text', { x: 34, y: 16, 'text-anchor': 'end', class: 'axis' }, highest.toLocaleString()));
    svg.append(h('svg:text', { x: 34, y: bottom, 'text-anchor': 'end', class: 'axis' }, '0'));
    minutes.forEach((minute, index) => {
      const x = 40 + index * slot + 1;
      const ok = minute.succeeded * scale;
      const failed = minute.failed * scale;
      const label = time(minute.start).slice(11, 16) + ': ' + minute.succeeded + ' succeeded, ' + minute.failed + ' failed';
      const bar = h('svg:g', {}, h('svg:title', {}, label));
      if (ok > 0) {
        bar.append(h('svg:rect', { x: x, y: bottom - ok, width: Math.max(slot - 2, 1), height: ok, class: 'ok' }));
      }
      if (failed > 0) {
        bar.append(h('svg:rect', { x: x, y: bottom - ok - failed, width: Math.max(slot - 2, 1), height: failed, class: 'failed' }));
      }
      svg.append(bar);
    });
    if (minutes.length) {
      svg.append(h('svg:text', { x: 40, y: height - 2, class: 'axis' }, time(minutes[0].start).slice(11, 16)));
      svg.append(h('svg:text', { x: width + 40, y: height - 2, 'text-anchor': 'end', class: 'axis' },
        time(minutes[minutes.length - 1].start).slice(11, 16)));
    }
    return h('div', { class: 'chart' }, svg, h('div', { class: 'legend' },
      h('span', { class: 'swatch ok' }), 'succeeded', h('span', { class: 'swatch failed' }), 'failed'));
  }

  // Calls: a filtered list, a page at a time.

  const FILTERS = ['function', 'state', 'from', 'to', 'root', 'parent', 'search'];

  function callsPage(parameters) {
    const list = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
    const query = new URLSearchParams();
    FILTERS.concat(['after']).forEach((name) => {
      if (parameters.get(name)) {
        query.set(name, parameters.get(name));
      }
    });
    return {
      node: h('section', {}, h('h1', {}, 'Calls'), filterForm(parameters), list),
      refresh: async () => {
        const { ok, body } = await api('calls?' + query);
        list.replaceChildren(...nodes(ok ? callList(body, query) : [h('p', { class: 'refused' }, body.error)]));
      }
    };
  }

  function localTime(iso) {
    if (!iso) {
      return '';
    }
    const date = new Date(iso);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  }

  function filterForm(parameters) {
    const field = (label, input) => h('label', {}, label, input);
    const text = (name, placeholder) => h('input', { name: name, value: parameters.get(name) || '', placeholder: placeholder });
    const state = h('select', { name: 'state' }, h('option', { value: '' }, 'any'),
      ['PENDING', 'RUNNING', 'SUSPENDED', 'SUCCEEDED', 'FAILED'].map((name) =>
        h('option', { value: name, selected: parameters.get('state') === name }, name.toLowerCase())));
    const when = (name) => h('input', { name: name, type: 'datetime-local', value: localTime(parameters.get(name)) });
    const form = h('form', { class: 'filters', id: 'filters' },
      field('Search by dispatch id', text('search', 'id or its start')),
      field('Function', text('function', 'name')),
      field('State', state),
      field('Created from', when('from')),
      field('Created before', when('to')),
      field('Tree (root id)', text('root', 'root id')),
      field('Made by (parent id)', text('parent', 'parent id')),
      h('button', { type: 'submit' }, 'Apply'),
      h('button', { type: 'button', class: 'secondary', onclick: () => { window.location.hash = '#/calls'; } }, 'Clear'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = new URLSearchParams();
      for (const name of FILTERS) {
        const value = (form.elements[name] || {}).value;
        if (value) {
          chosen.set(name, (name === 'from' || name === 'to') ? new Date(value).toISOString() : value.trim());
        }
      }
      window.location.hash = '#/calls?' + chosen;
    });
    return form;
  }

  function callList(page, query) {
    const rows = page.calls.map((call) => h('tr', { 'data-id': call.id, 'data-state': call.state },
      h('td', {}, callLink(call.id)), h('td', {}, call.function), h('td', {}, badge(call)),
      h('td', {}, time(call.createdAt)), h('td', {}, duration(call.createdAt, call.endedAt)),
      h('td', {}, call.parentId ? callLink(call.parentId) : '')));
    const first = new URLSearchParams(query);
    first.delete('after');
    const older = new URLSearchParams(query);
    older.set('after', page.next || '');
    return [
      table(['Dispatch id', 'Function', 'State', 'Created', 'Took', 'Made by'], rows, { class: 'calls', id: 'calls' }),
      h('div', { class: 'pager' },
        query.get('after') ? h('a', { href: '#/calls?' + first }, '« Newest') : null,
        page.next ? h('a', { href: '#/calls?' + older, id: 'older' }, 'Older »') : null)
    ];
  }

  // A call: its values, its error, its history, its tree and the actions on it.

  function callPage(id) {
    const content = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
    const page = { flash: null, childrenOpen: null };
    page.node = h('section', {}, content);
    page.refresh = async () => {
      const { ok, body } = await api('calls/' + encodeURIComponent(id));
      content.replaceChildren(...nodes(ok ? callView(body, page) : [h('h1', {}, 'Call ' + id), h('p', { class: 'refused' }, body.error)]));
    };
    return page;
  }

  async function act(page, call, action, question) {
    if (!window.confirm(question)) {
      return;
    }
    const { ok, body } = await api('calls/' + encodeURIComponent(call.id) + '/' + action, 'POST');
    if (!ok) {
      page.flash = { refused: true, text: 'Refused: ' + (body.reason || body.error) };
    } else if (action === 'cancel') {
      page.flash = { text: 'Cancelled ' + body.ended + ' call(s)' + (body.stopping ? '; ' + body.stopping
        + ' running call(s) end when their attempts return' : '') + '.' };
    } else {
      page.flash = { text: 'The call runs again.' };
    }
    await update();
  }

  function value(shown) {
    if (!shown) {
      return h('p', { class: 'muted' }, 'None');
    }
    if (shown.omitted) {
      return h('p', { class: 'muted' }, shown.type + ', ' + shown.bytes.toLocaleString() + ' bytes: ' + shown.omitted);
    }
    return h('pre', { class: 'value' }, JSON.stringify(shown.json, null, 2));
  }

  // The events the store kept, then where the current attempt is: its outcome if the call ended.
  function history(data) {
    const call = data.call;
    const now = { at: call.endedAt, kind: call.endedAt ? 'ENDED' : call.state, attempt: call.attempt + 1, status: call.status,
      errorType: data.error ? data.error.type : null, errorMessage: data.error ? data.error.message : null };
    return data.history.concat([now]);
  }

  function callView(data, page) {
    const call = data.call;
    const actions = h('div', { class: 'actions' },
      data.actions.cancel ? h('button', { type: 'button', class: 'danger', id: 'cancel', onclick: () => act(page, call, 'cancel',
        'Cancel call ' + call.id + ' and the calls it made that have not ended?') }, 'Cancel') : null,
      data.actions.runAgain ? h('button', { type: 'button', id: 'run-again', onclick: () => act(page, call, 'run-again',
        'Run call ' + call.id + ' again?') }, 'Run again') : null);
    const details = [
      ['Dispatch id', h('span', { class: 'id' }, call.id)],
      ['Status', call.status || ''],
      ['Created', time(call.createdAt)],
      ['Ended', call.endedAt ? time(call.endedAt) + ' (took ' + duration(call.createdAt, call.endedAt) + ')' : ''],
      [call.state === 'RUNNING' ? 'Lease until' : 'Due', time(data.dueAt)],
      ['Expires', time(data.expiresAt)],
      ['Failed attempts of this run', call.attempt],
      ['Endpoint', h('span', { class: 'id' }, data.endpoint)]
    ];
    const children = data.children;
    if (page.childrenOpen === null) {
      page.childrenOpen = children.total <= 20;
    }
    const childList = h('details', { open: page.childrenOpen, id: 'children' },
      h('summary', {}, children.total.toLocaleString() + ' call(s) made by this one'),
      table(['Dispatch id', 'Function', 'State', 'Created'], children.first.calls.map((child) => h('tr', { 'data-id': child.id, 'data-state': child.state },
        h('td', {}, callLink(child.id)), h('td', {}, child.function), h('td', {}, badge(child)), h('td', {}, time(child.createdAt))))),
      children.total > children.first.calls.length
        ? h('p', {}, callsLink({ parent: call.id }, 'All ' + children.total.toLocaleString() + ' calls it made »')) : null);
    childList.addEventListener('toggle', () => { page.childrenOpen = childList.open; });
    return [
      h('div', { class: 'call-head' }, h('h1', { id: 'call-function' }, call.function),
        h('span', { id: 'call-state' }, badge(call)), actions),
      page.flash ? h('div', { class: 'flash' + (page.flash.refused ? ' refused' : ''), id: 'flash' }, page.flash.text) : null,
      data.error ? h('div', { class: 'error-box', id: 'call-error' }, h('strong', { class: 'type' }, data.error.type),
        h('pre', { class: 'message' }, data.error.message)) : null,
      h('dl', { class: 'details' }, details.map(([term, description]) => [h('dt', {}, term), h('dd', {}, description)])),
      h('div', { class: 'values' },
        h('div', {}, h('h2', {}, 'Input'), value(data.input)),
        h('div', {}, h('h2', {}, 'Output'), value(data.output))),
      h('h2', {}, 'History'),
      table(['When', 'What', 'Attempt#', 'Status', 'Error'], history(data).map((event) => h('tr', {},
        h('td', {}, time(event.at)), h('td', {}, event.kind.toLowerCase().replace(/_/g, ' ')), number(event.attempt),
        h('td', {}, event.status || ''), h('td', {}, [event.errorType ? h('strong', {}, event.errorType) : null,
          event.errorMessage ? ': ' + event.errorMessage : '']))), { id: 'history' }),
      h('h2', {}, 'Tree'),
      h('dl', { class: 'details' },
        h('dt', {}, 'Made by'), h('dd', {}, data.parent ? [callLink(data.parent.id), ' ', data.parent.function, ' ', badge(data.parent)] : 'nothing: it is a root'),
        h('dt', {}, 'Root'), h('dd', {}, data.root ? [callLink(data.root.id), ' ', data.root.function, ' ', badge(data.root)]
          : (call.rootId === call.id ? 'this call' : callLink(call.rootId))),
        h('dt', {}, 'Whole tree'), h('dd', {}, callsLink({ root: call.rootId }, 'every call of the tree'))),
      children.total ? childList : null
    ];
  }

  // --- start -----------------------------------------------------------------------------------

  const logout = document.getElementById('logout');
  logout.addEventListener('click', async () => {
    await fetch('logout', { method: 'POST', headers: headers(), credentials: 'same-origin' });
    window.location.assign('login');
  });
  api('session').then(({ body }) => { logout.hidden = !body.loginForm; }).catch(() => {});
  window.addEventListener('hashchange', route);
  route();
}());
