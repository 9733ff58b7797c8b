/* Intercede: a Copy button beside a link shown once (an invitation, a moderator link). The button
 * is drawn hidden and shown here, so a page without scripts shows only the link, whole, to select
 * by hand. `data-copy` names the element whose text is copied; the button's `data-done` and
 * `data-select` say what happened. The clipboard API needs HTTPS (or localhost); on a venue's plain
 * HTTP the text is selected and copied the older way. */
(function () {
  'use strict';

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var chosen = window.getSelection();
    chosen.removeAllRanges();
    chosen.addRange(range);
  }

  function said(button, key) {
    var status = document.getElementById(button.getAttribute('aria-describedby') || '');
    if (status) status.textContent = button.getAttribute(key) || '';
  }

  // A link just made, shown only once, is brought into view (it may sit low on a long page).
  var once = document.querySelector('[data-shown-once]');
  if (once && once.scrollIntoView) once.scrollIntoView({ block: 'center' });

  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = source.textContent.trim();
      function older() {
        select(source);
        var copied = false;
        try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
        said(button, copied ? 'data-done' : 'data-select');
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { said(button, 'data-done'); }, older);
      } else {
        older();
      }
    });
  });
})();
