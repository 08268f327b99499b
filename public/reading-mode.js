/*
 * 适老化 reading mode (src/components/ReadingMode/README.md). Loaded by a
 * plain <script src> in <head>, so the chosen mode is on <html> before the
 * first paint (no flash of small text); the site's Content-Security-Policy
 * allows no inline script. Without JavaScript the switch stays hidden and
 * every page reads as usual.
 */
(function () {
  'use strict';
  var KEY = 'gk-reading-mode';
  var MODES = ['large-text', 'high-contrast'];
  var root = document.documentElement;

  function saved() {
    try {
      var value = window.localStorage.getItem(KEY) || '';
      return value.split(' ').filter(function (m) { return MODES.indexOf(m) >= 0; });
    } catch (e) {
      // Storage may be off (private mode, a policy): the switch still works for this page.
      return [];
    }
  }

  function save(modes) {
    try {
      window.localStorage.setItem(KEY, modes.join(' '));
    } catch (e) {
      /* not kept across pages; nothing else to do */
    }
  }

  function apply(modes) {
    MODES.forEach(function (m) {
      root.classList.toggle('gk-mode-' + m, modes.indexOf(m) >= 0);
    });
  }

  function current() {
    return MODES.filter(function (m) { return root.classList.contains('gk-mode-' + m); });
  }

  apply(saved());

  function mount() {
    var box = document.querySelector('[data-gk-reading-mode]');
    if (!box) return;
    var buttons = box.querySelectorAll('button[data-mode]');
    function show() {
      var on = current();
      buttons.forEach(function (b) {
        b.setAttribute('aria-pressed', on.indexOf(b.getAttribute('data-mode')) >= 0 ? 'true' : 'false');
      });
    }
    buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        var mode = b.getAttribute('data-mode');
        var on = current();
        on = on.indexOf(mode) >= 0 ? on.filter(function (m) { return m !== mode; }) : on.concat([mode]);
        apply(on);
        save(on);
        show();
      });
    });
    show();
    box.hidden = false;
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
})();
