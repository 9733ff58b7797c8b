/* Intercede attendee phone: keeps the server-rendered page current and sends "I'm praying" taps.
 * Taps are queued in localStorage with their op id until the server acks them, so a tap made
 * offline (or before a reload) is sent when the connection returns and counted exactly once. */
(function () {
  'use strict';

  var body = document.body;
  var code = body.getAttribute('data-code') || '';
  if (!code || !window.IntercedeLive) return;

  function $(id) { return document.getElementById(id); }
  var dom = window.IntercedeLive.dom;
  var setText = dom.setText;
  var el = {
    waiting: $('phase-waiting'),
    topic: $('phase-topic'),
    ended: $('phase-ended'),
    section: $('section'),
    sectionDescription: $('section-description'),
    introduction: $('introduction'),
    gatheringTitle: $('gathering-title'),
    number: $('topic-number'),
    title: $('topic-title'),
    paragraphs: $('paragraphs'),
    button: $('pray-button'),
    status: $('pray-status'),
    count: $('praying-count'),
    prayingWords: $('praying-words'),
    thanksWords: $('thanks-words'),
    languages: $('language-select'),
    soFar: $('so-far'),
    soFarSummary: $('so-far-summary'),
    soFarList: $('so-far-list'),
    connection: $('connection'),
    connectionText: $('connection-text'),
    announcer: $('announcer'),
    message: $('closing-message'),
    plain: $('closing-plain'),
    keep: $('keep'),
    keepList: $('keep-list'),
    print: $('print-button'),
    translationNote: $('translation-note')
  };
  var gatheringTitle = ($('gathering-title') || {}).textContent || '';

  var PENDING_KEY = 'intercede.pending.' + code;
  var COUNTED_KEY = 'intercede.counted.' + code;
  var PENDING_MAX_AGE_MS = 12 * 60 * 60 * 1000;

  // ---- words: in the page, in the phone's language ----
  var words = window.IntercedeLive.words('attend-messages');
  var LANG = words.lang;
  var msg = words.get;
  var fill = words.fill;
  var countMsg = words.count;
  var TEXT = {
    counted: msg('attend-counted'),
    sending: msg('attend-sending'),
    saved: msg('attend-saved'),
    offline: msg('attend-offline'),
    offlineEnded: msg('attend-offline-ended'),
    online: msg('attend-online'),
    connecting: msg('attend-connecting')
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
  var connState = 'connecting';
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

  // ---- rendering (the pieces added here are clones of the page's <template>s) ----
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
    // The words ("I'm praying", or "I'm giving thanks" for praise) are in the page and follow the
    // topic's kind; the check mark and colour show it is counted; the status line says so.
    b.classList.toggle('is-counted', isCounted);
    b.classList.toggle('is-pending', isPending);
    if (isCounted) b.setAttribute('aria-disabled', 'true');
    else b.removeAttribute('aria-disabled');
    var status = isCounted ? TEXT.counted : '';
    if (isPending) status = !online ? TEXT.saved : (errorText || TEXT.sending);
    else if (!isCounted && errorText) status = errorText;
    setText(el.status, status);
  }

  function scriptureSlots(scripture) {
    return {
      scripture_text: scripture && scripture.text ? scripture.text : '',
      scripture_reference: scripture && scripture.reference ? scripture.reference : ''
    };
  }

  // A topic's text into `node`. body_html is made on the server from escaped text (a small
  // Markdown subset), so it is safe markup. A sensitive story sits behind the advisory, tapped open.
  function drawStory(node, html, sensitive) {
    if (!node) return;
    var advisory = sensitive ? dom.clone('advisory-template') : null;
    if (!advisory) { node.innerHTML = html || ''; return; }
    advisory.insertAdjacentHTML('beforeend', html || '');
    dom.clear(node);
    node.appendChild(advisory);
  }

  // "So far": the topics already shown, minus the one on screen, so a late joiner can catch up.
  var coveredSig = null;
  function renderCovered(covered) {
    if (!el.soFar || !el.soFarList || !Array.isArray(covered)) return;
    var rows = covered.filter(function (c) { return c && c.id !== topicId; });
    var n = rows.length;
    el.soFar.hidden = n === 0 || keepShown();
    setText(el.soFarSummary, countMsg(phase === 'ended' ? 'attend-we-prayed-for' : 'attend-so-far', n));
    var sig = JSON.stringify(rows);
    if (sig === coveredSig) return;
    coveredSig = sig;
    dom.clear(el.soFarList);
    rows.forEach(function (c) {
      var li = dom.clone('so-far-template', { number: c.number, title: c.title });
      if (li) el.soFarList.appendChild(li);
    });
  }

  // ---- "keep praying": after the end, every topic with its full text, the ones this phone tapped marked ----
  function keepShown() {
    return phase === 'ended' && !!el.keep && !el.keep.hidden && !!el.keepList && !!el.keepList.firstChild;
  }

  function keepItem(t) {
    var slots = scriptureSlots(t.scripture);
    slots.section = t.section;
    slots.number = t.number;
    slots.title = t.title;
    slots.note = t.fallback ? fill('topics-not-translated', { language: words.languageName(t.language) }) : '';
    var li = dom.clone('keep-template', slots);
    if (!li) return null;
    li.setAttribute('data-topic-id', String(t.id));
    drawStory(li.querySelector('[data-story]'), t.body_html, t.sensitive);
    return li;
  }

  // Marks the topics this phone was counted for (the snapshot's `tapped` plus acks seen here).
  function markTapped() {
    if (!el.keepList) return;
    var items = el.keepList.children;
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      if (counted[parseInt(li.getAttribute('data-topic-id'), 10)] !== true || li.querySelector('.keep-tapped')) continue;
      var badge = dom.clone('tapped-template');
      if (!badge) continue;
      li.classList.add('is-tapped');
      var h = li.querySelector('.keep-title');
      li.insertBefore(badge, h ? h.nextSibling : li.firstChild);
    }
  }

  // After an end seen live, the page the server renders holds how many in the room prayed for each
  // topic (the live frames carry only the current topic's count): take its list once, a moment later
  // (spread out, so a whole hall does not ask at the same instant). Offline, the list built from the
  // frame stays.
  function refreshKeepFromServer() {
    if (typeof window.fetch !== 'function' || typeof window.DOMParser !== 'function') return;
    setTimeout(function () {
      window.fetch(window.location.pathname, { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html || phase !== 'ended' || !el.keepList) return;
          var fresh = new window.DOMParser().parseFromString(html, 'text/html').getElementById('keep-list');
          if (!fresh) return;
          dom.clear(el.keepList);
          while (fresh.firstChild) el.keepList.appendChild(document.adoptNode(fresh.firstChild));
          markTapped();
        })
        .catch(function () { /* the list from the frame stays */ });
    }, 500 + Math.floor(Math.random() * 4000));
  }

  var keepSig = null;
  function sameIds(topics) {
    var items = el.keepList.children;
    if (!items.length || items.length !== topics.length) return false;
    for (var i = 0; i < items.length; i++) {
      if (!topics[i] || items[i].getAttribute('data-topic-id') !== String(topics[i].id)) return false;
    }
    return true;
  }
  function renderKeep(keep, covered) {
    if (!keep || !el.keepList) return; // nothing sent: keep what the server rendered
    window.IntercedeLive.paragraphs(el.message, typeof keep.message === 'string' ? keep.message : '');
    var topics = Array.isArray(keep.topics) ? keep.topics : [];
    if (Array.isArray(covered)) {
      // Only what the room saw: topics never shown are not "what we prayed for tonight".
      var seen = {};
      covered.forEach(function (c) { if (c) seen[c.id] = true; });
      topics = topics.filter(function (t) { return t && seen[t.id]; });
    }
    var sig = JSON.stringify(topics);
    if (keepSig === null && sameIds(topics)) keepSig = sig; // the page already lists them, with the room's figures
    if (sig !== keepSig) {
      keepSig = sig;
      var list = document.createDocumentFragment();
      topics.forEach(function (t) {
        var li = t ? keepItem(t) : null;
        if (li) list.appendChild(li);
      });
      dom.clear(el.keepList);
      el.keepList.appendChild(list);
    }
    if (el.keep) el.keep.hidden = topics.length === 0;
    if (el.plain) el.plain.hidden = topics.length > 0;
    markTapped();
  }

  function setPhase(next) {
    phase = next;
    body.setAttribute('data-phase', next);
    body.className = body.className.replace(/\bphase-\w+/g, '').replace(/\s+/g, ' ').trim() + ' phase-' + next;
    el.waiting.hidden = next !== 'waiting';
    el.topic.hidden = next !== 'topic';
    el.ended.hidden = next !== 'ended';
    renderConnectionText();
  }

  // The topic's words are in `t.language`; a quiet note says when that is the main language for
  // want of a translation into the phone's. A translated topic whose scripture is not says so too.
  function renderLanguage(t) {
    if (t.language) el.topic.setAttribute('lang', t.language);
    else el.topic.removeAttribute('lang');
    if (el.translationNote) {
      el.translationNote.hidden = !t.fallback;
      setText(el.translationNote, t.fallback ? fill('topics-not-translated', { language: words.languageName(t.language) }) : '');
    }
    var verse = el.topic.querySelector('blockquote.scripture');
    if (verse) {
      if (t.scripture_language) verse.setAttribute('lang', t.scripture_language);
      else verse.removeAttribute('lang');
    }
    var note = $('scripture-note');
    if (note) {
      note.hidden = !t.scripture_language;
      setText(note, t.scripture_language
        ? fill('topics-scripture-not-translated', { language: words.languageName(t.scripture_language) }) : '');
    }
  }

  var topicSig = null; // what is on screen, so an identical snapshot does not rebuild the text

  function renderLive(live) {
    if (!live) return;
    // Prayer requests on the projector: the phone points to them, the one shown marked.
    var onScreen = $('requests-on-screen');
    if (onScreen) onScreen.hidden = !live.requests_on;
    if (requests) requests.showing(live.requests_on ? (typeof live.request_shown === 'number' ? live.request_shown : -1) : null);
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
      window.IntercedeLive.paragraphs(el.sectionDescription, t.section_description);
      setText(el.number, fill('attend-topic-number', { number: t.number, total: t.total }));
      setText(el.title, t.title || '');
      dom.fill(el.topic, scriptureSlots(t.scripture));
      drawStory(el.paragraphs, t.body_html, t.sensitive);
      renderLanguage(t);
      document.title = (t.title ? t.title + ' · ' : '') + gatheringTitle;
    } else if (phase === 'ended') {
      document.title = msg('attend-keep-heading') + (gatheringTitle ? ' · ' + gatheringTitle : '');
    } else if (!t) {
      document.title = gatheringTitle || 'Intercede';
    }
    topicSig = sig;
    if (phase === 'ended') renderKeep(live.keep_praying, live.covered);
    if (phase === 'ended' && previousPhase !== 'ended') refreshKeepFromServer();
    renderCovered(live.covered);

    if (topicId !== previousTopic) {
      errorText = '';
      try { window.scrollTo(0, 0); } catch (e) { /* ignore */ }
    }
    if (t && topicId !== previousTopic) {
      announce(fill('attend-announce-topic', { number: t.number, total: t.total, title: t.title }));
    } else if (phase === 'ended' && previousPhase !== 'ended') {
      announce(msg(keepShown() ? 'attend-announce-ended-keep' : 'attend-announce-ended'));
    }
    renderButton();
  }

  // The gathering's title and introduction: in every snapshot, and in a state frame after an edit
  // (or while waiting), so an introduction edited while phones wait is shown at once.
  function renderGathering(gathering) {
    if (!gathering) return;
    if (typeof gathering.title === 'string' && gathering.title) {
      gatheringTitle = gathering.title;
      setText(el.gatheringTitle, gathering.title);
      if (phase === 'waiting') document.title = gathering.title;
    }
    window.IntercedeLive.paragraphs(el.introduction, gathering.introduction);
  }

  function renderCount(n) {
    if (el.count) el.count.setAttribute('data-count', String(n));
    setText(el.prayingWords, countMsg('attend-praying-count', n));
    setText(el.thanksWords, countMsg('attend-thanks-count', n));
  }

  function renderCounts(counts) {
    if (!counts || typeof counts.praying !== 'number') return;
    if (counts.topic !== undefined && counts.topic !== null && counts.topic !== topicId) return;
    renderCount(counts.praying);
  }

  function renderConnectionText() {
    var state = connState;
    if (languageWanted && state !== 'online') { setText(el.connectionText, msg('attend-language-later')); return; }
    setText(el.connectionText, state === 'online' ? TEXT.online : state === 'offline'
      ? (phase === 'ended' ? TEXT.offlineEnded : TEXT.offline) : TEXT.connecting);
  }

  function renderConnection(state) {
    connState = state;
    online = state === 'online';
    if (el.connection) el.connection.setAttribute('data-state', state);
    renderConnectionText();
    renderButton();
    if (online && languageWanted) switchLanguage(languageWanted);
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
    markTapped();
  }

  function failed(error) {
    if (requests && requests.error(error)) return; // about a prayer request, not a tap
    var kind = error && error.code;
    if (kind === 'busy') {
      errorText = msg('attend-busy');
      clearTimeout(busyTimer);
      busyTimer = setTimeout(function () { sendPending(live); }, 2000 + Math.floor(Math.random() * 4000));
    } else if (kind === 'not_live' || kind === 'unknown_topic') {
      errorText = msg(kind === 'not_live' ? 'attend-not-live' : 'attend-unknown-topic');
      // The server names the refused tap: it can never be counted, so stop sending it.
      if (error.op) {
        pending = pending.filter(function (p) { return p.op !== error.op; });
        savePending();
      }
    } else {
      errorText = msg('attend-error');
    }
    renderButton();
  }

  var live = window.IntercedeLive.connect('attend', code, {
    // Topics come in the page's language where they are translated.
    query: 'lang=' + encodeURIComponent(LANG),
    onSnapshot: function (msg) {
      (msg.tapped || []).forEach(function (id) { counted[id] = true; });
      saveCounted();
      renderGathering(msg.gathering);
      renderLive(msg.live);
      renderCounts(msg.counts);
      sendPending(live);
      if (requests) requests.snapshot(msg);
      renderButton();
    },
    // A topic change carries the new topic's count, so no counts frame need follow it.
    onState: function (msg) { renderGathering(msg.gathering); renderLive(msg.live); renderCounts(msg.counts); },
    onCounts: function (msg) { renderCounts(msg.counts); },
    onAck: acked,
    onError: failed,
    onMessage: function (msg) { if (requests) requests.message(msg); },
    onStatus: renderConnection,
    // The server ended this page's access (a revocation, a deleted gathering): say so.
    onGone: function (reason) { window.IntercedeLive.showGone(reason, false); }
  });
  // Prayer requests (static/requests.js) share this socket.
  var requests = window.IntercedeRequests
    ? window.IntercedeRequests.start(code, words, function (message) { return live.send(message); })
    : null;

  // ---- the language switch: remembered in a cookie the server reads, then the page is drawn again
  // in that language. Queued taps are in localStorage, so the reload keeps them and sends them;
  // offline, the switch waits for the connection (a reload then would lose the page).
  var languageWanted = null;
  function switchLanguage(lang) {
    document.cookie = 'intercede_lang=' + encodeURIComponent(lang) + '; path=/; max-age=31536000; samesite=lax' +
      (window.location.protocol === 'https:' ? '; secure' : '');
    if (!online) {
      languageWanted = lang;
      renderConnectionText();
      return;
    }
    languageWanted = null;
    window.location.reload();
  }
  if (el.languages) {
    el.languages.addEventListener('change', function () {
      if (el.languages.value && el.languages.value !== LANG) switchLanguage(el.languages.value);
    });
  }

  if (el.button) el.button.addEventListener('click', tap);
  if (el.print && typeof window.print === 'function') {
    el.print.hidden = false;
    el.print.addEventListener('click', function () { window.print(); });
  }
  markTapped(); // taps this phone remembers that the server-rendered page did not know of
  // An ack can be lost with a connection that dies quietly: re-send what is still queued now and then
  // (same op ids, so the server counts each tap once).
  setInterval(function () { if (pending.length) sendPending(live); }, 15000);
  renderButton();
})();
