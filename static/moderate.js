/* Intercede: the requests page (the facilitator's, or a helper's through a moderator link) kept
 * current. The page is drawn by the server; when the socket says the queue changed, the page is
 * fetched again and its request list swapped in (one source for the markup). A list being edited
 * is left alone until the edit is saved or closed. */
(function () {
  'use strict';

  var body = document.body;
  var code = body.getAttribute('data-live') || '';
  var role = body.getAttribute('data-role') === 'console' ? 'console' : 'moderate';
  if (!code || !window.IntercedeLive || typeof window.fetch !== 'function') return;
  var status = document.getElementById('request-live');
  var shown = signature();
  var wanted = null;

  // What the page shows: each request's id, status, words and figures.
  function signature() {
    var cards = document.querySelectorAll('#request-groups .request');
    var parts = [];
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      parts.push([card.id, card.getAttribute('data-status'), card.getAttribute('data-sig') || ''].join(':'));
    }
    return parts.sort().join('|');
  }

  function fromQueue(queue) {
    return (queue || []).map(function (r) {
      return ['request-' + r.id, r.status, [r.praying, r.prayed_for ? 1 : 0, Array.from(r.text).length, r.name ? Array.from(r.name).length : 0].join('.')].join(':');
    }).sort().join('|');
  }

  function editing() {
    var active = document.activeElement;
    return !!(active && active.closest && active.closest('.request-edit'));
  }

  function refresh() {
    if (editing()) return; // tried again when the edit ends
    wanted = null;
    window.fetch(window.location.pathname, { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html || editing()) return;
        var fresh = new window.DOMParser().parseFromString(html, 'text/html').getElementById('request-groups');
        var here = document.getElementById('request-groups');
        if (!fresh || !here) return;
        here.parentNode.replaceChild(document.adoptNode(fresh), here);
        shown = signature();
      })
      .catch(function () { /* the next change tries again */ });
  }

  function check(queue) {
    var sig = fromQueue(queue);
    if (sig !== shown) { wanted = sig; refresh(); }
  }

  document.addEventListener('focusout', function () {
    setTimeout(function () { if (wanted !== null) refresh(); }, 50);
  });

  window.IntercedeLive.connect(role, code, {
    onSnapshot: function (msg) { check(msg.queue); },
    onMessage: function (msg) { if (msg.type === 'queue') check(msg.queue); },
    onStatus: function (state) {
      if (status) status.textContent = state === 'offline' ? status.getAttribute('data-offline') || '' : '';
    },
    // The link was revoked (or the session ended, or the gathering deleted): the requests, the
    // team-only ones above all, are no longer this page's to show.
    onGone: function (reason) { window.IntercedeLive.showGone(reason, true); }
  });
})();
