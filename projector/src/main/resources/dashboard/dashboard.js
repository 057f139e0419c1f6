// The Jobstream live dashboard. The projector pushes every committed change over a WebSocket: first a snapshot,
// then numbered deltas; after a reconnect the page names the last delta it applied and gets only what it missed.
// Replays, discards and cancellations go to the gateway, whose URL the projector tells the page. In the api-key
// mode the page asks for an API key, keeps it in sessionStorage (this tab only), sends it in its subscribe message
// and to the gateway as Authorization: Bearer <key>; a user's key sees and acts on that user's jobs only.
(function () {
  'use strict';

  const STATUSES = ['pending', 'running', 'retrying', 'done', 'failed', 'dead', 'cancelled', 'discarded'];
  const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 10000];
  const SILENCE_LIMIT_MS = 20000; // metrics arrive every few seconds; longer silence means a dead connection
  const ACTION_CONCURRENCY = 4;
  const KEY_STORAGE = 'jobstream.dashboard.key';
  const POLICY_VIOLATION = 1008;
  const CALM_CHANGES_PER_SECOND = 5;

  const state = {
    settings: null,
    gatewayUrl: null,
    filter: readFilterFromUrl(),
    socket: null,
    connected: false,
    epoch: null,
    seq: 0,
    jobs: new Map(),
    dead: new Map(),
    counts: {},
    metrics: null,
    renderPending: false,
    snapshots: 0,
    resumes: 0,
    reconnectAttempt: 0,
    reconnectTimer: null,
    silenceTimer: null,
    heldUntil: 0,
    arrivals: null,
    key: null,
    viewer: null,
    refused: false,
    refusal: null,
    changeSecond: 0,
    changes: 0,
    busy: false,
  };

  const $ = (selector) => document.querySelector(selector);
  const jobsBody = () => $('#jobs tbody');
  const deadBody = () => $('#dead tbody');

  // ---- connection ----------------------------------------------------------------------------------------------

  function connect() {
    clearTimeout(state.reconnectTimer);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(scheme + '//' + location.host + state.settings.socket_path);
    state.socket = socket;
    showConnection('connecting', state.epoch ? 'Reconnecting…' : 'Connecting…');
    socket.onopen = () => {
      state.connected = true;
      subscribe(true);
      watchSilence();
    };
    socket.onmessage = (event) => {
      if (socket !== state.socket) {
        return;
      }
      watchSilence();
      receive(JSON.parse(event.data), Date.now());
    };
    socket.onclose = (event) => {
      if (socket === state.socket) {
        connectionLost(event);
      }
    };
  }

  function subscribe(resume) {
    const message = { type: 'subscribe', filter: state.filter };
    if (apiKeyMode()) {
      message.key = state.key;
    }
    if (resume && state.epoch) {
      message.resume = { epoch: state.epoch, seq: state.seq };
    }
    state.socket.send(JSON.stringify(message));
  }

  function connectionLost(event) {
    state.connected = false;
    clearTimeout(state.silenceTimer);
    if (state.refused || (event && event.code === POLICY_VIOLATION)) {
      askForKey(state.refusal || 'The API key was not accepted.');
      return;
    }
    const delay = Math.max(RECONNECT_DELAYS_MS[Math.min(state.reconnectAttempt, RECONNECT_DELAYS_MS.length - 1)],
      state.heldUntil - Date.now());
    state.reconnectAttempt++;
    document.body.dataset.connection = 'offline';
    showConnection('offline', 'Disconnected');
    const lost = $('#connection-lost');
    lost.textContent = 'Lost the live connection to the projector at ' + new Date().toLocaleTimeString()
      + (event && event.code === 1011 ? ' (the server could not keep up)' : '')
      + '. What you see below is frozen and may be out of date; reconnecting in '
      + Math.ceil(delay / 1000) + ' s…';
    lost.hidden = false;
    state.reconnectTimer = setTimeout(connect, delay);
  }

  function connectionRestored() {
    state.reconnectAttempt = 0;
    document.body.dataset.connection = 'live';
    showConnection('live', 'Live');
    $('#connection-lost').hidden = true;
  }

  function watchSilence() {
    clearTimeout(state.silenceTimer);
    state.silenceTimer = setTimeout(() => state.socket && state.socket.close(4001, 'silent'), SILENCE_LIMIT_MS);
  }

  function showConnection(kind, text) {
    $('#connection').dataset.state = kind;
    $('#connection-text').textContent = text;
  }

  // ---- messages ------------------------------------------------------------------------------------------------

  function receive(message, arrivedAt) {
    switch (message.type) {
      case 'snapshot':
        state.epoch = message.epoch;
        state.seq = message.seq;
        state.snapshots++;
        state.jobs.clear();
        state.dead.clear();
        applyJobs(message.jobs, arrivedAt, message.type);
        applyJobs(message.dead, arrivedAt, message.type);
        applyCounts(message.counts);
        connectionRestored();
        break;
      case 'resumed':
        state.seq = message.seq;
        state.resumes++;
        applyJobs(message.jobs, arrivedAt, message.type);
        applyCounts(message.counts);
        connectionRestored();
        break;
      case 'delta':
        if (message.seq <= state.seq) {
          return; // already applied, e.g. included in the snapshot
        }
        state.seq = message.seq;
        applyJobs(message.jobs, arrivedAt, message.type);
        applyCounts(message.counts);
        break;
      case 'metrics':
        renderCharts(message);
        return;
      case 'viewer':
        showViewer(message);
        return;
      case 'error':
        // The server closes the connection next; a refused or revoked key is not tried again.
        if (message.reason !== 'unavailable') {
          state.refused = true;
          state.refusal = message.message;
        }
        return;
      default:
        return;
    }
    scheduleRender();
  }

  // Renders at most once a frame, however many messages arrive: under load the page keeps up with the socket
  // instead of drawing every intermediate state.
  function scheduleRender() {
    if (!state.renderPending) {
      state.renderPending = true;
      requestAnimationFrame(() => {
        state.renderPending = false;
        renderJobs();
        renderDead();
        renderCounts();
      });
    }
  }

  // The server sends each page its changes in order, each job as it is now; so the latest message wins.
  function applyJobs(jobs, arrivedAt, kind) {
    for (const job of jobs) {
      recordArrival(job, arrivedAt, kind);
      if (matchesFilter(job)) {
        state.jobs.set(job.id, job);
      } else {
        state.jobs.delete(job.id);
      }
      if (job.status === 'dead' && matchesSearch(job)) {
        state.dead.set(job.id, job);
      } else {
        state.dead.delete(job.id);
      }
    }
  }

  function recordArrival(job, arrivedAt, kind) {
    if (state.arrivals && state.arrivals.length < 200000) {
      state.arrivals.push({ id: job.id, status: job.status, updated_at: job.updated_at,
        finished_at: job.finished_at || null, arrived_at: arrivedAt, kind: kind });
    }
  }

  function applyCounts(counts) {
    state.counts = counts.by_status || {};
  }

  // ---- filters -------------------------------------------------------------------------------------------------

  function matchesFilter(job) {
    const filter = state.filter;
    return (!filter.user_id || job.user_id === filter.user_id)
      && (!filter.type || job.type === filter.type)
      && (!filter.status || job.status === filter.status)
      && matchesSearch(job);
  }

  // Mirrors the projector's search: a whole job id, part of one, or text of the latest error.
  function matchesSearch(job) {
    const search = (state.filter.search || '').trim().toLowerCase();
    if (!search) {
      return true;
    }
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(search)) {
      return job.id === search;
    }
    return job.id.includes(search) || (job.error || '').toLowerCase().includes(search);
  }

  function readFilterFromUrl() {
    const query = new URLSearchParams(location.search);
    return { user_id: query.get('user') || '', type: query.get('type') || '', status: query.get('status') || '',
      search: query.get('q') || '' };
  }

  function field(name) {
    return $('#filters').elements.namedItem(name);
  }

  function filtersChanged() {
    state.filter = { user_id: field('user_id').value.trim(), type: field('type').value,
      status: field('status').value, search: field('search').value.trim() };
    const query = new URLSearchParams(location.search);
    for (const [param, value] of [['user', state.filter.user_id], ['type', state.filter.type],
      ['status', state.filter.status], ['q', state.filter.search]]) {
      if (value) {
        query.set(param, value);
      } else {
        query.delete(param);
      }
    }
    history.replaceState(null, '', '?' + query.toString());
    state.epoch = null; // what the page holds is for the old filter: never resume from it
    if (state.connected) {
      subscribe(false);
    }
  }

  function bindFilters() {
    const form = $('#filters');
    for (const name of ['user_id', 'type', 'status', 'search']) {
      field(name).value = state.filter[name];
    }
    let typing = null;
    form.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(filtersChanged, 300);
    });
    form.addEventListener('submit', (event) => event.preventDefault());
  }

  // ---- rendering -----------------------------------------------------------------------------------------------

  function newestFirst(a, b) {
    const byCreation = createdMs(b) - createdMs(a);
    return byCreation !== 0 ? byCreation : (a.id < b.id ? 1 : -1);
  }

  // Parsed once per job: the tables sort every frame.
  function createdMs(job) {
    if (job.createdMs === undefined) {
      job.createdMs = Date.parse(job.created_at) || 0;
    }
    return job.createdMs;
  }

  function renderJobs() {
    reconcile(jobsBody(), newest(state.jobs), jobRow, fillJobRow);
  }

  function renderDead() {
    reconcile(deadBody(), newest(state.dead), deadRow, fillDeadRow);
    const total = state.counts.dead;
    setText($('#dead-count'), total === undefined ? ''
      : '(' + total.toLocaleString() + ' dead' + (scopeText() ? ' for' + scopeText() : '') + ')');
  }

  // The newest jobs of the map, as many as a table shows; the map forgets the others.
  function newest(jobs) {
    const shown = [...jobs.values()].sort(newestFirst).slice(0, state.settings.recent_jobs);
    if (shown.length < jobs.size) {
      const kept = new Set(shown.map((job) => job.id));
      [...jobs.keys()].filter((id) => !kept.has(id)).forEach((id) => jobs.delete(id));
    }
    return shown;
  }

  // Keeps one row per job, in the given order, changing existing rows in place.
  function reconcile(body, jobs, create, fill) {
    const rows = new Map([...body.rows].map((row) => [row.dataset.jobId, row]));
    let cursor = body.firstElementChild;
    for (const job of jobs) {
      let row = rows.get(job.id);
      if (!row) {
        row = create(job);
      }
      rows.delete(job.id);
      if (row.dataset.updatedAt !== job.updated_at) {
        fill(row, job);
        row.dataset.updatedAt = job.updated_at;
      }
      if (row !== cursor) {
        body.insertBefore(row, cursor);
      } else {
        cursor = cursor.nextElementSibling;
      }
    }
    rows.forEach((row) => row.remove());
  }

  function jobRow(job) {
    const row = document.createElement('tr');
    row.dataset.jobId = job.id;
    row.innerHTML = '<td></td><td></td><td></td><td class="status"></td><td class="numeric"></td>'
      + '<td class="numeric"></td><td class="numeric"></td><td class="error"></td>';
    row.cells[0].append(jobLink(job.id));
    return row;
  }

  function fillJobRow(row, job) {
    flashIfStatusChanged(row, job);
    setText(row.cells[1], job.user_id || '—');
    setText(row.cells[2], job.type || '—');
    if (row.cells[3].textContent !== job.status) {
      row.cells[3].replaceChildren(badge(job.status));
    }
    setText(row.cells[4], attempts(job));
    setText(row.cells[5], time(job.created_at));
    setText(row.cells[6], duration(job));
    setText(row.cells[7], job.error || '');
    row.cells[7].title = job.error || '';
  }

  function deadRow(job) {
    const row = document.createElement('tr');
    row.dataset.jobId = job.id;
    row.innerHTML = '<td></td><td></td><td></td><td class="numeric"></td><td class="numeric"></td>'
      + '<td class="error"></td><td></td>';
    row.cells[0].append(jobLink(job.id));
    row.cells[6].append(actionButton('Replay', 'replay', job), ' ', actionButton('Discard', 'discard', job));
    return row;
  }

  function fillDeadRow(row, job) {
    row.dataset.status = job.status;
    row.dataset.generation = job.generation;
    row.cells[1].textContent = job.user_id || '—';
    row.cells[2].textContent = job.type || '—';
    row.cells[3].textContent = attempts(job);
    row.cells[4].textContent = time(job.finished_at || job.updated_at);
    row.cells[5].textContent = job.error || '';
    row.cells[5].title = job.error || '';
  }

  function flashIfStatusChanged(row, job) {
    const before = row.dataset.status;
    row.dataset.status = job.status;
    row.dataset.generation = job.generation;
    if (before && before !== job.status && row.animate && mayFlash()) {
      row.animate([{ backgroundColor: '#fff6c2' }, { backgroundColor: 'transparent' }], { duration: 1000 });
    }
  }

  // Rows flash when their status changes while the table is calm: in a second with more changes than that, and the
  // second after it, none does. Under a heavy flow nobody can follow the flashes, and a browser animating rows
  // repaints every frame and is late to show the next change.
  function mayFlash() {
    const now = Date.now();
    if (now - state.changeSecond >= 1000) {
      state.busy = state.changes > CALM_CHANGES_PER_SECOND;
      state.changeSecond = now;
      state.changes = 0;
    }
    state.changes++;
    return !state.busy && state.changes <= CALM_CHANGES_PER_SECOND;
  }

  function jobLink(id) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'job-link';
    button.textContent = shortId(id);
    button.title = id;
    button.setAttribute('aria-label', 'Job ' + id + ', show details');
    button.addEventListener('click', () => showDetail(id));
    return button;
  }

  function actionButton(label, action, job, report) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.action = action;
    button.textContent = label;
    button.setAttribute('aria-label', label + ' job ' + job.id);
    button.addEventListener('click', () => act(action, state.dead.get(job.id) || job, report || $('#dead-status')));
    return button;
  }

  // The end of the id: job ids are UUIDv7, whose first digits are the time and alike for jobs of one moment.
  function shortId(id) {
    return '…' + id.slice(-12);
  }

  function badge(status) {
    const span = document.createElement('span');
    span.className = 'badge status-' + status;
    span.textContent = status;
    return span;
  }

  function renderCounts() {
    const list = $('#counts');
    if (!list.children.length) {
      for (const status of STATUSES) {
        const item = document.createElement('div');
        item.innerHTML = '<dt></dt><dd></dd>';
        item.firstChild.textContent = status;
        item.lastChild.id = 'count-' + status;
        list.append(item);
      }
    }
    for (const status of STATUSES) {
      setText($('#count-' + status), (state.counts[status] || 0).toLocaleString());
    }
    setText($('#counts-scope'), scopeText() ? '(' + scopeText().trim() + ')' : '');
  }

  // Writes text only when it changed: each write costs the browser a layout, and most frames change few cells.
  function setText(element, text) {
    if (element.textContent !== text) {
      element.textContent = text;
    }
  }

  function scopeText() {
    const parts = [];
    if (state.filter.user_id) {
      parts.push('user ' + state.filter.user_id);
    }
    if (state.filter.type) {
      parts.push('type ' + state.filter.type);
    }
    return parts.length ? ' ' + parts.join(', ') : '';
  }

  function attempts(job) {
    const allowed = job.max_retries === undefined || job.max_retries === null ? '' : ' of ' + (job.max_retries + 1);
    return job.attempt + allowed + (job.generation > 0 ? ' (replay ' + job.generation + ')' : '');
  }

  function duration(job) {
    if (!job.started_at || !job.finished_at) {
      return '';
    }
    return formatMs(Date.parse(job.finished_at) - Date.parse(job.started_at));
  }

  function formatMs(ms) {
    if (ms === null || ms === undefined) {
      return '–';
    }
    return ms < 1000 ? Math.round(ms) + ' ms' : (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString() : '';
  }

  // Local time to the millisecond, with the date when asked for.
  function preciseTime(iso, withDate) {
    if (!iso) {
      return '';
    }
    const date = new Date(iso);
    const millis = String(date.getMilliseconds()).padStart(3, '0');
    const clock = date.toLocaleTimeString([], { hour12: false }) + '.' + millis;
    return withDate ? date.toLocaleDateString() + ' ' + clock : clock;
  }

  // ---- charts --------------------------------------------------------------------------------------------------

  function renderCharts(metrics) {
    state.metrics = metrics;
    const points = metrics.minutes;
    drawChart($('#throughput-chart'), points, [
      { className: 'completed', value: (p) => p.completed_per_second },
      { className: 'failed', value: (p) => p.failed_per_second },
    ], (v) => v.toFixed(1) + '/s');
    drawChart($('#duration-chart'), points, [
      { className: 'average', value: (p) => p.avg_ms },
      { className: 'p95', value: (p) => p.p95_ms },
    ], formatMs);
    const now = points[points.length - 1] || {};
    const total = metrics.window;
    const minutes = points.length;
    $('#throughput-summary').textContent = 'This minute: ' + (now.completed_per_second || 0).toFixed(1)
      + ' completed/s, ' + (now.failed_per_second || 0).toFixed(1) + ' failed/s. Last ' + minutes + ' min: '
      + total.done.toLocaleString() + ' done, ' + total.failed.toLocaleString() + ' failed attempts, '
      + total.dead.toLocaleString() + ' dead.';
    $('#duration-summary').textContent = 'Last ' + minutes + ' min: average ' + formatMs(total.avg_ms)
      + ', 95th percentile ' + formatMs(total.p95_ms) + '.';
  }

  // Draws one line per series over the minutes, scaled to the largest value, which labels the axis. The view box
  // is the element's own size, so that text and dots are not stretched.
  function drawChart(svg, points, series, format) {
    const width = Math.max(svg.clientWidth, 100);
    const height = Math.max(svg.clientHeight, 60);
    const top = 14;
    const bottom = height - 12;
    const values = series.flatMap((s) => points.map(s.value)).filter((v) => v !== null && v !== undefined);
    const max = Math.max(...values, 0) || 1;
    const x = (i) => 4 + (points.length < 2 ? 0 : (i * (width - 8)) / (points.length - 1));
    const y = (v) => bottom - ((bottom - top) * v) / max;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.replaceChildren(
      svgElement('line', { class: 'axis', x1: 0, x2: width, y1: bottom + 0.5, y2: bottom + 0.5 }),
      svgText(2, 10, 'max ' + format(max), 'start'),
      svgText(2, height - 1, points.length + ' min ago', 'start'),
      svgText(width - 2, height - 1, 'now', 'end'));
    for (const s of series) {
      const plotted = points.map((p, i) => [x(i), s.value(p)]).filter(([, v]) => v !== null && v !== undefined);
      svg.append(svgElement('polyline', { class: 'line ' + s.className,
        points: plotted.map(([px, v]) => px.toFixed(1) + ',' + y(v).toFixed(1)).join(' ') }));
      for (const [px, v] of plotted) {
        svg.append(svgElement('circle', { class: 'dot ' + s.className, cx: px.toFixed(1), cy: y(v).toFixed(1), r: 2 }));
      }
    }
  }

  function svgElement(name, attributes) {
    const element = document.createElementNS('http://www.w3.org/2000/svg', name);
    for (const [attribute, value] of Object.entries(attributes)) {
      element.setAttribute(attribute, value);
    }
    return element;
  }

  function svgText(x, y, text, anchor) {
    const element = svgElement('text', { class: 'axis-label', x: x, y: y, 'text-anchor': anchor });
    element.textContent = text;
    return element;
  }

  // ---- job detail ----------------------------------------------------------------------------------------------

  async function showDetail(id) {
    const dialog = $('#detail');
    const body = $('#detail-body');
    $('#detail-heading').textContent = 'Job ' + id;
    body.textContent = 'Loading…';
    if (!dialog.open) {
      dialog.showModal();
    }
    const response = await fetch('api/dashboard/jobs/' + encodeURIComponent(id), { headers: projectorHeaders() });
    if (!response.ok) {
      body.textContent = response.status === 404 ? 'This job is not in the read model.' : 'Could not load the job.';
      return;
    }
    renderDetail(body, await response.json());
  }

  function renderDetail(body, detail) {
    const job = detail.job;
    body.replaceChildren();
    const facts = document.createElement('dl');
    for (const [term, value] of [['Status', job.status], ['User', job.user_id], ['Type', job.type],
      ['Attempts', attempts(job)], ['Trace id', job.trace_id], ['Worker', detail.worker_id],
      ['Created', preciseTime(job.created_at, true)], ['Finished', preciseTime(job.finished_at, true)],
      ['Next attempt', preciseTime(job.next_attempt_at, true)]]) {
      if (value !== undefined && value !== null && value !== '') {
        const dt = document.createElement('dt');
        const dd = document.createElement('dd');
        dt.textContent = term;
        dd.textContent = value;
        facts.append(dt, dd);
      }
    }
    body.append(facts, detailActions(job), heading('Payload'), pre(detail.payload));
    if (detail.result !== undefined) {
      body.append(heading('Result'), pre(detail.result));
    }
    body.append(heading('Attempts'), attemptsTable(detail.attempts));
  }

  function detailActions(job) {
    const actions = document.createElement('p');
    actions.className = 'actions';
    const report = document.createElement('span');
    report.setAttribute('role', 'status');
    if (job.status === 'dead') {
      actions.append(actionButton('Replay', 'replay', job, report), actionButton('Discard', 'discard', job, report));
    }
    if (['pending', 'running', 'retrying'].includes(job.status)) {
      actions.append(actionButton('Cancel', 'cancel', job, report));
    }
    actions.append(report);
    return actions;
  }

  function attemptsTable(attemptsList) {
    const table = document.createElement('table');
    table.className = 'jobs';
    table.innerHTML = '<caption>Every attempt, oldest first</caption><thead><tr><th scope="col">Run</th>'
      + '<th scope="col">Attempt</th><th scope="col">Outcome</th><th scope="col">Started</th>'
      + '<th scope="col">Ended</th><th scope="col">Duration</th><th scope="col">Error</th></tr></thead><tbody></tbody>';
    for (const attempt of attemptsList) {
      const row = table.tBodies[0].insertRow();
      for (const text of [attempt.generation, attempt.attempt, attempt.status, preciseTime(attempt.started_at),
        preciseTime(attempt.finished_at), attempt.duration_ms === undefined ? '' : formatMs(attempt.duration_ms)]) {
        row.insertCell().textContent = text;
      }
      const error = row.insertCell();
      if (attempt.error) {
        const details = document.createElement('details');
        const summary = document.createElement('summary');
        summary.textContent = attempt.error.message;
        details.append(summary, pre(attempt.error.type + '\n' + (attempt.error.stack || '')));
        error.append(details);
      }
    }
    return table;
  }

  function heading(text) {
    const h = document.createElement('h3');
    h.textContent = text;
    return h;
  }

  function pre(value) {
    const element = document.createElement('pre');
    element.textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    return element;
  }

  // ---- API key -------------------------------------------------------------------------------------------------

  function apiKeyMode() {
    return state.settings.auth_mode === 'api-key';
  }

  // The headers that say who acts: the key in the api-key mode, otherwise the job's owner.
  function identity(owner) {
    return apiKeyMode() ? { Authorization: 'Bearer ' + state.key } : { 'X-User-Id': owner || '' };
  }

  // The headers of the page's own reads from the projector.
  function projectorHeaders() {
    return apiKeyMode() ? { Authorization: 'Bearer ' + state.key } : {};
  }

  function askForKey(reason) {
    sessionStorage.removeItem(KEY_STORAGE);
    state.key = null;
    state.refused = false;
    state.refusal = null;
    state.epoch = null;
    document.body.dataset.connection = 'offline';
    showConnection('offline', 'API key needed');
    $('#connection-lost').hidden = true;
    $('#viewer').hidden = true;
    $('#key-reason').textContent = reason || '';
    $('#key-form').hidden = false;
    $('#key-form').elements.namedItem('key').focus();
  }

  function bindKeyForm() {
    $('#key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = $('#key-form').elements.namedItem('key');
      state.key = input.value.trim();
      input.value = '';
      if (state.key) {
        sessionStorage.setItem(KEY_STORAGE, state.key);
        $('#key-form').hidden = true;
        connect();
      }
    });
    $('#forget-key').addEventListener('click', () => {
      const socket = state.socket;
      state.socket = null;
      if (socket) {
        socket.close(1000, 'another key');
      }
      state.connected = false;
      askForKey('');
    });
  }

  // A user's key sees that user's jobs only: the user filter shows it and cannot be changed.
  function showViewer(viewer) {
    state.viewer = viewer;
    $('#viewer-text').textContent = viewer.everyone ? 'Admin key: every user\'s jobs'
      : 'Jobs of user ' + viewer.user_id;
    $('#viewer').hidden = false;
    const user = field('user_id');
    user.disabled = !viewer.everyone;
    if (!viewer.everyone && state.filter.user_id !== viewer.user_id) {
      user.value = viewer.user_id;
      state.filter.user_id = viewer.user_id;
    }
  }

  // ---- gateway actions -----------------------------------------------------------------------------------------

  const ACTIONS = {
    replay: { method: 'POST', path: (id) => '/api/jobs/' + id + '/retry', done: 'replayed' },
    discard: { method: 'DELETE', path: (id) => '/api/jobs/' + id, done: 'discarded' },
    cancel: { method: 'POST', path: (id) => '/api/jobs/' + id + '/cancel', done: 'cancelled' },
  };

  function callGateway(action, job) {
    const spec = ACTIONS[action];
    return fetch(state.gatewayUrl + spec.path(encodeURIComponent(job.id)), {
      method: spec.method,
      headers: identity(job.user_id),
    }).then(async (response) => {
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || problem.title || 'HTTP ' + response.status);
      }
    });
  }

  async function act(action, job, status) {
    if (action === 'discard' && !confirm('Discard job ' + job.id + '? It will never run again.')) {
      return;
    }
    try {
      await callGateway(action, job);
      status.textContent = 'Job ' + shortId(job.id) + ' ' + ACTIONS[action].done + '.';
    } catch (failure) {
      status.textContent = 'Could not ' + action + ' job ' + shortId(job.id) + ': ' + failure.message;
    }
  }

  // Acts on every dead job of the current user, type and search. A replay of all of one user's dead jobs, or all
  // of one type, is one request to the gateway's bulk replay; anything else goes job by job, over the dead jobs
  // the projector lists, since the gateway's search differs from the dashboard's and discards have no bulk form.
  async function actOnAllMatching(action) {
    const filter = state.filter;
    const status = $('#dead-status');
    const verb = action === 'replay' ? 'Replay' : 'Discard';
    if (action === 'replay' && filter.user_id && !filter.search) {
      const dead = state.counts.dead || 0;
      if (confirm(verb + ' all ' + dead + ' dead jobs' + scopeText() + '?')) {
        await replayInBulk(filter, status);
      }
      return;
    }
    const query = new URLSearchParams({ user_id: filter.user_id, type: filter.type, search: filter.search });
    const response = await fetch('api/dashboard/dead-jobs?' + query, { headers: projectorHeaders() });
    const jobs = response.ok ? await response.json() : [];
    if (!jobs.length) {
      status.textContent = 'No dead jobs match the filters.';
      return;
    }
    if (confirm(verb + ' ' + jobs.length + ' dead jobs' + scopeText() + '?')) {
      await actOnEach(action, jobs, verb, status);
    }
  }

  async function replayInBulk(filter, status) {
    const body = filter.type ? { type: filter.type } : {};
    try {
      // With a key the gateway knows the user; the admin key names it, as the user filter does.
      const target = apiKeyMode() ? '?' + new URLSearchParams({ user_id: filter.user_id }) : '';
      const response = await fetch(state.gatewayUrl + '/api/dlq/retry' + target, {
        method: 'POST',
        headers: Object.assign(identity(filter.user_id), { 'Content-Type': 'application/json' }),
        body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        throw new Error(answer.detail || answer.title || 'HTTP ' + response.status);
      }
      status.textContent = 'Replayed ' + answer.replayed + ' dead jobs.';
    } catch (failure) {
      status.textContent = 'Could not replay the dead jobs: ' + failure.message;
    }
  }

  async function actOnEach(action, jobs, verb, status) {
    let succeeded = 0;
    const failures = [];
    const queue = [...jobs];
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        try {
          await callGateway(action, job);
          succeeded++;
        } catch (failure) {
          failures.push(shortId(job.id) + ': ' + failure.message);
        }
        status.textContent = verb + ': ' + succeeded + ' of ' + jobs.length + ' done'
          + (failures.length ? ', ' + failures.length + ' failed (' + failures.slice(0, 3).join('; ') + ')' : '')
          + '.';
      }
    };
    await Promise.all(Array.from({ length: ACTION_CONCURRENCY }, worker));
  }

  // ---- start ---------------------------------------------------------------------------------------------------

  async function start() {
    state.settings = await loadSettings();
    state.gatewayUrl = (new URLSearchParams(location.search).get('gateway') || state.settings.gateway_url)
      .replace(/\/$/, '');
    bindFilters();
    renderCounts();
    $('#replay-all').addEventListener('click', () => actOnAllMatching('replay'));
    $('#discard-all').addEventListener('click', () => actOnAllMatching('discard'));
    window.addEventListener('resize', () => state.metrics && renderCharts(state.metrics));
    bindKeyForm();
    if (apiKeyMode()) {
      state.key = sessionStorage.getItem(KEY_STORAGE);
      if (!state.key) {
        askForKey('');
        return;
      }
    }
    connect();
  }

  // A handle for tests and for the curious: the page's state, and a way to drop the connection on purpose.
  window.__dashboard = {
    state: () => ({
      connected: state.connected, epoch: state.epoch, seq: state.seq, snapshots: state.snapshots,
      resumes: state.resumes, jobs: [...state.jobs.values()].map((job) => ({ id: job.id, status: job.status })),
      counts: state.counts, gatewayUrl: state.gatewayUrl, viewer: state.viewer,
    }),
    recordArrivals: () => {
      state.arrivals = [];
    },
    arrivals: () => state.arrivals || [],
    dropConnection: (holdMs) => {
      state.heldUntil = Date.now() + (holdMs || 0);
      if (state.socket) {
        state.socket.close(4000, 'dropped on purpose');
      }
    },
  };

  // The settings, asked for until the projector answers.
  async function loadSettings() {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch('api/dashboard/config');
        if (response.ok) {
          return await response.json();
        }
      } catch (unreachable) {
        // the projector is not up yet; ask again
      }
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
      showConnection('offline', 'Projector unreachable; trying again in ' + Math.ceil(delay / 1000) + ' s');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  start();
})();
