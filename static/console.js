/* Intercede facilitator console: live figures, the agenda, the topic timer and the controls
 * (buttons and keyboard) that move the gathering along. */
(function () {
  'use strict';

  var body = document.body;
  var code = body.getAttribute('data-code') || '';
  if (!code || !window.IntercedeLive) return;

  function $(id) { return document.getElementById(id); }

  // ---- words: in the page, in the facilitator's language ----
  var words = window.IntercedeLive.words('console-messages');
  var word = words.get;
  var fill = words.fill;
  var countMsg = words.count;
  var el = {
    nowLabel: $('now-label'),
    blankBadge: $('blank-badge'),
    kindBadge: $('kind-badge'),
    sensitiveBadge: $('sensitive-badge'),
    section: $('current-section'),
    number: $('current-number'),
    title: $('current-title'),
    here: $('here-count'),
    praying: $('praying-count'),
    timer: $('topic-timer'),
    planTimer: $('plan-timer'),
    planTotal: $('plan-total'),
    planStatus: $('plan-status'),
    prev: $('btn-previous'),
    next: $('btn-next'),
    blank: $('btn-blank'),
    join: $('btn-join'),
    requestsScreen: $('btn-requests-screen'),
    end: $('btn-end'),
    reopen: $('btn-reopen'),
    status: $('console-status'),
    nextTitle: $('next-title'),
    notes: $('notes'),
    topicText: $('topic-text'),
    topicTextHtml: $('topic-text-html'),
    agenda: $('agenda'),
    agendaList: $('agenda-list'),
    connection: $('connection'),
    connectionText: $('connection-text'),
    announcer: $('announcer')
  };

  var state = {
    phase: body.getAttribute('data-phase') || 'waiting',
    blank: body.classList.contains('is-blank'),
    since: null,
    startedAt: null,
    endedAt: null,
    pausedMs: 0, // time ended before a Reopen: not gathering time
    planned: null,
    plan: null, // [{id, minutes}] in agenda order, for the plan timer
    joinPanel: body.getAttribute('data-join-panel') !== 'false',
    requestsOn: false,
    topicId: null,
    number: null, // the current topic's place in the agenda (1-based)
    hasNext: true,
    agendaSig: null,
    perTopic: null,
    praying: null
  };
  var statusTimer = null;
  var ready = false; // until the first snapshot, the server-rendered timer stays as it is
  var topicSig = null;

  function setText(node, text) {
    if (node && node.textContent !== text) node.textContent = text;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function announce(text) {
    if (!el.announcer) return;
    el.announcer.textContent = '';
    setTimeout(function () { el.announcer.textContent = text; }, 120);
  }
  function showStatus(text, isError) {
    if (!el.status) return;
    clearTimeout(statusTimer);
    setText(el.status, text);
    el.status.classList.toggle('is-error', !!isError);
    if (text) announce(text); // the status line is shown only while it has something to say
    if (text) statusTimer = setTimeout(function () { showStatus('', false); }, isError ? 8000 : 4000);
  }

  // ---- timer ----
  function pad2(n) { return (n < 10 ? '0' : '') + n; }
  function clock(totalSeconds) {
    var s = Math.max(0, Math.floor(totalSeconds));
    return pad2(Math.floor(s / 60)) + ':' + pad2(s % 60);
  }
  // h:mm:ss from an hour on, mm:ss before.
  function duration(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(s / 3600);
    return (h ? h + ':' + pad2(Math.floor(s / 60) % 60) : pad2(Math.floor(s / 60))) + ':' + pad2(s % 60);
  }

  function setPlan(agenda) {
    if (!Array.isArray(agenda)) return;
    var plan = [];
    agenda.forEach(function (s) {
      (s.topics || []).forEach(function (t) { plan.push({ id: t.id, minutes: t.planned_minutes || 0 }); });
    });
    state.plan = plan;
  }

  // Minutes planned before this topic in agenda order (null if it is not in the agenda). Without an
  // agenda from the server, the minutes the page lists are used.
  function plannedStartOf(id) {
    var plan = state.plan;
    if (!plan) {
      plan = [];
      var rows = agendaRows();
      for (var i = 0; i < rows.length; i++) {
        var min = rows[i].querySelector('.agenda-min');
        plan.push({ id: parseInt(rows[i].getAttribute('data-topic-id'), 10), minutes: parseInt(min ? min.textContent : '', 10) || 0 });
      }
    }
    var sum = 0;
    for (var j = 0; j < plan.length; j++) {
      if (plan[j].id === id) return sum;
      sum += plan[j].minutes;
    }
    return null;
  }

  // The gathering timer: time since the first topic, and how far the gathering runs from its plan.
  // Drift = (actual start of this topic - planned start) + time spent on it beyond its planned minutes.
  function planTick(now) {
    if (!el.planTotal || !el.planStatus) return;
    var total = '';
    var status = '';
    var drift = 0;
    if (typeof state.startedAt !== 'number') {
      status = word('console-not-started');
    } else if (state.phase === 'ended') {
      total = typeof state.endedAt === 'number' ? duration(state.endedAt - state.startedAt - state.pausedMs) : '—';
      status = word('console-ended');
    } else {
      total = duration(now - state.startedAt - state.pausedMs);
      var plannedStart = state.phase === 'topic' && typeof state.since === 'number' ? plannedStartOf(state.topicId) : null;
      if (plannedStart !== null) {
        var over = Math.max(0, now - state.since - (state.planned || 0) * 60000);
        drift = state.since - state.startedAt - state.pausedMs - plannedStart * 60000 + over;
        status = Math.abs(drift) <= 60000 ? word('console-on-plan')
          : countMsg(drift > 0 ? 'console-behind-plan' : 'console-ahead-plan', Math.round(Math.abs(drift) / 60000));
      }
    }
    setText(el.planTotal, total);
    setText(el.planStatus, status);
    if (el.planTimer) {
      el.planTimer.classList.toggle('is-behind', drift > 60000);
      el.planTimer.classList.toggle('is-ahead', drift < -60000);
    }
  }

  function tick() {
    if (!ready) return;
    planTick(Date.now() + clockOffset);
    if (!el.timer) return;
    var planned = typeof state.planned === 'number' ? state.planned * 60 : null;
    var text;
    var over = false;
    if (state.phase !== 'topic') {
      text = '--:--';
    } else if (typeof state.since !== 'number') {
      text = '--:--' + (planned !== null ? ' / ' + clock(planned) : '');
    } else {
      var elapsed = Math.max(0, (Date.now() + clockOffset - state.since) / 1000);
      text = clock(elapsed) + (planned !== null ? ' / ' + clock(planned) : '');
      over = planned !== null && planned > 0 && elapsed > planned;
    }
    setText(el.timer, text);
    el.timer.classList.toggle('is-over', over);
  }

  // ---- agenda ----
  function agendaRows() {
    return el.agendaList ? el.agendaList.querySelectorAll('[data-topic-id]') : [];
  }

  function domAgendaIds() {
    var ids = [];
    var rows = agendaRows();
    for (var i = 0; i < rows.length; i++) ids.push(rows[i].getAttribute('data-topic-id'));
    return ids.join(',');
  }

  function buildAgenda(agenda) {
    if (!el.agendaList || !Array.isArray(agenda)) return;
    var sig = JSON.stringify(agenda);
    if (sig === state.agendaSig) return;
    var ids = [];
    agenda.forEach(function (s) { (s.topics || []).forEach(function (t) { ids.push(String(t.id)); }); });
    var first = state.agendaSig === null;
    state.agendaSig = sig;
    if (first && ids.join(',') === domAgendaIds()) return; // the page already shows this agenda

    var focused = document.activeElement && document.activeElement.getAttribute &&
      document.activeElement.getAttribute('data-topic-id');
    // The page's templates, from the same macros the server draws the agenda with.
    var dom = window.IntercedeLive.dom;
    clear(el.agendaList);
    agenda.forEach(function (s) {
      var section = dom.clone('agenda-section-template', { title: s.title || '' });
      if (!section) return;
      var list = section.querySelector('.agenda-topics');
      (s.topics || []).forEach(function (t) {
        var li = dom.clone('agenda-topic-template', {
          number: t.number,
          title: t.title || '',
          praise: t.kind === 'praise' ? 'yes' : '',
          minutes: countMsg('console-minutes', t.planned_minutes)
        });
        if (!li) return;
        li.querySelector('.agenda-topic').setAttribute('data-topic-id', String(t.id));
        var languages = li.querySelector('.agenda-languages');
        // The languages the topic is translated into.
        (t.translations || []).forEach(function (code) {
          var badge = dom.clone('language-badge-template', { code: code });
          if (badge && languages) languages.appendChild(badge);
        });
        list.appendChild(li);
      });
      el.agendaList.appendChild(section);
    });
    highlightAgenda(false);
    renderPerTopic();
    if (focused) {
      var again = el.agendaList.querySelector('[data-topic-id="' + focused + '"]');
      if (again) again.focus();
    }
  }

  function highlightAgenda(scroll) {
    var rows = agendaRows();
    var current = null;
    for (var i = 0; i < rows.length; i++) {
      var isCurrent = state.topicId !== null && rows[i].getAttribute('data-topic-id') === String(state.topicId);
      rows[i].classList.toggle('current', isCurrent);
      if (isCurrent) {
        rows[i].setAttribute('aria-current', 'step');
        current = rows[i];
      } else {
        rows[i].removeAttribute('aria-current');
      }
    }
    // On a laptop the agenda scrolls on its own: keep the current row in view there only,
    // never scrolling the whole page under the facilitator's thumb.
    var box = el.agenda;
    fitAgenda();
    if (scroll && current && box && box.scrollHeight > box.clientHeight + 1) {
      // What the facilitator can see of the box: a sticky agenda may reach below the window
      // while the page is scrolled to its top.
      var boxRect = box.getBoundingClientRect();
      var row = current.getBoundingClientRect();
      var seenTop = Math.max(boxRect.top, 0);
      var seenBottom = Math.min(boxRect.bottom, window.innerHeight || document.documentElement.clientHeight);
      if (row.top < seenTop || row.bottom > seenBottom) {
        box.scrollTop = Math.max(0, box.scrollTop + row.top - seenTop - (seenBottom - seenTop) / 3);
      }
    }
  }

  // On a laptop the agenda is a sticky box as tall as the window; while the page is scrolled to
  // its top the box starts below the header, so its foot would be under the window's edge, out of
  // reach. It is made to end at the window's foot instead, wherever the page is scrolled.
  function fitAgenda() {
    var box = el.agenda;
    if (!box) return;
    if (String(getComputedStyle(box).position).indexOf('sticky') < 0) { box.style.maxHeight = ''; return; }
    var top = Math.max(box.getBoundingClientRect().top, 16);
    box.style.maxHeight = Math.max(200, (window.innerHeight || document.documentElement.clientHeight) - top - 16) + 'px';
  }
  window.addEventListener('resize', fitAgenda);
  window.addEventListener('scroll', fitAgenda, { passive: true });

  function setRowCount(row, n) {
    var span = row.querySelector('.topic-praying');
    if (!span) return;
    setText(span, countMsg('console-topic-praying', n));
    span.classList.toggle('is-zero', !n);
  }

  function renderPerTopic() {
    var rows = agendaRows();
    for (var i = 0; i < rows.length; i++) {
      var id = rows[i].getAttribute('data-topic-id');
      var n = null;
      if (state.perTopic) n = state.perTopic[id] || 0;
      if (state.topicId !== null && id === String(state.topicId) && typeof state.praying === 'number') n = state.praying;
      if (n !== null) setRowCount(rows[i], n);
    }
  }

  // ---- live state ----
  function setPhase(next) {
    state.phase = next;
    body.setAttribute('data-phase', next);
    body.className = body.className.replace(/\bphase-\w+/g, '').replace(/\s+/g, ' ').trim() + ' phase-' + next;
  }

  // The page draws the topic's text; a new topic fills the same markup.
  function renderTopicText(t) {
    if (!el.topicText) return;
    el.topicText.hidden = !t;
    window.IntercedeLive.dom.fill(el.topicText, {
      scripture_text: t && t.scripture && t.scripture.text ? t.scripture.text : '',
      scripture_reference: t && t.scripture && t.scripture.reference ? t.scripture.reference : ''
    });
    // body_html is made on the server from escaped text (a small Markdown subset), so it is safe markup.
    if (el.topicTextHtml) el.topicTextHtml.innerHTML = t ? t.body_html || '' : '';
  }

  function renderNext(live, t) {
    if (!el.nextTitle) return;
    clear(el.nextTitle);
    var n = live.next;
    var drawn = n ? window.IntercedeLive.dom.clone('next-topic-template', {
      number: n.number, title: n.title || '', section: n.section || ''
    }) : null;
    if (drawn) {
      // The template's wrapper holds the pieces; they go in as the server draws them.
      while (drawn.firstChild) el.nextTitle.appendChild(drawn.firstChild);
    } else {
      el.nextTitle.textContent = t ? word('console-last-topic') : '—';
    }
  }

  // The server sends no end time: remember the moment this console saw the gathering end (the
  // state frame's server clock), kept across reloads for the same start.
  var ENDED_KEY = 'intercede.ended.' + code;
  function rememberEnd(startedAt, endedAt) {
    try { window.localStorage.setItem(ENDED_KEY, JSON.stringify({ started: startedAt, ended: endedAt })); } catch (e) { /* ignore */ }
  }
  function recalledEnd(startedAt) {
    try {
      var v = JSON.parse(window.localStorage.getItem(ENDED_KEY) || 'null');
      return v && v.started === startedAt && typeof v.ended === 'number' ? v.ended : null;
    } catch (e) { return null; }
  }

  function setJoinPanel(on) {
    if (typeof on !== 'boolean') return;
    var changed = on !== state.joinPanel;
    state.joinPanel = on;
    setText(el.join, on ? word('console-hide-join') : word('console-show-join'));
    if (changed && ready) announce(on ? word('console-announce-join-shown') : word('console-announce-join-hidden'));
  }

  // serverNow: the frame's `now` when it is a state frame (a change that happened just now).
  function renderLive(live, serverNow) {
    if (!live) return;
    var t = live.phase === 'topic' ? live.topic : null;
    var phase = t ? 'topic' : (live.phase === 'ended' ? 'ended' : 'waiting');
    var previousTopic = state.topicId;
    var previousPhase = state.phase;
    var wasBlank = state.blank;

    setPhase(phase);
    state.topicId = t ? t.id : null;
    state.number = t && typeof t.number === 'number' ? t.number : null;
    state.hasNext = !t || !!live.next;
    state.since = typeof live.since === 'number' ? live.since : null;
    state.startedAt = typeof live.started_at === 'number' ? live.started_at : null;
    state.pausedMs = typeof live.paused_ms === 'number' ? live.paused_ms : 0;
    if (phase !== 'ended') {
      state.endedAt = null;
    } else if (typeof live.ended_at === 'number') {
      state.endedAt = live.ended_at;
    } else if (previousPhase !== 'ended' && typeof serverNow === 'number') {
      state.endedAt = serverNow;
      if (state.startedAt !== null) rememberEnd(state.startedAt, serverNow);
    } else if (state.endedAt === null && state.startedAt !== null) {
      state.endedAt = recalledEnd(state.startedAt);
    }
    setJoinPanel(live.join_panel);
    state.requestsOn = !!live.requests_on;
    setText(el.requestsScreen, word(state.requestsOn ? 'requests-console-hide' : 'requests-console-show'));
    // What the projector shows is not what phones show: said on the card, above the topic.
    var screenNote = $('requests-screen-note');
    if (screenNote) screenNote.hidden = !state.requestsOn;
    state.planned = t && typeof t.planned_minutes === 'number' ? t.planned_minutes : null;
    state.blank = !!live.blank;

    setText(el.nowLabel, phase === 'topic' ? word('console-now-showing') : phase === 'ended' ? word('console-now-ended') : word('console-now-waiting'));
    if (el.blankBadge) el.blankBadge.hidden = !state.blank;
    body.classList.toggle('is-blank', state.blank);
    if (el.blank) {
      setText(el.blank, state.blank ? word('console-unblank') : word('console-blank'));
      el.blank.classList.toggle('is-on', state.blank);
    }
    if (el.next) setText(el.next, phase === 'waiting' ? word('console-start') : word('console-next-button'));
    // After End, moving between topics waits for an explicit Reopen.
    if (el.end) el.end.hidden = phase === 'ended';
    if (el.reopen) el.reopen.hidden = phase !== 'ended';
    // So does what the projector shows: it keeps the closing words until a Reopen.
    [el.next, el.prev, el.blank, el.join, el.requestsScreen].forEach(function (button) {
      if (button) button.disabled = phase === 'ended';
    });
    body.classList.toggle('is-ended', phase === 'ended');

    if (el.kindBadge) el.kindBadge.hidden = !(t && t.kind === 'praise');
    if (el.sensitiveBadge) el.sensitiveBadge.hidden = !(t && t.sensitive);
    if (t) {
      setText(el.section, t.section || '');
      setText(el.number, fill('console-topic-number', { number: t.number, total: t.total }));
      setText(el.title, t.title || '');
    } else {
      setText(el.section, '');
      setText(el.number, '');
      setText(el.title, phase === 'ended' ? word('console-ended-title') : word('console-press-start'));
    }

    var sig = t ? JSON.stringify(t) : null;
    if (sig !== topicSig) {
      topicSig = sig;
      renderTopicText(t);
    }
    renderNext(live, t);

    if (el.notes) {
      var notes = typeof live.notes === 'string' ? live.notes : '';
      setText(el.notes, notes || word('console-no-notes'));
      el.notes.classList.toggle('is-empty', !notes);
    }

    if (state.topicId !== previousTopic) {
      state.praying = null;
      highlightAgenda(true);
      if (t) announce(fill('console-announce-topic', { number: t.number, total: t.total, title: t.title }));
    }
    if (phase === 'ended' && previousPhase !== 'ended') announce(word('console-announce-ended'));
    if (state.blank !== wasBlank) announce(state.blank ? word('console-announce-blank') : word('console-announce-unblank'));
    tick();
  }

  function renderCounts(counts) {
    if (!counts) return;
    if (typeof counts.here === 'number') setText(el.here, String(counts.here));
    if (typeof counts.praying === 'number' &&
        (counts.topic === undefined || counts.topic === null || counts.topic === state.topicId)) {
      state.praying = counts.praying;
      setText(el.praying, String(counts.praying));
    }
    if (counts.per_topic && typeof counts.per_topic === 'object') state.perTopic = counts.per_topic;
    renderPerTopic();
  }

  function renderConnection(s) {
    if (el.connection) el.connection.setAttribute('data-state', s);
    setText(el.connectionText, s === 'online' ? word('console-online') : s === 'offline' ? word('console-offline') : word('console-connecting'));
  }

  // ---- commands ----
  function command(msg) {
    if (live.send(msg)) {
      showStatus('', false);
      return true;
    }
    showStatus(word('console-not-connected'), true);
    return false;
  }
  // After End, moving says why nothing happens (the server refuses it too).
  function move(msg) {
    if (state.phase === 'ended') {
      showStatus(word('console-status-ended'), true);
      return;
    }
    command(msg);
  }
  // At the edges of the agenda the server has nowhere to go: say so here instead of sending a
  // command that would change nothing.
  function goNext() {
    if (ready && state.phase === 'topic' && !state.hasNext) {
      showStatus(word('console-status-last'), false);
      return;
    }
    move({ type: 'next' });
  }
  function goPrevious() {
    if (ready && state.phase === 'topic' && state.number === 1) {
      showStatus(word('console-status-first'), false);
      return;
    }
    if (ready && state.phase === 'waiting') {
      showStatus(word('console-status-not-started'), false);
      return;
    }
    move({ type: 'previous' });
  }
  function toggleBlank() { command({ type: 'blank', on: !state.blank }); }
  function toggleJoin() { command({ type: 'join_panel', on: !state.joinPanel }); }
  function endGathering() {
    if (state.phase === 'ended') return;
    if (window.confirm(word('console-confirm-end'))) {
      command({ type: 'end' });
    }
  }

  if (el.next) el.next.addEventListener('click', goNext);
  if (el.prev) el.prev.addEventListener('click', goPrevious);
  if (el.blank) el.blank.addEventListener('click', toggleBlank);
  if (el.join) el.join.addEventListener('click', toggleJoin);
  if (el.requestsScreen) {
    el.requestsScreen.addEventListener('click', function () {
      command({ type: 'show_requests', on: !state.requestsOn });
    });
  }
  function reopenGathering() {
    if (state.phase !== 'ended') return;
    if (window.confirm(word('console-confirm-reopen'))) {
      command({ type: 'reopen' });
    }
  }

  if (el.end) el.end.addEventListener('click', endGathering);
  if (el.reopen) el.reopen.addEventListener('click', reopenGathering);
  if (el.agendaList) {
    el.agendaList.addEventListener('click', function (ev) {
      var node = ev.target;
      while (node && node !== el.agendaList && !(node.getAttribute && node.getAttribute('data-topic-id'))) node = node.parentNode;
      if (!node || node === el.agendaList) return;
      var id = parseInt(node.getAttribute('data-topic-id'), 10);
      if (!isNaN(id)) move({ type: 'jump', topic: id });
    });
  }

  // Keyboard: arrows, Space and presenter clickers (PageDown / PageUp, "b" or "." to blank).
  // Single-key shortcuts can be turned off (remembered on this device); Space and Enter on a focused
  // control always press that control and nothing else.
  var SHORTCUTS_KEY = 'intercede.shortcuts';
  var shortcutsOn = true;
  try { shortcutsOn = window.localStorage.getItem(SHORTCUTS_KEY) !== 'off'; } catch (e) { /* on */ }
  var toggle = $('shortcuts-on');
  var shortcutList = $('shortcuts-list');
  function showShortcuts() {
    if (toggle) toggle.checked = shortcutsOn;
    if (shortcutList) shortcutList.classList.toggle('is-off', !shortcutsOn);
  }
  if (toggle) {
    toggle.addEventListener('change', function () {
      shortcutsOn = !!toggle.checked;
      try { window.localStorage.setItem(SHORTCUTS_KEY, shortcutsOn ? 'on' : 'off'); } catch (e) { /* this page only */ }
      showShortcuts();
      announce(shortcutsOn ? word('console-announce-shortcuts-on') : word('console-announce-shortcuts-off'));
    });
  }
  showShortcuts();

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }
  // A control that Space or Enter presses by itself.
  function pressable(target) {
    var node = target;
    while (node && node !== document.body && node.tagName) {
      var tag = node.tagName;
      if (tag === 'BUTTON' || tag === 'SUMMARY' || (tag === 'A' && node.hasAttribute('href')) ||
          node.getAttribute('role') === 'button') return true;
      node = node.parentNode;
    }
    return false;
  }
  document.addEventListener('keydown', function (ev) {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    var key = ev.key;
    if ((key === ' ' || key === 'Spacebar' || key === 'Enter') && pressable(ev.target)) return;
    if (!shortcutsOn) return;
    var handled = true;
    if (key === 'ArrowRight' || key === 'PageDown' || key === ' ' || key === 'Spacebar') {
      if (!ev.repeat) goNext();
    } else if (key === 'ArrowLeft' || key === 'PageUp') {
      if (!ev.repeat) goPrevious();
    } else if (key === 'b' || key === 'B' || key === '.') {
      if (!ev.repeat) toggleBlank();
    } else if (key === 'j' || key === 'J') {
      if (!ev.repeat) toggleJoin();
    } else {
      handled = false;
    }
    if (handled) ev.preventDefault();
  });

  // The server's clock minus this device's, so the timer is right on a phone set wrong.
  var clockOffset = 0;
  function syncClock(msg) {
    if (msg && typeof msg.now === 'number') clockOffset = msg.now - Date.now();
  }

  var ERROR_WORDS = {
    ended: 'console-status-ended',
    busy: 'console-error-busy',
    rate_limited: 'console-error-rate-limited',
    unknown_topic: 'console-error-unknown-topic',
    not_live: 'console-error-not-live',
    forbidden: 'console-error-forbidden'
  };
  // Prayer requests waiting for a moderator: the count on the requests card.
  var requestsWaiting = $('requests-waiting');
  var waitingBefore = null;
  function renderQueue(queue) {
    if (!requestsWaiting || !Array.isArray(queue)) return;
    // Waiting, as the server counts it: a request for everyone until approved or hidden, one for
    // the prayer team (never shown) until it is marked prayed for.
    var n = queue.filter(function (r) {
      return r && r.status === 'new' && !(r.audience === 'team' && r.prayed_for);
    }).length;
    setText(requestsWaiting, countMsg('requests-console-waiting', n));
    requestsWaiting.classList.toggle('has-new', n > 0);
    if (waitingBefore !== null && n > waitingBefore) announce(countMsg('requests-console-waiting', n));
    waitingBefore = n;
  }

  // The gathering's history (who started, ended, reopened or edited it),
  // drawn by the server from the same macro as the page: fetched again when
  // a frame shows a milestone or an edited agenda, whichever instance the
  // console that did it is on. A milestone is written just after its frame
  // goes out, so while the fetched history does not end with the action
  // expected, it is fetched again a little later (a few times at most).
  var historyTimer = null;
  function refreshHistory(expected, tries) {
    var box = $('history');
    if (!box || !window.fetch) return;
    clearTimeout(historyTimer);
    window.fetch('/console/' + encodeURIComponent(code) + '/history', { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var holder = document.createElement('template');
        holder.innerHTML = html.trim();
        var fresh = holder.content.firstElementChild;
        var current = $('history');
        if (!fresh || !current) return;
        current.replaceWith(fresh);
        if (expected && fresh.getAttribute('data-latest') !== expected && tries > 0) {
          historyTimer = setTimeout(function () { refreshHistory(expected, tries - 1); }, 500);
        }
      })
      .catch(function () {});
  }
  // What a state frame did to the gathering as a whole, as its history names it.
  function milestoneOf(before, live) {
    var wasEnded = before.phase === 'ended';
    var ended = live.phase === 'ended';
    if (ended && !wasEnded) return 'ended';
    if (wasEnded && !ended) return 'reopened';
    if (before.startedAt === null && typeof live.started_at === 'number') return 'started';
    return null;
  }

  var live = window.IntercedeLive.connect('console', code, {
    onSnapshot: function (msg) {
      syncClock(msg);
      ready = true;
      setPlan(msg.agenda);
      buildAgenda(msg.agenda);
      renderLive(msg.live);
      renderCounts(msg.counts);
      renderQueue(msg.queue);
      // A (re)connection may have missed changes.
      refreshHistory(null, 0);
    },
    onState: function (msg) {
      syncClock(msg);
      var before = { phase: state.phase, startedAt: state.startedAt };
      if (msg.agenda) {
        setPlan(msg.agenda);
        buildAgenda(msg.agenda);
      }
      renderLive(msg.live, msg.now);
      var milestone = msg.live ? milestoneOf(before, msg.live) : null;
      if (milestone) refreshHistory(milestone, 6);
      else if (msg.agenda) refreshHistory('edited', 2);
    },
    onCounts: function (msg) { renderCounts(msg.counts); },
    onMessage: function (msg) { if (msg.type === 'queue') renderQueue(msg.queue); },
    onError: function (frame) {
      // The server's codes, in the facilitator's words; its English sentence is for logs.
      var key = ERROR_WORDS[frame && frame.code] || 'console-went-wrong';
      showStatus(word(key), true);
    },
    onStatus: renderConnection,
    // The server ended this page's access (a revocation, a deleted gathering): say so, and show nothing more.
    onGone: function (reason) { window.IntercedeLive.showGone(reason, true); }
  });

  // Server-rendered figures until the first snapshot arrives.
  var current = el.agendaList && el.agendaList.querySelector('.current[data-topic-id]');
  if (current) {
    state.topicId = parseInt(current.getAttribute('data-topic-id'), 10);
    highlightAgenda(true);
  }
  setInterval(tick, 1000);
})();
