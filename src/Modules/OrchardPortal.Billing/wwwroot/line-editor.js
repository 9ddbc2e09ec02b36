// The invoice/estimate line editor: "Add a line" clones the row template, "Remove line" deletes a row.
// Without this script the form still works: it always has spare blank rows, and blank rows are ignored.
(function () {
  'use strict';

  // The server reports problems by row position (Input.Lines[2].UnitPrice), so rows stay numbered 0..n-1.
  function renumber(container) {
    Array.prototype.forEach.call(container.querySelectorAll('[data-row]'), function (row, index) {
      Array.prototype.forEach.call(row.querySelectorAll('*'), function (el) {
        if (el.name) { el.name = el.name.replace(/Lines\[[^\]]+\]/, 'Lines[' + index + ']'); }
        ['id', 'for', 'aria-describedby'].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value) { el.setAttribute(attr, value.replace(/lines-[^-]+-/g, 'lines-' + index + '-')); }
        });
      });
    });
  }

  var group = document.querySelector('.document-form [data-repeat]');
  if (!group) { return; }
  var container = group.querySelector('[data-rows]');
  var template = group.querySelector('template');
  var add = group.querySelector('[data-add]');
  var max = Number(group.getAttribute('data-max')) || 100;

  function refresh() {
    var count = container.querySelectorAll('[data-row]').length;
    add.disabled = count >= max;
    Array.prototype.forEach.call(container.querySelectorAll('[data-remove]'), function (b) { b.hidden = count <= 1; });
  }

  add.hidden = false;
  add.addEventListener('click', function () {
    container.appendChild(template.content.cloneNode(true));
    renumber(container);
    refresh();
    var rows = container.querySelectorAll('[data-row]');
    rows[rows.length - 1].querySelector('input').focus();
  });
  container.addEventListener('click', function (event) {
    var remove = event.target.closest('[data-remove]');
    if (!remove) { return; }
    remove.closest('[data-row]').remove();
    renumber(container);
    refresh();
    add.focus();
  });
  refresh();
})();
