// Steward dashboard: slug suggestion on the New Client form, and a refresh of the status (and, on the client list,
// requests waiting and last activity) every 5 seconds while the tab is visible. Only textContent, attributes and
// elements built here are written, never HTML.
(function () {
  'use strict';

  // --- slug suggested from the name, until the user types a slug of their own ---
  function suggestSlug(name) {
    return name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 63).replace(/-+$/, '');
  }

  document.querySelectorAll('input[data-slug-from]').forEach(function (slug) {
    var source = document.getElementById(slug.getAttribute('data-slug-from'));
    if (!source) { return; }
    var edited = slug.value !== '' && slug.value !== suggestSlug(source.value);
    slug.addEventListener('input', function () { edited = slug.value !== ''; });
    source.addEventListener('input', function () {
      if (!edited) { slug.value = suggestSlug(source.value); }
    });
  });

  // --- log follow on the Diagnostics tab ---
  var follow = document.getElementById('follow');
  var logs = document.querySelector('pre[data-logs]');
  if (follow && logs && window.fetch) {
    var followTimer = null;
    var pull = function () {
      if (document.visibilityState !== 'visible') { return; }
      fetch(follow.getAttribute('data-follow'), { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          logs.textContent = data.logs.length === 0 ? 'No log lines.'
            : data.logs.map(function (line) { return line.at + '  ' + line.text; }).join('\n');
          logs.scrollTop = logs.scrollHeight;
        })
        .catch(function () { /* the next tick tries again */ });
    };
    follow.addEventListener('change', function () {
      if (follow.checked) { pull(); followTimer = window.setInterval(pull, 3000); }
      else { window.clearInterval(followTimer); followTimer = null; }
    });
  }

  // --- status refresh ---
  var main = document.querySelector('main[data-refresh]');
  if (!main || !window.fetch) { return; }
  var url = main.getAttribute('data-refresh');
  var timer = null;

  function setBadge(element, prefix, value) {
    if (!element || element.textContent === value) { return; }
    element.textContent = value;
    element.className = 'badge ' + prefix + value;
  }

  function setText(element, value) {
    if (element.textContent !== value) { element.textContent = value; }
  }

  // as the server writes it: <time datetime="…">2026-11-30 14:05:09 UTC</time>, or "none yet"
  function showLastActivity(cell, at) {
    var shown = cell.querySelector('time');
    if (at === null) {
      if (shown) {
        var none = document.createElement('span');
        none.className = 'muted';
        none.textContent = 'none yet';
        cell.replaceChildren(none);
      }
      return;
    }
    if (shown && shown.getAttribute('datetime') === at) { return; }
    var time = document.createElement('time');
    time.setAttribute('datetime', at);
    time.textContent = at.replace('T', ' ').replace(/\.\d+/, '').replace('Z', ' UTC');
    cell.replaceChildren(time);
  }

  function apply(client) {
    document.querySelectorAll('[data-client]').forEach(function (scope) {
      if (scope.getAttribute('data-client') !== client.slug) { return; }
      setBadge(scope.querySelector('[data-field="status"]'), 'status-', client.status);
      setBadge(scope.querySelector('[data-field="deploy"]'), 'deploy-', client.deployStatus.state);
      var message = scope.querySelector('[data-field="deploy-message"]');
      if (message) {
        message.textContent = client.deployStatus.message || '';
        message.hidden = !client.deployStatus.message;
      }
      scope.querySelectorAll('[data-field="effective-mode"]').forEach(function (mode) {
        if (mode.textContent !== client.effectiveMode) { mode.textContent = client.effectiveMode; }
      });
      // the client list's columns (only list items carry them)
      var waiting = scope.querySelector('[data-field="waiting"]');
      if (waiting && typeof client.requestsWaiting === 'number') {
        setText(waiting, String(client.requestsWaiting));
      }
      var last = scope.querySelector('[data-field="last-activity"]');
      if (last && client.lastActivityAt !== undefined) { showLastActivity(last, client.lastActivityAt); }
    });
  }

  var etag = null;

  function refresh() {
    // API answers are never stored (Cache-Control: no-store), so the page keeps the ETag itself and revalidates
    // with If-None-Match: unchanged data costs a 304 and changes nothing on the page
    var headers = { 'Accept': 'application/json' };
    if (etag) { headers['If-None-Match'] = etag; }
    fetch(url, { headers: headers, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { return null; }
        etag = response.headers.get('ETag');
        return response.json();
      })
      .then(function (data) {
        if (!data) { return; }
        (data.items || [data]).forEach(apply);
      })
      .catch(function () { /* offline for a moment: the next tick tries again */ });
  }

  function start() { if (timer === null) { timer = window.setInterval(refresh, 5000); } }
  function stop() { if (timer !== null) { window.clearInterval(timer); timer = null; } }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') { refresh(); start(); } else { stop(); }
  });
  if (document.visibilityState === 'visible') { start(); }
  window.stewardRefresh = { refresh: refresh, running: function () { return timer !== null; } };
}());
