/* Agenda editor: asks before a delete form is sent (the server also refuses
   deleting a live gathering without its code). Works without this script. */
(function () {
  'use strict';
  var forms = document.querySelectorAll('form.confirm-form');
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener('submit', function (ev) {
      var question = form.getAttribute('data-confirm') || 'Are you sure?';
      if (!window.confirm(question)) ev.preventDefault();
    });
  });
})();
