// The kiosk page's forms: no double submission, printing, and no page from the browser's cache.
// The idle reset, the on-screen keyboard and the card scanner have files of their own.
'use strict';
(function () {
  // Back never shows a page from the browser's cache.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) location.reload();
    document.querySelectorAll('[data-confirm-once]').forEach((button) => { button.disabled = button.hasAttribute('data-disabled'); });
  });

  // ---- One submission per screen: the pressed button's value is kept, every button is disabled.
  document.querySelectorAll('form').forEach((form) => {
    form.addEventListener('submit', (event) => {
      const pressed = event.submitter;
      if (pressed && pressed.name) {
        const hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = pressed.name;
        hidden.value = pressed.value;
        form.append(hidden);
      }
      setTimeout(() => form.querySelectorAll('[data-confirm-once]').forEach((button) => { button.disabled = true; }), 0);
    });
  });

  document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));
})();
