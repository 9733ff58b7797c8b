/* Intercede attendee phone: keeps the server-rendered page current and sends "I'm praying" taps.
 * Taps are queued in localStorage with their op id until the server acks them, so a tap made
 * offline (or before a reload) is sent when the connection returns and counted exactly once. */
(function () {
  'use strict';

  var body = document.body;
  var code = body.getAttribute('data-code') || '';
  if (!code || !window.IntercedeLive) return;

  function $(id) { return document.getElementById(id); }
  var el = {
    waiting: $('phase-waiting'),
    topic: $('phase-topic'),
    ended: $('phase-ended'),
    section: $('section'),
    number: $('topic-number'),
    title: $('topic-title'),
    paragraphs: $('paragraphs'),
    button: $('pray-button'),
    status: $('pray-status'),
    count: $('praying-count'),
    soFar: $('so-far'),
    soFarSummary: $('so-far-summary'),
    soFarList: $('so-far-list'),
    connection: $('connection'),
    connectionText: $('connection-text'),
    announcer: $('announcer')
  };
  var gatheringTitle = ($('gathering-title') || {}).textContent || '';

  var PENDING_KEY = 'intercede.pending.' + code;
  var COUNTED_KEY = 'intercede.counted.' + code;
  var PENDING_MAX_AGE_MS = 12 * 60 * 60 * 1000;
  var TEXT = {
    pray: "I'm praying",
    counted: 'Counted — thank you',
    sending: 'Sending…',
    saved: 'Saved — will send when back online',
    offline: 'Offline — your taps will be sent when the connection returns',
    online: 'Live',
    connecting: 'Connecting…'
  };

  // ---- storage (may be unavailable: private mode, full, old browser) ----
  var memory = {};
  function load(key) {
    var raw = null;
    try { raw = window.localStorage.getItem(key); } catch (e) { raw = memory[key] || null; }
    if (!raw) return [];
    try { var v = JSON.parse(raw); return Array.isArray(v) ? v : []; } catch (e) { return []; }
  }
  function save(key, list) {
    var raw = JSON.stringify(list);
    memory[key] = raw;
    try { window.localStorage.setItem(key, raw); } catch (e) { /* kept in memory */ }
  }

  var now = Date.now();
  var pending = load(PENDING_KEY).filter(function (p) {
    return p && typeof p.op === 'string' && typeof p.topic === 'number' && !(p.at && now - p.at > PENDING_MAX_AGE_MS);
  });
  var counted = {};
  load(COUNTED_KEY).forEach(function (id) { counted[id] = true; });

  var phase = body.getAttribute('data-phase') || 'waiting';
  var topicId = parseInt(body.getAttribute('data-topic-id'), 10);
  if (isNaN(topicId)) topicId = null;
  if (topicId !== null && body.getAttribute('data-tapped') === 'true') counted[topicId] = true;
  var online = false;
  var errorText = '';
  var busyTimer = null;

  function saveCounted() {
    save(COUNTED_KEY, Object.keys(counted).map(Number));
  }
  function savePending() {
    save(PENDING_KEY, pending);
  }
  function pendingFor(id) {
    for (var i = 0; i < pending.length; i++) if (pending[i].topic === id) return pending[i];
    return null;
  }
  function newOp() {
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
  }

  // ---- rendering ----
  function setText(node, text) {
    if (node && node.textContent !== text) node.textContent = text;
  }

  function announce(text) {
    if (!el.announcer) return;
    el.announcer.textContent = '';
    setTimeout(function () { el.announcer.textContent = text; }, 120);
  }

  function renderButton() {
    var b = el.button;
    if (!b) return;
    var isCounted = topicId !== null && counted[topicId] === true;
    var isPending = !isCounted && topicId !== null && !!pendingFor(topicId);
    setText(b, TEXT.pray); // the check mark and colour show it is counted; the status line says so
    b.classList.toggle('is-counted', isCounted);
    b.classList.toggle('is-pending', isPending);
    if (isCounted) b.setAttribute('aria-disabled', 'true');
    else b.removeAttribute('aria-disabled');
    var status = isCounted ? TEXT.counted : '';
    if (isPending) status = !online ? TEXT.saved : (errorText || TEXT.sending);
    else if (!isCounted && errorText) status = errorText;
    setText(el.status, status);
  }

  function renderScripture(scripture) {
    var box = $('scripture');
    if (!scripture || !scripture.text) {
      if (box) box.parentNode.removeChild(box);
      return;
    }
    if (!box) {
      box = document.createElement('blockquote');
      box.id = 'scripture';
      box.className = 'scripture';
      el.paragraphs.parentNode.insertBefore(box, el.paragraphs);
    }
    while (box.firstChild) box.removeChild(box.firstChild);
    var p = document.createElement('p');
    p.id = 'scripture-text';
    p.textContent = scripture.text;
    box.appendChild(p);
    if (scripture.reference) {
      var cite = document.createElement('cite');
      cite.id = 'scripture-ref';
      cite.textContent = scripture.reference;
      box.appendChild(cite);
    }
  }

  // body_html is made on the server from escaped text (a small Markdown subset), so it is safe markup.
  // A sensitive story sits behind a short advisory the attendee taps through.
  var ADVISORY = 'This story describes abuse and may be hard to read. Tap to read it.';
  function renderBody(html, sensitive) {
    if (!sensitive) { el.paragraphs.innerHTML = html || ''; return; }
    el.paragraphs.innerHTML = '<details class="advisory"><summary></summary>' + (html || '') + '</details>';
    el.paragraphs.querySelector('summary').textContent = ADVISORY;
  }

  // "So far": the topics already shown, minus the one on screen, so a late joiner can catch up.
  var coveredSig = null;
  function renderCovered(covered) {
    if (!el.soFar || !el.soFarList || !Array.isArray(covered)) return;
    var rows = covered.filter(function (c) { return c && c.id !== topicId; });
    var n = rows.length;
    el.soFar.hidden = n === 0;
    setText(el.soFarSummary, (phase === 'ended' ? 'We prayed for ' : 'So far: ') + n + (n === 1 ? ' topic' : ' topics'));
    var sig = JSON.stringify(rows);
    if (sig === coveredSig) return;
    coveredSig = sig;
    while (el.soFarList.firstChild) el.soFarList.removeChild(el.soFarList.firstChild);
    rows.forEach(function (c) {
      var li = document.createElement('li');
      var num = document.createElement('span');
      num.className = 'so-far-num';
      num.textContent = c.number + '.';
      li.appendChild(num);
      li.appendChild(document.createTextNode(' ' + (c.title || '')));
      el.soFarList.appendChild(li);
    });
  }

  function setPhase(next) {
    phase = next;
    body.setAttribute('data-phase', next);
    body.className = body.className.replace(/\bphase-\w+/g, '').replace(/\s+/g, ' ').trim() + ' phase-' + next;
    el.waiting.hidden = next !== 'waiting';
    el.topic.hidden = next !== 'topic';
    el.ended.hidden = next !== 'ended';
  }

  var topicSig = null; // what is on screen, so an identical snapshot does not rebuild the text

  function renderLive(live) {
    if (!live) return;
    var previousPhase = phase;
    var previousTopic = topicId;
    var t = live.phase === 'topic' ? live.topic : null;

    setPhase(t ? 'topic' : (live.phase === 'ended' ? 'ended' : 'waiting'));
    topicId = t ? t.id : null;
    body.setAttribute('data-topic-id', topicId === null ? '' : String(topicId));

    var sig = t ? JSON.stringify(t) : null;
    if (t && sig !== topicSig) {
      el.topic.setAttribute('data-kind', t.kind || '');
      setText(el.section, t.section || '');
      setText(el.number, 'Topic ' + t.number + ' of ' + t.total);
      setText(el.title, t.title || '');
      renderScripture(t.scripture);
      renderBody(t.body_html, t.sensitive);
      document.title = (t.title ? t.title + ' · ' : '') + gatheringTitle;
    } else if (!t) {
      document.title = gatheringTitle || 'Intercede';
    }
    topicSig = sig;
    renderCovered(live.covered);

    if (topicId !== previousTopic) {
      errorText = '';
      try { window.scrollTo(0, 0); } catch (e) { /* ignore */ }
    }
    if (t && topicId !== previousTopic) {
      announce('New topic, ' + t.number + ' of ' + t.total + ': ' + t.title);
    } else if (phase === 'ended' && previousPhase !== 'ended') {
      announce('The gathering has ended. Thank you for praying.');
    }
    renderButton();
  }

  function renderCounts(counts) {
    if (!counts || typeof counts.praying !== 'number') return;
    if (counts.topic !== undefined && counts.topic !== null && counts.topic !== topicId) return;
    setText(el.count, counts.praying + ' praying');
  }

  function renderConnection(state) {
    online = state === 'online';
    if (el.connection) el.connection.setAttribute('data-state', state);
    setText(el.connectionText, state === 'online' ? TEXT.online : state === 'offline' ? TEXT.offline : TEXT.connecting);
    renderButton();
  }

  // ---- taps ----
  function sendPending(live) {
    if (!live.isOpen()) return;
    pending.forEach(function (p) {
      live.send({ type: 'tap', op: p.op, topic: p.topic });
    });
  }

  function tap() {
    if (phase !== 'topic' || topicId === null) return;
    if (counted[topicId]) return; // already counted: a second tap does nothing
    errorText = '';
    var entry = pendingFor(topicId);
    if (!entry) {
      entry = { op: newOp(), topic: topicId, at: Date.now() };
      pending.push(entry);
      savePending();
    }
    live.send({ type: 'tap', op: entry.op, topic: entry.topic });
    renderButton();
  }

  function acked(msg) {
    var kept = pending.filter(function (p) { return p.op !== msg.op; });
    if (kept.length !== pending.length) {
      pending = kept;
      savePending();
    }
    if (msg.counted !== false && typeof msg.topic === 'number') {
      counted[msg.topic] = true;
      saveCounted();
    }
    if (msg.topic === topicId) errorText = '';
    renderButton();
  }

  function failed(msg) {
    var kind = msg && msg.code;
    if (kind === 'busy') {
      errorText = 'Busy — trying again in a moment';
      clearTimeout(busyTimer);
      busyTimer = setTimeout(function () { sendPending(live); }, 2000 + Math.floor(Math.random() * 4000));
    } else if (kind === 'not_live' || kind === 'unknown_topic') {
      errorText = kind === 'not_live' ? 'Praying for this topic has not started'
        : 'That topic is no longer in the gathering';
      // The server names the refused tap: it can never be counted, so stop sending it.
      if (msg.op) {
        pending = pending.filter(function (p) { return p.op !== msg.op; });
        savePending();
      }
    } else {
      errorText = 'Something went wrong — please tap again';
    }
    renderButton();
  }

  var live = window.IntercedeLive.connect('attend', code, {
    onSnapshot: function (msg) {
      (msg.tapped || []).forEach(function (id) { counted[id] = true; });
      saveCounted();
      renderLive(msg.live);
      renderCounts(msg.counts);
      sendPending(live);
      renderButton();
    },
    onState: function (msg) { renderLive(msg.live); },
    onCounts: function (msg) { renderCounts(msg.counts); },
    onAck: acked,
    onError: failed,
    onStatus: renderConnection
  });

  if (el.button) el.button.addEventListener('click', tap);
  // An ack can be lost with a connection that dies quietly: re-send what is still queued now and then
  // (same op ids, so the server counts each tap once).
  setInterval(function () { if (pending.length) sendPending(live); }, 15000);
  renderButton();
})();
