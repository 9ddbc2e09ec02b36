// Portal admin pages: colour pickers kept in step with their hex fields (with a live text-colour
// preview using the same WCAG rule as the server), and the template editor's small comforts.
(function () {
  'use strict';

  function parseHex(value) {
    var text = (value || '').trim();
    if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(text)) { return null; }
    if (text.length === 4) { text = '#' + text[1] + text[1] + text[2] + text[2] + text[3] + text[3]; }
    return text.toLowerCase();
  }

  function luminance(hex) {
    var channels = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  function readableText(hex) {
    var l = luminance(hex);
    var onBlack = (l + 0.05) / 0.05;
    var onWhite = 1.05 / (l + 0.05);
    return onBlack >= onWhite ? '#000000' : '#ffffff';
  }

  function updatePreview(inputId) {
    var input = document.getElementById(inputId);
    var preview = document.querySelector('[data-preview-for="' + inputId + '"]');
    var picker = document.querySelector('[data-color-for="' + inputId + '"]');
    if (!input || !preview) { return; }
    var hex = parseHex(input.value);
    var note = preview.querySelector('[data-text-note]');
    if (!hex) {
      preview.style.background = '';
      preview.style.color = '';
      if (note) { note.textContent = 'Not a valid colour yet'; }
      return;
    }
    var text = readableText(hex);
    preview.style.background = hex;
    preview.style.color = text;
    if (note) { note.textContent = text === '#ffffff' ? 'White text' : 'Black text'; }
    if (picker && picker.value !== hex) { picker.value = hex; }
  }

  document.querySelectorAll('[data-color-for]').forEach(function (picker) {
    var inputId = picker.getAttribute('data-color-for');
    var input = document.getElementById(inputId);
    if (!input) { return; }
    picker.addEventListener('input', function () {
      input.value = picker.value;
      updatePreview(inputId);
    });
    input.addEventListener('input', function () { updatePreview(inputId); });
  });

  // Template editor: Tab indents (Esc, then Tab, leaves the field), the caret's line and column are shown,
  // and "Go to line" buttons put the caret where a syntax error was found.
  function caretPosition(area) {
    var before = area.value.slice(0, area.selectionStart).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  }

  function showCaret(area) {
    var status = document.querySelector('[data-caret-for="' + area.id + '"]');
    if (!status) { return; }
    var at = caretPosition(area);
    status.textContent = 'Line ' + at.line + ', column ' + at.column + '. Tab indents; press Esc then Tab to leave the editor.';
  }

  document.querySelectorAll('[data-code-editor]').forEach(function (area) {
    var escaped = false;
    area.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { escaped = true; return; }
      if (event.key === 'Tab' && !escaped && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        var start = area.selectionStart;
        area.setRangeText('  ', start, area.selectionEnd, 'end');
        showCaret(area);
      }
      escaped = false;
    });
    ['keyup', 'click', 'focus'].forEach(function (name) { area.addEventListener(name, function () { showCaret(area); }); });
  });

  document.querySelectorAll('[data-goto-line]').forEach(function (button) {
    button.addEventListener('click', function () {
      var area = document.getElementById(button.getAttribute('data-goto-target'));
      if (!area) { return; }
      var line = parseInt(button.getAttribute('data-goto-line'), 10) || 1;
      var column = parseInt(button.getAttribute('data-goto-column'), 10) || 1;
      var lines = area.value.split('\n');
      var offset = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) { offset += lines[i].length + 1; }
      offset += Math.min(column - 1, (lines[line - 1] || '').length);
      area.focus();
      area.setSelectionRange(offset, offset);
      var lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
      area.scrollTop = Math.max(0, (line - 5) * lineHeight);
      showCaret(area);
    });
  });
}());
