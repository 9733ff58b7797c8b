/* Intercede live client: one websocket per page, shared by the phone, projector and console.
 * Classic script, ES5-style syntax so old Android browsers run it. Speaks docs/protocol.md:
 * a snapshot first, then state/counts frames numbered by seq; a gap or a stale epoch asks for a
 * fresh snapshot. Reconnects with exponential backoff and full jitter, capped at a few seconds so a
 * phone is back soon after the server is, and at once when the browser says it is online again or
 * the page becomes visible.
 *
 *   var live = IntercedeLive.connect('attend', 'K7HQ2M', {
 *     onSnapshot: fn, onState: fn, onCounts: fn, onAck: fn, onError: fn,
 *     onStatus: fn,  // "connecting" (first try), "online", "offline" (lost; retrying), "gone"
 *     onGone: fn     // the server ended this page's access for good (reason, as in docs/protocol.md)
 *   });
 *   live.send({type: 'tap', op: '...', topic: 12});   // true if handed to an open socket
 *   live.isOpen();
 */
(function () {
  'use strict';

  var PING_EVERY_MS = 20000;     // application ping, answered with pong
  var STALE_AFTER_MS = 40000;    // nothing received for this long: the socket is dead
  var CHECK_EVERY_MS = 5000;
  var SNAPSHOT_WAIT_MS = 15000;  // an expected snapshot that does not come: reconnect
  var CONNECT_WAIT_MS = 15000;   // a socket still opening after this long: start again
  var BACKOFF_BASE_MS = 500;
  // The cap: after an outage of any length a page tries again within this long of the server's
  // return. Full jitter spreads a hall of phones evenly over it (a thousand phones: about 250 new
  // connections a second), rather than all arriving at once.
  var BACKOFF_MAX_MS = 4000;
  // A socket refused before it opened may mean the page's access ended while it was away (a
  // revoked link, a session signed out): the page itself is asked, at most this often.
  var ACCESS_CHECK_EVERY_MS = 10000;
  // How the page's own address answers when its access has ended.
  var GONE_BY_STATUS = { 401: 'signed-out', 403: 'no-longer-leads', 404: 'not-found', 410: 'not-found' };

  function connect(role, code, handlers) {
    handlers = handlers || {};
    var url = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host +
      '/ws/' + role + '/' + encodeURIComponent(code) + (handlers.query ? '?' + handlers.query : '');

    var ws = null;
    var status = null;
    var attempt = 0;
    var retryTimer = null;
    var checkTimer = null;
    var lastReceived = 0;
    var lastPing = 0;
    var startedAt = 0;
    var epoch = null;
    var seq = null;
    var snapshotAskedAt = 0;   // 0: not waiting for a snapshot
    var stopped = false;
    var accessCheckedAt = 0;

    function call(name, arg) {
      var fn = handlers[name];
      if (typeof fn !== 'function') return;
      try { fn(arg); } catch (e) { if (window.console) console.error(e); }
    }

    function setStatus(next) {
      // Once offline, stay "offline" through the retries until a socket opens again.
      if (next === 'connecting' && status === 'offline') return;
      if (next === status) return;
      status = next;
      call('onStatus', next);
    }

    function isOpen() {
      return !!ws && ws.readyState === 1;
    }

    function rawSend(obj) {
      if (!isOpen()) return false;
      try {
        ws.send(JSON.stringify(obj));
        return true;
      } catch (e) {
        return false;
      }
    }

    function askSnapshot() {
      if (snapshotAskedAt) return;
      snapshotAskedAt = Date.now();
      seq = null;
      rawSend({ type: 'snapshot' });
    }

    function open() {
      clearTimeout(retryTimer);
      retryTimer = null;
      if (stopped || ws) return;
      setStatus('connecting');
      var sock;
      try {
        sock = new WebSocket(url);
      } catch (e) {
        scheduleReconnect();
        return;
      }
      ws = sock;
      startedAt = Date.now();
      seq = null;
      snapshotAskedAt = 0;
      var opened = false;
      sock.onopen = function () {
        if (sock !== ws) return;
        opened = true;
        lastReceived = Date.now();
        lastPing = lastReceived;
        snapshotAskedAt = lastReceived; // the server always starts with a snapshot
        setStatus('online');
      };
      sock.onmessage = function (ev) {
        if (sock !== ws) return;
        lastReceived = Date.now();
        receive(ev.data);
      };
      sock.onclose = function (ev) {
        if (sock !== ws) return;
        // 4001 to 4999: the server ended this page's access, and says why.
        if (ev && ev.code >= 4000 && ev.code < 5000) { gone(ev.reason || 'not-found'); return; }
        if (!opened) checkAccess();
        lost();
      };
      sock.onerror = function () { /* a close event always follows */ };
    }

    // Forget the current socket (dead, stale or closed) and try again later.
    function lost() {
      var sock = ws;
      ws = null;
      seq = null;
      snapshotAskedAt = 0;
      if (sock) {
        sock.onopen = sock.onmessage = sock.onclose = sock.onerror = null;
        try { sock.close(); } catch (e) { /* already closed */ }
      }
      if (stopped) return;
      setStatus('offline');
      scheduleReconnect();
    }

    // No more sockets: the current one is closed and nothing reconnects.
    function stop() {
      stopped = true;
      clearInterval(checkTimer);
      clearTimeout(retryTimer);
      var sock = ws;
      ws = null;
      if (sock) {
        sock.onopen = sock.onmessage = sock.onclose = sock.onerror = null;
        try { sock.close(1000); } catch (e) { /* already closed */ }
      }
    }

    // The page ends here: no more reconnecting, and the page says why.
    function gone(reason) {
      if (stopped) return;
      stop();
      setStatus('gone');
      call('onGone', reason);
    }

    // Asks the page's own address whether it is still open to this browser.
    function checkAccess() {
      if (stopped || typeof window.fetch !== 'function') return;
      if (Date.now() - accessCheckedAt < ACCESS_CHECK_EVERY_MS) return;
      accessCheckedAt = Date.now();
      window.fetch(handlers.accessUrl || window.location.pathname, {
        credentials: 'same-origin', redirect: 'manual', cache: 'no-store'
      }).then(function (r) {
        // A sign-in page instead of this one: the session ended.
        if (r.type === 'opaqueredirect') { gone('signed-out'); return; }
        if (GONE_BY_STATUS[r.status]) gone(GONE_BY_STATUS[r.status]);
      }).catch(function () { /* offline: the next refusal asks again */ });
    }

    function scheduleReconnect() {
      if (stopped || retryTimer) return;
      var ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * Math.pow(2, attempt));
      attempt += 1;
      retryTimer = setTimeout(open, Math.floor(Math.random() * ceiling));
    }

    // Try now instead of waiting out the backoff (the network came back, the page became visible).
    function reconnectSoon() {
      if (stopped) return;
      if (ws) {
        if (ws.readyState !== 1 || Date.now() - lastReceived <= STALE_AFTER_MS) return;
        lost();
      }
      clearTimeout(retryTimer);
      retryTimer = null;
      open();
    }

    function receive(data) {
      if (typeof data !== 'string') return;
      var msg;
      try { msg = JSON.parse(data); } catch (e) { return; }
      if (!msg || typeof msg.type !== 'string') return;

      switch (msg.type) {
        case 'snapshot':
          epoch = msg.epoch;
          seq = typeof msg.seq === 'number' ? msg.seq : null;
          snapshotAskedAt = 0;
          attempt = 0;
          call('onSnapshot', msg);
          break;
        case 'state':
        case 'counts':
          if (!inOrder(msg)) return;
          call(msg.type === 'state' ? 'onState' : 'onCounts', msg);
          break;
        case 'ack':
          call('onAck', msg);
          break;
        case 'error':
          call('onError', msg);
          break;
        case 'pong':
          break;
        case 'gone':
          gone(msg.reason);
          break;
        default:
          call('onMessage', msg); // a type only some pages know (prayer requests)
          break;
      }
    }

    // True if a sequenced frame is the next one; on a gap or a new epoch, ask for a snapshot.
    function inOrder(msg) {
      if (snapshotAskedAt || seq === null) return false; // a snapshot is on its way
      if (msg.epoch !== undefined && msg.epoch !== epoch) {
        askSnapshot();
        return false;
      }
      if (typeof msg.seq !== 'number') return true;
      if (msg.seq <= seq) return false; // already covered by a later snapshot
      if (msg.seq !== seq + 1) {
        askSnapshot();
        return false;
      }
      seq = msg.seq;
      return true;
    }

    function check() {
      if (!ws) return;
      var now = Date.now();
      if (ws.readyState === 1) {
        if (now - lastReceived >= STALE_AFTER_MS) { lost(); return; }
        if (snapshotAskedAt && now - snapshotAskedAt > SNAPSHOT_WAIT_MS) { lost(); return; }
        if (now - lastPing >= PING_EVERY_MS) {
          lastPing = now;
          rawSend({ type: 'ping' });
        }
      } else if (ws.readyState === 0 && now - startedAt > CONNECT_WAIT_MS) {
        lost();
      }
    }

    window.addEventListener('online', reconnectSoon);
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) reconnectSoon();
    });
    window.addEventListener('pageshow', function (ev) {
      if (ev.persisted) reconnectSoon();
    });

    checkTimer = setInterval(check, CHECK_EVERY_MS);
    open();

    return {
      send: rawSend,
      isOpen: isOpen,
      status: function () { return status; },
      requestSnapshot: function () { snapshotAskedAt = 0; askSnapshot(); },
      close: stop
    };
  }

  // ---- dom: the few helpers every page's script draws with ----
  // Markup has one source: the server draws a piece on the page, and a page's <template> holds the
  // same piece (from the same askama macro) for the script to clone and fill. Slots are marked in
  // the markup: `data-text="name"` takes text, `data-show="name"` is hidden while the value is
  // empty, and a `data-text` slot with `data-optional` is hidden while its own value is empty.
  // A name missing from `values` leaves its slot as it is.
  function setText(node, text) {
    if (node && node.textContent !== text) node.textContent = text;
  }

  function clear(node) {
    while (node && node.firstChild) node.removeChild(node.firstChild);
  }

  function slots(root, attr, each) {
    var found = root.querySelectorAll('[' + attr + ']');
    var all = root.hasAttribute && root.hasAttribute(attr) ? [root] : [];
    for (var i = 0; i < found.length; i++) all.push(found[i]);
    all.forEach(function (node) { each(node, node.getAttribute(attr)); });
  }

  function fill(root, values) {
    if (!root) return root;
    function has(name) { return Object.prototype.hasOwnProperty.call(values, name); }
    function value(name) { var v = values[name]; return v === null || v === undefined ? '' : String(v); }
    slots(root, 'data-text', function (node, name) {
      if (!has(name)) return;
      setText(node, value(name));
      if (node.hasAttribute('data-optional')) node.hidden = !value(name);
    });
    slots(root, 'data-show', function (node, name) {
      if (has(name)) node.hidden = !value(name);
    });
    return root;
  }

  // A copy of the first element of <template id="...">, filled with `values`.
  function clone(id, values) {
    var tpl = document.getElementById(id);
    var first = tpl && tpl.content ? tpl.content.firstElementChild : null;
    if (!first) return null;
    return fill(first.cloneNode(true), values || {});
  }

  var dom = { setText: setText, clear: clear, fill: fill, clone: clone };

  // Says on the page why its access ended, from the words the server put in #gone-notice (one
  // paragraph per reason), with the way on that fits. With `clear`, everything else on the page
  // goes: what it showed is no longer this browser's to see.
  function showGone(reason, clearPage) {
    var notice = document.getElementById('gone-notice');
    if (!notice) return;
    var said = false;
    slots(notice, 'data-reason', function (node, name) {
      node.hidden = name !== reason;
      if (name === reason) said = true;
    });
    if (!said) showGone('not-found', clearPage);
    if (!said) return;
    var console = document.body.getAttribute('data-role') === 'console';
    slots(notice, 'data-way', function (node, reasons) {
      node.hidden = (' ' + reasons + ' ').indexOf(' ' + reason + ' ') < 0 ||
        (node.hasAttribute('data-console') && !console);
    });
    var signIn = notice.querySelector('a[data-sign-in]');
    if (signIn) signIn.href = '/login?next=' + encodeURIComponent(window.location.pathname);
    if (clearPage) {
      var main = document.querySelector('main') || document.body;
      Array.prototype.slice.call(document.body.children).forEach(function (node) {
        if (node !== main && node.tagName !== 'SCRIPT' && node.tagName !== 'TEMPLATE') node.remove();
      });
      Array.prototype.slice.call(main.children).forEach(function (node) {
        if (node !== notice) node.remove();
      });
      if (notice.parentNode !== main) main.appendChild(notice);
    }
    notice.hidden = false;
    document.body.classList.add('is-gone');
    if (notice.focus) { notice.setAttribute('tabindex', '-1'); notice.focus(); }
  }

  // Words typed as paragraphs (an introduction, closing words, a section's description) drawn as
  // the server's pages draw them: one <p> per paragraph, split at a blank line, each trimmed,
  // empty ones dropped (as domain::agenda::paragraphs does); the box is hidden when there are none.
  function paragraphs(node, text) {
    if (!node) return;
    var parts = String(text || '').replace(/\r\n/g, '\n').split('\n\n')
      .map(function (p) { return p.trim(); })
      .filter(function (p) { return p.length > 0; });
    var same = node.children.length === parts.length;
    for (var i = 0; same && i < parts.length; i++) same = node.children[i].textContent === parts[i];
    if (!same) {
      clear(node);
      parts.forEach(function (p) {
        var para = document.createElement('p');
        para.textContent = p;
        node.appendChild(para);
      });
    }
    node.hidden = parts.length === 0;
  }

  // The words a page's script puts on screen, in the page's language: the server puts them in a
  // <script type="application/json"> block (one source, the translation files). `count` picks
  // a language's plural form with the browser's CLDR rules; `fill` replaces `{name}` (a function,
  // so a `$` in a title stays literal).
  function words(id) {
    var node = document.getElementById(id);
    var parsed = {};
    try { parsed = JSON.parse(node.textContent) || {}; } catch (e) { parsed = {}; }
    var messages = parsed.messages || {};
    var languages = parsed.languages || {};
    var lang = document.documentElement.getAttribute('lang') || 'en';
    var plural = null;
    try { plural = new window.Intl.PluralRules(lang); } catch (e) { plural = null; }
    function get(key) {
      return typeof messages[key] === 'string' ? messages[key] : '';
    }
    return {
      lang: lang,
      get: get,
      // A language as this page's sentences name it ("inglés" on a Spanish page).
      languageName: function (code) { return languages[code] || code; },
      fill: function (key, vars) {
        return get(key).replace(/\{(\w+)\}/g, function (all, name) {
          return Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : all;
        });
      },
      count: function (key, n) {
        var forms = messages[key] || {};
        var form = forms[plural ? plural.select(n) : 'other'] || forms.other || '';
        return form.replace('{count}', String(n));
      }
    };
  }

  window.IntercedeLive = { connect: connect, paragraphs: paragraphs, words: words, dom: dom, showGone: showGone };
})();
