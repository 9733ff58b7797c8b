/* Intercede projector: follows the gathering live, fades between topics and shrinks the topic
 * text until it fits the screen without scrolling (growing back for short topics). */
(function () {
  'use strict';

  var body = document.body;
  var code = body.getAttribute('data-code') || '';

  function $(id) { return document.getElementById(id); }
  // The words beside the numbers, in the page's language (see live.js).
  var words = window.IntercedeLive ? window.IntercedeLive.words('projector-messages') : { count: function () { return ''; } };
  var el = {
    welcome: $('screen-welcome'),
    topic: $('screen-topic'),
    ended: $('screen-ended'),
    area: $('topic-area'),
    section: $('section'),
    sectionDescription: $('section-description'),
    introduction: $('introduction'),
    closing: $('closing'),
    welcomeTitle: $('welcome-title'),
    closingTitle: $('closing-title'),
    title: $('topic-title'),
    body: $('topic-body'),
    praying: $('praying-number'),
    here: $('here-count'),
    connection: $('connection'),
    hint: $('fullscreen-hint'),
    main: $('topic-main'),
    beside: $('topic-beside'),
    welcomeBeside: $('welcome-beside'),
    closingBeside: $('closing-beside')
  };

  var FIT_MAX = 1;
  var FIT_MIN = 0.4;
  var FIT_STEP = 0.025;
  var FADE_MS = 250;
  var reduceMotion = !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);

  var phase = body.getAttribute('data-phase') || 'waiting';
  var topicSig = null;
  var topicId = null;
  var fadeTimer = null;

  var dom = window.IntercedeLive ? window.IntercedeLive.dom : null;
  var setText = dom ? dom.setText : function () {};

  // ---- fit to screen ----
  function overflows(node) {
    return node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1;
  }

  // The visible screen's text block: sized in em from one --fit variable.
  function fitTarget() {
    if (phase === 'topic') return el.area;
    return phase === 'ended' ? el.ended : el.welcome;
  }

  function shrink(area) {
    var scale = FIT_MAX;
    area.style.setProperty('--fit', String(scale));
    while (overflows(area) && scale > FIT_MIN) {
      scale = Math.max(FIT_MIN, Math.round((scale - FIT_STEP) * 1000) / 1000);
      area.style.setProperty('--fit', String(scale));
    }
    return scale;
  }

  // A topic's section description is shown only if the topic fits at full size with it: the
  // topic's own words come first, and phones always show the description.
  function fit() {
    var area = fitTarget();
    if (!area || area.offsetParent === null) return;
    var description = phase === 'topic' ? el.sectionDescription : null;
    if (description) description.hidden = !description.firstChild;
    if (shrink(area) < FIT_MAX && description && !description.hidden) {
      description.hidden = true;
      shrink(area);
    }
  }

  var fitTimer = null;
  function fitSoon() {
    clearTimeout(fitTimer);
    fitTimer = setTimeout(fit, 100);
  }

  // ---- rendering ----
  function fillTopic(t) {
    el.area.setAttribute('data-kind', t.kind || '');
    body.setAttribute('data-kind', t.kind || ''); // the count below the topic follows its kind too
    setText(el.section, t.section || '');
    window.IntercedeLive.paragraphs(el.sectionDescription, t.section_description);
    setText(el.title, t.title || '');
    dom.fill(el.main || el.area, scriptureSlots(t));
    // body_html is made on the server from escaped text (a small Markdown subset), so it is safe markup.
    el.body.innerHTML = t.body_html || '';
    if (el.main && t.language) el.main.setAttribute('lang', t.language);
  }

  function scriptureSlots(t) {
    return {
      scripture_text: t.scripture && t.scripture.text ? t.scripture.text : '',
      scripture_reference: t.scripture && t.scripture.reference ? t.scripture.reference : ''
    };
  }

  // A bilingual service: the topic in the second language beside the first (or none).
  function setBilingual(on) {
    body.classList.toggle('is-bilingual', !!on);
    if (el.beside) el.beside.hidden = !on;
    if (el.welcomeBeside) el.welcomeBeside.hidden = !on;
    if (el.closingBeside && !on) el.closingBeside.hidden = true;
  }

  function fillBeside(t) {
    if (!el.beside) return;
    if (!t) return;
    var slots = scriptureSlots(t);
    slots.section = t.section || '';
    slots.title = t.title || '';
    dom.fill(el.beside, slots);
    var text = el.beside.querySelector('[data-body]');
    if (text) text.innerHTML = t.body_html || '';
    if (t.language) el.beside.setAttribute('lang', t.language);
    // Not translated into this column's language: its note instead of the other column's words again.
    el.beside.classList.toggle('is-untranslated', !!t.fallback);
  }

  function setPhase(next) {
    phase = next;
    body.setAttribute('data-phase', next);
    body.className = body.className.replace(/\bphase-\w+/g, '').replace(/\s+/g, ' ').trim() + ' phase-' + next;
    el.welcome.hidden = next !== 'waiting';
    el.topic.hidden = next !== 'topic';
    el.ended.hidden = next !== 'ended';
  }

  function setBlank(on) {
    body.classList.toggle('is-blank', !!on);
  }

  // The small join panel in the corner during topics (the welcome and closing screens always show
  // the big one). Showing or hiding it changes the room left for the topic text, so fit again.
  function setJoinPanel(on) {
    if (typeof on !== 'boolean' || body.classList.contains('no-join') === !on) return;
    body.classList.toggle('no-join', !on);
    if (phase === 'topic') fit();
  }

  // ---- prayer requests as a live item: one pinned, or the approved ones in turn ----
  var ROTATE_MS = 15000;
  var requests = { list: [], on: false, pinned: null, turn: 0, timer: null };
  function requestShown() {
    var list = requests.list;
    if (!list.length) return null;
    if (requests.pinned !== null) {
      for (var i = 0; i < list.length; i++) if (list[i].id === requests.pinned) return list[i];
    }
    return list[requests.turn % list.length];
  }
  function renderRequests() {
    var screen = $('screen-requests');
    var r = requests.on ? requestShown() : null;
    if (screen) screen.hidden = !r;
    body.classList.toggle('is-requests', !!r);
    if (!r) return;
    setText($('request-shown-text'), r.text || '');
    setText($('request-shown-name'), r.name ? '\u2014 ' + r.name : '');
    setText($('request-shown-count'), words.count('requests-praying', r.praying || 0));
  }
  function setRequestsLive(live) {
    requests.on = !!live.requests_on;
    requests.pinned = typeof live.request_shown === 'number' ? live.request_shown : null;
    clearInterval(requests.timer);
    if (requests.on && requests.pinned === null) {
      requests.timer = setInterval(function () { requests.turn += 1; renderRequests(); }, ROTATE_MS);
    }
    renderRequests();
  }
  function requestsMessage(msg) {
    if (msg.type === 'requests' && Array.isArray(msg.requests)) requests.list = msg.requests;
    if (msg.type === 'request_counts' && Array.isArray(msg.praying)) {
      msg.praying.forEach(function (c) {
        requests.list.forEach(function (r) { if (r.id === c.id) r.praying = c.praying; });
      });
    }
    renderRequests();
  }

  function renderLive(live) {
    if (!live) return;
    setRequestsLive(live);
    setBlank(live.blank);
    setJoinPanel(live.join_panel);
    var t = live.phase === 'topic' ? live.topic : null;
    var beside = t ? (live.topic_beside || null) : null;
    var next = t ? 'topic' : (live.phase === 'ended' ? 'ended' : 'waiting');
    var sig = t ? JSON.stringify([t, beside]) : null;
    var changedTopic = !!t && t.id !== topicId;
    var phaseChanged = next !== phase;
    topicId = t ? t.id : null;

    if (sig === topicSig && !phaseChanged) return;
    topicSig = sig;

    clearTimeout(fadeTimer);
    var swap = function () {
      if (t) {
        fillTopic(t);
        fillBeside(beside);
        setBilingual(!!beside);
      }
      setPhase(next);
      fit();
      if (el.area) el.area.classList.remove('is-fading');
    };
    // Fade only between two topics on screen; anything else (or reduced motion) swaps at once.
    if (el.area && changedTopic && phase === 'topic' && !reduceMotion && !body.classList.contains('is-blank')) {
      el.area.classList.add('is-fading');
      fadeTimer = setTimeout(swap, FADE_MS);
    } else {
      swap();
    }
  }

  // The title, the introduction (while waiting) and the closing words (once ended): in every
  // snapshot, and in a state frame after an edit, so an edited introduction is shown at once.
  function renderGathering(gathering) {
    if (!gathering) return;
    if (typeof gathering.title === 'string' && gathering.title) {
      setText(el.welcomeTitle, gathering.title);
      setText(el.closingTitle, gathering.title);
    }
    window.IntercedeLive.paragraphs(el.introduction, gathering.introduction);
    window.IntercedeLive.paragraphs(el.closing, gathering.closing);
    var beside = gathering.beside || null;
    if (phase !== 'topic') setBilingual(!!beside);
    if (beside) {
      if (el.welcomeBeside) {
        dom.fill(el.welcomeBeside, { title: beside.title || '' });
        window.IntercedeLive.paragraphs(el.welcomeBeside.querySelector('[data-paragraphs]'), beside.introduction);
        if (beside.language) el.welcomeBeside.setAttribute('lang', beside.language);
      }
      window.IntercedeLive.paragraphs(el.closingBeside, beside.closing);
    }
    if (phase !== 'topic') fit();
  }

  function renderCounts(counts) {
    if (!counts) return;
    if (typeof counts.praying === 'number' &&
        (counts.topic === undefined || counts.topic === null || counts.topic === topicId)) {
      setText(el.praying, String(counts.praying));
      setText($('praying-word'), words.count('projector-praying-word', counts.praying));
      setText($('thanks-word'), words.count('projector-thanks-word', counts.praying));
    }
    if (typeof counts.here === 'number') {
      setText(el.here, String(counts.here));
      setText($('here-word'), words.count('projector-here-word', counts.here));
    }
  }

  function renderConnection(state) {
    if (!el.connection) return;
    el.connection.setAttribute('data-state', state);
    // Quiet when all is well: the room should only see this if the projector lost the server.
    el.connection.hidden = state !== 'offline';
  }

  // ---- full screen and cursor: small comforts for whoever runs the laptop ----
  function toggleFullscreen() {
    var d = document;
    var root = d.documentElement;
    if (d.fullscreenElement || d.webkitFullscreenElement) {
      (d.exitFullscreen || d.webkitExitFullscreen).call(d);
    } else if (root.requestFullscreen) {
      root.requestFullscreen();
    } else if (root.webkitRequestFullscreen) {
      root.webkitRequestFullscreen();
    }
  }

  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'f' || ev.key === 'F') toggleFullscreen();
  });
  document.addEventListener('dblclick', toggleFullscreen);

  var cursorTimer = null;
  document.addEventListener('mousemove', function () {
    body.classList.remove('hide-cursor');
    clearTimeout(cursorTimer);
    cursorTimer = setTimeout(function () { body.classList.add('hide-cursor'); }, 2500);
  });

  if (el.hint && !document.fullscreenElement && (document.documentElement.requestFullscreen || document.documentElement.webkitRequestFullscreen)) {
    el.hint.hidden = false;
    setTimeout(function () { el.hint.hidden = true; }, 8000);
  }
  document.addEventListener('fullscreenchange', function () {
    if (el.hint) el.hint.hidden = true;
    fitSoon();
  });
  window.addEventListener('resize', fitSoon);
  window.addEventListener('load', fit);
  // Fonts and layout settling late (a slow font, the browser bar hiding, a new screen): fit again.
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitSoon, function () {});
  if (window.ResizeObserver) {
    var observer = new window.ResizeObserver(fitSoon);
    [el.welcome, el.topic, el.ended].forEach(function (node) { if (node) observer.observe(node); });
  }

  // The server-rendered topic is on screen already: fit it before the first frame arrives.
  fit();
  topicId = parseInt(body.getAttribute('data-topic-id') || '', 10);
  if (isNaN(topicId)) topicId = null;

  if (!code || !window.IntercedeLive) return;
  window.IntercedeLive.connect('projector', code, {
    onSnapshot: function (msg) {
      if (Array.isArray(msg.requests)) requests.list = msg.requests;
      renderGathering(msg.gathering);
      renderLive(msg.live);
      renderCounts(msg.counts);
    },
    onState: function (msg) { renderGathering(msg.gathering); renderLive(msg.live); },
    onCounts: function (msg) { renderCounts(msg.counts); },
    onMessage: requestsMessage,
    onStatus: renderConnection,
    // The server ended this page's access (a revocation, a deleted gathering): say so.
    onGone: function (reason) { window.IntercedeLive.showGone(reason, false); }
  });
})();
