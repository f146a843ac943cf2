// On every page, loaded in <head> before the page is drawn:
// - 长辈模式 (large text): kept in localStorage and a cookie, so it holds on every page and after a restart;
//   the switch is the checkbox [data-elder-switch] on the 我的 page;
// - the report form's draft (report.js) is dropped once the report is filed (the case page opens with ?filed).
(function () {
  var KEY = 'minqing-elder';
  var html = document.documentElement;
  function stored() {
    try { if (localStorage.getItem(KEY) !== null) { return localStorage.getItem(KEY) === '1'; } } catch (e) { /* none */ }
    return /(?:^|;\s*)minqing-elder=1/.test(document.cookie);
  }
  function set(on) {
    try { localStorage.setItem(KEY, on ? '1' : '0'); } catch (e) { /* cookie only */ }
    document.cookie = 'minqing-elder=' + (on ? '1' : '0') + '; path=/; max-age=31536000; SameSite=Lax';
    html.classList.toggle('elder', on);
  }
  if (stored()) { html.classList.add('elder'); }
  if (/[?&]filed\b/.test(location.search) && location.pathname.indexOf('/workbench/cases/') === 0) {
    try { localStorage.removeItem('minqing-report-draft'); } catch (e) { /* nothing kept */ }
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-elder-switch]').forEach(function (box) {
      box.checked = html.classList.contains('elder');
      box.addEventListener('change', function () { set(box.checked); });
    });
  });
})();
