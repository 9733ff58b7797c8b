/* Offers the facilitator's browser's time zone to a gathering that has none: it fills the time zone
   boxes left empty (the new-gathering form, the editor) and, on a gathering's console or editor,
   tells the server once. The server keeps it only while the gathering has no zone of its own. */
(function () {
  'use strict';
  var zone = '';
  try { zone = window.Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { return; }
  if (!zone) return;
  var boxes = document.querySelectorAll('input[name="time_zone"][data-from-browser]');
  Array.prototype.forEach.call(boxes, function (box) { if (!box.value) box.value = zone; });

  var body = document.body;
  var code = body.getAttribute('data-code');
  var csrf = body.getAttribute('data-csrf');
  if (body.getAttribute('data-time-zone') !== '' || !code || !csrf || typeof window.fetch !== 'function') return;
  window.fetch('/console/' + encodeURIComponent(code) + '/time-zone', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'csrf=' + encodeURIComponent(csrf) + '&time_zone=' + encodeURIComponent(zone)
  }).then(function (response) {
    if (response.ok) body.setAttribute('data-time-zone', zone);
  }).catch(function () { /* offered again next time */ });
})();
