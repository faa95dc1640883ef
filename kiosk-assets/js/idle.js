// The kiosk's idle reset, agreed with the server. The server forgets a session `idleSeconds` after
// its last request; while a family touches the screen this page tells it so (POST data-alive-url,
// at most every few seconds, and once more after the last touch), and counts its own countdown from
// the last time it told the server. So the countdown ends when the server forgets, never after.
// Contract: <body data-idle-seconds data-reset-url data-alive-url data-csrf data-idle-question data-idle-continue>.
'use strict';
(function () {
  const body = document.body;
  const idleMs = Number(body.dataset.idleSeconds || 90) * 1000;
  const countdownMs = Math.min(10, Math.max(2, Math.floor(idleMs / 3000))) * 1000;
  const heartbeatGapMs = Math.min(5000, idleMs / 4);

  let lastTold = performance.now();  // loading this page was a request
  let pending = false;
  let heartbeatTimer = null;
  let idleTimer = null;
  let tickTimer = null;
  let overlay = null;

  function tellServer() {
    clearTimeout(heartbeatTimer);
    heartbeatTimer = null;
    pending = false;
    lastTold = performance.now();
    schedule();
    if (!body.dataset.aliveUrl) return;
    fetch(body.dataset.aliveUrl, { method: 'POST', credentials: 'same-origin', keepalive: true,
                                   headers: { 'X-CSRF-Token': body.dataset.csrf || '' } }).catch(() => {});
  }

  /** A touch or a key: tell the server now, or once the gap since the last word has passed. */
  function touched() {
    if (overlay) return;  // only the overlay's own button continues
    pending = true;
    const wait = lastTold + heartbeatGapMs - performance.now();
    if (wait <= 0) tellServer();
    else if (!heartbeatTimer) heartbeatTimer = setTimeout(() => { if (pending) tellServer(); }, wait);
  }

  function schedule() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(showCountdown, Math.max(0, lastTold + idleMs - countdownMs - performance.now()));
  }

  function secondsLeft() { return Math.max(0, Math.ceil((lastTold + idleMs - performance.now()) / 1000)); }

  function showCountdown() {
    if (pending) { tellServer(); return; }  // a touch is still to be told: the family is here
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
    button.className = 'button button--primary idle-continue';
    button.textContent = body.dataset.idleContinue || 'Tôi vẫn ở đây';
    button.addEventListener('click', () => {
      clearInterval(tickTimer);
      overlay.remove();
      overlay = null;
      tellServer();
    });
    box.append(question, seconds, button);
    overlay.append(box);
    body.append(overlay);
    const tick = () => {
      const left = secondsLeft();
      seconds.textContent = String(left);
      if (left <= 0) forget();
    };
    tick();
    tickTimer = setInterval(tick, 250);
  }

  function forget() {
    clearInterval(tickTimer);
    document.querySelectorAll('input, textarea').forEach((field) => {
      if (field.type === 'checkbox' || field.type === 'radio') field.checked = false;
      else if (field.type !== 'hidden') field.value = '';
    });
    location.replace(body.dataset.resetUrl || '/');
  }

  ['pointerdown', 'keydown', 'touchstart', 'input'].forEach((name) =>
    document.addEventListener(name, touched, { passive: true, capture: true }));
  schedule();
})();
