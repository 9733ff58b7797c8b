/* Intercede phone: prayer requests. Sharing one (queued in localStorage with its op id until the
 * server says it was received, so a request written offline is sent once the connection returns,
 * and never stored twice), and the list of requests the prayer team approved for everyone, each
 * with a "Praying" button (queued and acknowledged like "I'm praying" taps).
 *
 *   var requests = IntercedeRequests.start(code, words, send);
 *   requests.snapshot(msg); requests.message(msg); requests.error(msg) -> true if it was ours;
 *   requests.online(); // the socket is open: send what is queued
 */
(function () {
  'use strict';

  var MAX_AGE_MS = 24 * 60 * 60 * 1000;

  function start(code, words, send) {
    var dom = window.IntercedeLive.dom;
    function $(id) { return document.getElementById(id); }
    var el = {
      share: $('request-share'),
      form: $('request-form'),
      text: $('request-text'),
      name: $('request-name'),
      left: $('request-left'),
      status: $('request-status'),
      list: $('request-list')
    };
    if (!el.list) return null;

    var SENT_KEY = 'intercede.requests.' + code;
    var PRAYERS_KEY = 'intercede.request-prayers.' + code;
    var PRAYED_KEY = 'intercede.requests-prayed.' + code;
    var memory = {};
    function load(key) {
      var raw = null;
      try { raw = window.localStorage.getItem(key); } catch (e) { raw = memory[key] || null; }
      try { var v = JSON.parse(raw || '[]'); return Array.isArray(v) ? v : []; } catch (e) { return []; }
    }
    function save(key, list) {
      var raw = JSON.stringify(list);
      memory[key] = raw;
      try { window.localStorage.setItem(key, raw); } catch (e) { /* kept in memory */ }
    }
    function newOp(prefix) {
      return prefix + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
    }

    var now = Date.now();
    var outgoing = load(SENT_KEY).filter(function (r) {
      return r && typeof r.op === 'string' && typeof r.text === 'string' && !(r.at && now - r.at > MAX_AGE_MS);
    });
    var prayers = load(PRAYERS_KEY).filter(function (p) { return p && typeof p.op === 'string' && typeof p.request === 'number'; });
    var prayed = {};
    load(PRAYED_KEY).forEach(function (id) { prayed[id] = true; });
    var counts = {};

    function status(text) { dom.setText(el.status, text || ''); }
    function mine(op, list) {
      for (var i = 0; i < list.length; i++) if (list[i].op === op) return list[i];
      return null;
    }

    // ---- sharing a request ----
    function charactersLeft() {
      if (!el.text || !el.left) return;
      var max = parseInt(el.text.getAttribute('maxlength'), 10) || 500;
      var used = Array.from ? Array.from(el.text.value).length : el.text.value.length;
      dom.setText(el.left, words.count('requests-characters-left', Math.max(0, max - used)));
    }

    function sendQueued() {
      outgoing.forEach(function (r) {
        send({ type: 'request', op: r.op, text: r.text, name: r.name, audience: r.audience });
      });
      prayers.forEach(function (p) { send({ type: 'pray_request', op: p.op, request: p.request }); });
    }

    function share(ev) {
      ev.preventDefault();
      var text = (el.text.value || '').trim();
      if (!text) { status(words.get('requests-empty')); el.text.focus(); return; }
      var chosen = el.form.querySelector('input[name="audience"]:checked');
      var request = {
        op: newOp('r'),
        text: text,
        name: (el.name.value || '').trim(),
        audience: chosen ? chosen.value : 'everyone',
        at: Date.now()
      };
      outgoing.push(request);
      save(SENT_KEY, outgoing);
      var handed = send({ type: 'request', op: request.op, text: request.text, name: request.name, audience: request.audience });
      status(words.get(handed ? 'requests-sending' : 'requests-saved'));
      el.text.value = '';
      charactersLeft();
    }

    function received(msg) {
      var request = mine(msg.op, outgoing);
      if (!request) return;
      outgoing = outgoing.filter(function (r) { return r.op !== msg.op; });
      save(SENT_KEY, outgoing);
      status(words.get(request.audience === 'team' ? 'requests-received-team' : 'requests-received'));
      if (el.share) el.share.open = false;
    }

    // ---- the approved requests ----
    function drawCount(li, id) {
      if (typeof counts[id] !== 'number') return; // as the server drew it
      dom.fill(li, { praying: words.count('requests-praying', counts[id]) });
    }

    function drawPrayed(li, id) {
      var done = prayed[id] === true;
      var waiting = false;
      for (var i = 0; i < prayers.length; i++) if (prayers[i].request === id) waiting = true;
      li.classList.toggle('is-prayed', done);
      li.classList.toggle('is-pending', waiting && !done);
      var button = li.querySelector('.request-pray');
      if (button) button.setAttribute('aria-pressed', done || waiting ? 'true' : 'false');
    }

    function draw(list) {
      if (!Array.isArray(list)) return;
      var fragment = document.createDocumentFragment();
      list.forEach(function (r) {
        counts[r.id] = r.praying;
        var li = dom.clone('request-template', { text: r.text, name: r.name || '' });
        if (!li) return;
        li.setAttribute('data-request-id', String(r.id));
        drawCount(li, r.id);
        drawPrayed(li, r.id);
        fragment.appendChild(li);
      });
      dom.clear(el.list);
      el.list.appendChild(fragment);
      var box = document.getElementById('requests');
      if (box) box.classList.toggle('is-empty', list.length === 0);
      markShowing();
    }

    // `praying`: [{id, praying}] from a request_counts frame (may be empty).
    function redrawCounts(praying) {
      praying.forEach(function (c) { if (c && typeof c.praying === 'number') counts[c.id] = c.praying; });
      var items = el.list.children;
      for (var i = 0; i < items.length; i++) {
        var id = parseInt(items[i].getAttribute('data-request-id'), 10);
        drawCount(items[i], id);
        drawPrayed(items[i], id);
      }
    }

    function pray(ev) {
      var button = ev.target.closest ? ev.target.closest('.request-pray') : null;
      if (!button) return;
      var li = button.closest('[data-request-id]');
      var id = li ? parseInt(li.getAttribute('data-request-id'), 10) : NaN;
      if (isNaN(id) || prayed[id]) return;
      var entry = null;
      for (var i = 0; i < prayers.length; i++) if (prayers[i].request === id) entry = prayers[i];
      if (!entry) {
        entry = { op: newOp('q'), request: id };
        prayers.push(entry);
        save(PRAYERS_KEY, prayers);
      }
      send({ type: 'pray_request', op: entry.op, request: id });
      drawPrayed(li, id);
    }

    function acked(msg) {
      prayers = prayers.filter(function (p) { return p.op !== msg.op; });
      save(PRAYERS_KEY, prayers);
      // The room's figure follows within a second; this phone's prayer shows at once.
      if (msg.counted && !prayed[msg.request] && typeof counts[msg.request] === 'number') {
        counts[msg.request] += 1;
      }
      prayed[msg.request] = true;
      save(PRAYED_KEY, Object.keys(prayed).map(Number));
      redrawCounts([]);
    }

    if (el.form) el.form.addEventListener('submit', share);
    if (el.text) el.text.addEventListener('input', charactersLeft);
    el.list.addEventListener('click', pray);
    // The page came with the list drawn by the server: take its figures.
    redrawCounts([]);
    charactersLeft();
    if (outgoing.length) status(words.get('requests-saved'));

    // The request on the projector (`null`: none; -1: the approved ones in turn).
    var showingId = null;
    function markShowing() {
      var items = el.list.children;
      for (var i = 0; i < items.length; i++) {
        items[i].classList.toggle('is-on-screen', parseInt(items[i].getAttribute('data-request-id'), 10) === showingId);
      }
    }

    return {
      showing: function (id) { showingId = id; markShowing(); },
      online: sendQueued,
      snapshot: function (msg) {
        (msg.prayed_requests || []).forEach(function (id) { prayed[id] = true; });
        save(PRAYED_KEY, Object.keys(prayed).map(Number));
        draw(msg.requests);
        sendQueued();
      },
      message: function (msg) {
        if (msg.type === 'requests') draw(msg.requests);
        else if (msg.type === 'request_counts') redrawCounts(Array.isArray(msg.praying) ? msg.praying : []);
        else if (msg.type === 'received') received(msg);
        else if (msg.type === 'request_ack') acked(msg);
      },
      // An error answering one of this module's messages: true if it was ours.
      error: function (msg) {
        var op = msg && msg.op;
        var request = op ? mine(op, outgoing) : null;
        var prayer = op ? mine(op, prayers) : null;
        if (!request && !prayer) return false;
        if (msg.code === 'busy') {
          status(words.get('requests-busy'));
          return true;
        }
        // Refused for good (too long, too many, no longer approved): not sent again.
        if (request) {
          outgoing = outgoing.filter(function (r) { return r.op !== op; });
          save(SENT_KEY, outgoing);
          if (el.text && !el.text.value) el.text.value = request.text;
          charactersLeft();
          status(msg.message || '');
        } else {
          prayers = prayers.filter(function (p) { return p.op !== op; });
          save(PRAYERS_KEY, prayers);
          redrawCounts([]);
        }
        return true;
      }
    };
  }

  window.IntercedeRequests = { start: start };
})();
