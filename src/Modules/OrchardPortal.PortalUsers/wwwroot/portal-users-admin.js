// "Manage portal users": the header checkbox ticks or clears every customer on the page. Without
// JavaScript it stays hidden and the "Every customer on this page" choice does the same job.
(() => {
  const all = document.querySelector('[data-select-all]');
  if (!all) {
    return;
  }

  const rows = [...document.querySelectorAll('[data-select-row]')];
  const sync = () => {
    const ticked = rows.filter(box => box.checked).length;
    all.checked = ticked === rows.length && ticked > 0;
    all.indeterminate = ticked > 0 && ticked < rows.length;
  };
  all.hidden = false;
  all.addEventListener('change', () => {
    rows.forEach(box => { box.checked = all.checked; });
    sync();
  });
  rows.forEach(box => box.addEventListener('change', sync));
  sync();
})();
