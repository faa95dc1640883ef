// The kiosk page: idle reset, an on-screen keyboard that types Vietnamese (Telex), printing, and
// no double submission. Contract with the page: <body class="kiosk" data-idle-seconds
// data-reset-url data-idle-question data-idle-continue>, inputs with data-keyboard="text|digits".
'use strict';
(function () {
  const body = document.body;
  const idleSeconds = Number(body.dataset.idleSeconds || 90);
  const resetUrl = body.dataset.resetUrl || '/';
  const countdownSeconds = 10;

  // ---- Idle reset: after idleSeconds without a touch, a countdown, then everything is forgotten.
  let idleTimer = null;
  let countdownTimer = null;
  let overlay = null;

  function resetIdle() {
    if (overlay) return;  // the overlay's own button continues
    clearTimeout(idleTimer);
    idleTimer = setTimeout(showCountdown, idleSeconds * 1000);
  }

  function showCountdown() {
    overlay = document.createElement('div');
    overlay.className = 'idle-overlay';
    const box = document.createElement('div');
    box.className = 'idle-box';
    const question = document.createElement('p');
    question.textContent = body.dataset.idleQuestion || 'Bạn còn ở đây không?';
    const seconds = document.createElement('p');
    seconds.className = 'idle-seconds';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--primary';
    button.textContent = body.dataset.idleContinue || 'Tôi vẫn ở đây';
    button.addEventListener('click', () => {
      clearInterval(countdownTimer);
      overlay.remove();
      overlay = null;
      resetIdle();
    });
    box.append(question, seconds, button);
    overlay.append(box);
    body.append(overlay);
    let left = countdownSeconds;
    seconds.textContent = String(left);
    countdownTimer = setInterval(() => {
      left -= 1;
      seconds.textContent = String(left);
      if (left <= 0) forget();
    }, 1000);
  }

  function forget() {
    clearInterval(countdownTimer);
    document.querySelectorAll('input, textarea').forEach((field) => {
      if (field.type === 'checkbox' || field.type === 'radio') field.checked = false;
      else if (field.type !== 'hidden') field.value = '';
    });
    location.replace(resetUrl);
  }

  ['pointerdown', 'keydown', 'touchstart', 'input'].forEach((name) =>
    document.addEventListener(name, resetIdle, { passive: true, capture: true }));
  resetIdle();

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

  // ---- On-screen keyboard.
  const LETTERS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
  const DIGITS = ['123', '456', '789', '0'];
  let panel = null;
  let target = null;
  let shift = false;
  let telexOn = true;

  function key(label, action, wide) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'osk-key' + (wide ? ' osk-key--wide' : '');
    button.textContent = label;
    // pointerdown keeps the focus in the input.
    button.addEventListener('pointerdown', (event) => { event.preventDefault(); action(); });
    return button;
  }

  function typeChar(ch) {
    const input = target;
    const value = input.value;
    const caret = input.selectionStart ?? value.length;
    const before = value.slice(0, caret);
    const after = value.slice(input.selectionEnd ?? caret);
    const maxLength = input.maxLength > 0 ? input.maxLength : Infinity;
    let next = before + ch;
    if (telexOn && input.dataset.keyboard === 'text' && /[a-z]/i.test(ch) && window.Telex) {
      const match = before.match(/(\S*)$/);
      next = before.slice(0, before.length - match[1].length) + window.Telex.apply(match[1], ch);
    }
    if ((next + after).length > maxLength) return;
    input.value = next + after;
    input.setSelectionRange(next.length, next.length);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (shift) { shift = false; render(); }
  }

  function backspace() {
    const input = target;
    const caret = input.selectionStart ?? input.value.length;
    if (caret === 0) return;
    const chars = [...input.value.slice(0, caret)];
    chars.pop();
    const before = chars.join('');
    input.value = before + input.value.slice(caret);
    input.setSelectionRange(before.length, before.length);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function close() {
    if (panel) panel.remove();
    panel = null;
    body.style.paddingBottom = '';
    if (target) target.blur();
    target = null;
  }

  function render() {
    panel.replaceChildren();
    const rows = target.dataset.keyboard === 'digits' ? DIGITS : LETTERS;
    rows.forEach((letters, index) => {
      const row = document.createElement('div');
      row.className = 'osk-row';
      [...letters].forEach((ch) => {
        const label = shift ? ch.toUpperCase() : ch;
        row.append(key(label, () => typeChar(label)));
      });
      if (index === rows.length - 1) row.append(key('⌫', backspace, true));
      panel.append(row);
    });
    const last = document.createElement('div');
    last.className = 'osk-row';
    if (target.dataset.keyboard === 'text') {
      last.append(key(shift ? '⇧ ABC' : '⇧ abc', () => { shift = !shift; render(); }, true));
      last.append(key('Telex ' + (telexOn ? '✓' : '✗'), () => { telexOn = !telexOn; render(); }, true));
      const space = key(' ', () => typeChar(' '), true);
      space.classList.add('osk-key--space');
      last.append(space);
    }
    last.append(key('Xong ✓', close, true));
    panel.append(last);
  }

  function open(input) {
    target = input;
    if (!panel) {
      panel = document.createElement('div');
      panel.className = 'osk';
      panel.setAttribute('role', 'group');
      body.append(panel);
    }
    render();
    body.style.paddingBottom = panel.offsetHeight + 'px';
    input.scrollIntoView({ block: 'center' });
  }

  document.addEventListener('focusin', (event) => {
    const input = event.target;
    if (input.matches && input.matches('input[data-keyboard]')) open(input);
  });
  document.addEventListener('pointerdown', (event) => {
    if (panel && !panel.contains(event.target) && !(event.target.matches && event.target.matches('input[data-keyboard]'))) close();
  });

  // Telex on a physical keyboard too, for inputs that ask for it.
  document.addEventListener('keydown', (event) => {
    const input = event.target;
    if (!input.matches || !input.matches('input[data-telex="on"]') || !telexOn || !window.Telex) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1 || !/[a-z]/i.test(event.key)) return;
    event.preventDefault();
    target = input;
    typeChar(event.key);
  });
})();
