// Adds and removes email, phone and address rows on the customer form. Without this script the form
// still works: it always offers one blank row of each kind, and blank rows are ignored when saving.
(function () {
  'use strict';

  // Field names look like Input.Emails[2].Address and ids like emails-2-address: keep both contiguous
  // after a row is added or removed, because the server reports problems by row position.
  function renumber(rows) {
    rows.querySelectorAll('[data-row]').forEach(function (row, index) {
      row.querySelectorAll('[name], [id], [for], [aria-describedby]').forEach(function (el) {
        if (el.name) { el.name = el.name.replace(/\[(\d+|__i__)\]/, '[' + index + ']'); }
        ['id', 'for', 'aria-describedby'].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value) { el.setAttribute(attr, value.replace(/-(\d+|__i__)-/g, '-' + index + '-')); }
        });
      });
    });
  }

  document.querySelectorAll('[data-repeat]').forEach(function (group) {
    var rows = group.querySelector('[data-rows]');
    var template = group.querySelector('template');
    var add = group.querySelector('[data-add]');
    var max = parseInt(group.getAttribute('data-max'), 10) || 10;

    function update() {
      add.disabled = rows.querySelectorAll('[data-row]').length >= max;
      rows.querySelectorAll('[data-remove]').forEach(function (button) { button.hidden = false; });
    }

    add.hidden = false;
    add.addEventListener('click', function () {
      rows.appendChild(template.content.cloneNode(true));
      renumber(rows);
      update();
      var rowsNow = rows.querySelectorAll('[data-row]');
      var first = rowsNow[rowsNow.length - 1].querySelector('input, select');
      if (first) { first.focus(); }
    });

    rows.addEventListener('click', function (event) {
      var button = event.target.closest('[data-remove]');
      if (!button) { return; }
      button.closest('[data-row]').remove();
      renumber(rows);
      update();
      add.focus();
    });

    update();
  });
})();
