// The staff scan station. A keyboard-wedge scanner types the code and presses Enter into
// #scan-input, which always keeps the focus; the verdict fills the screen in green, amber or red
// with a sound made here. Contract: <body class="station" data-scan-url data-csrf data-offline-text>,
// <form id="scan-form" data-site data-activity>, #verdict with .verdict-title/-name/-detail,
// optional #counter[data-counter-url].
'use strict';
(function () {
  const body = document.body;
  const form = document.getElementById('scan-form');
  const input = document.getElementById('scan-input');
  const verdict = document.getElementById('verdict');
  const counter = document.getElementById('counter');
  if (!form || !input || !verdict) return;

  // ---- Focus: back to the scan field, except while staff use a control that asks to keep it.
  function refocus() {
    const active = document.activeElement;
    if (active && active !== input && active.closest('[data-keep-focus="off"]')) return;
    if (active !== input) input.focus();
  }
  input.addEventListener('blur', () => setTimeout(refocus, 0));
  document.addEventListener('click', () => setTimeout(refocus, 0));
  refocus();
  document.querySelectorAll('select[data-autosubmit]').forEach((select) =>
    select.addEventListener('change', () => select.form.submit()));

  // ---- Sound, made by the page with Web Audio; created on the first gesture.
  let audio = null;
  function ensureAudio() {
    if (!audio && window.AudioContext) audio = new AudioContext();
  }
  ['keydown', 'pointerdown'].forEach((name) => document.addEventListener(name, ensureAudio, { once: true }));

  function tone(frequency, start, duration) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    oscillator.type = frequency < 300 ? 'square' : 'sine';
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(audio.currentTime + start);
    oscillator.stop(audio.currentTime + start + duration);
  }

  function beep(outcome) {
    if (!audio) return;
    if (outcome === 'accepted') tone(880, 0, 0.12);
    else if (outcome === 'warning') { tone(600, 0, 0.12); tone(600, 0.2, 0.12); }
    else tone(220, 0, 0.4);
  }

  // ---- The verdict, full screen; texts set with textContent only. A verdict may offer an action
  // (register a walk-in): its button stays a little longer.
  let hideTimer = null;
  const offerButton = verdict.querySelector('.verdict-offer');
  const reasonField = verdict.querySelector('.verdict-reason');
  const reasonInput = reasonField && reasonField.querySelector('input');
  function showVerdict(answer) {
    const outcome = ['accepted', 'warning', 'refused'].includes(answer.outcome) ? answer.outcome : 'refused';
    verdict.className = 'verdict verdict--' + outcome;
    verdict.querySelector('.verdict-title').textContent = answer.title || '';
    verdict.querySelector('.verdict-name').textContent = answer.name || '';
    verdict.querySelector('.verdict-detail').textContent = answer.detail || '';
    // The disk took nothing: the answer stands, but staff must write it down.
    verdict.querySelector('.verdict-unrecorded').hidden = answer.recorded !== false;
    if (offerButton) {
      offerButton.hidden = !answer.offer;
      offerButton.textContent = answer.offer ? answer.offer.label : '';
      offerButton.dataset.action = answer.offer ? answer.offer.action : '';
    }
    // An offer that asks a reason stays until staff answer it or scan on.
    const asks = !!(answer.offer && answer.offer.reason && reasonField);
    verdict.classList.toggle('verdict--asks', asks);
    if (reasonField) {
      reasonField.hidden = !asks;
      reasonField.querySelector('span').textContent = asks ? answer.offer.reason : '';
      reasonInput.value = '';
    }
    verdict.hidden = false;
    beep(outcome);
    clearTimeout(hideTimer);
    if (asks) reasonInput.focus();
    else hideTimer = setTimeout(() => { verdict.hidden = true; }, answer.offer ? 6000 : 2500);
  }

  async function post(url, payload) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': body.dataset.csrf },
        body: JSON.stringify(payload),
      });
      showVerdict(await response.json());
    } catch (error) {
      showVerdict({ outcome: 'refused', title: body.dataset.offlineText || 'Offline' });
    }
  }

  function act(action, reason) {
    const payload = { action, site: form.dataset.site, activity: form.dataset.activity || '' };
    if (reason !== undefined) payload.reason = reason;
    return post('/api/station-action', payload);
  }
  function takeOffer() {
    const asks = reasonField && !reasonField.hidden;
    if (asks && !reasonInput.value.trim()) { reasonInput.focus(); return; }
    act(offerButton.dataset.action, asks ? reasonInput.value : undefined);
    input.focus();
  }
  if (offerButton) offerButton.addEventListener('click', takeOffer);
  if (reasonInput) reasonInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); takeOffer(); }
  });

  // ---- Lost ticket: find a registered child by name and let them in by hand.
  const searchForm = document.getElementById('search-form');
  const results = document.getElementById('search-results');
  if (searchForm && results) {
    searchForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const query = document.getElementById('search-input').value;
      const response = await fetch(searchForm.dataset.searchUrl + '&q=' + encodeURIComponent(query), { credentials: 'same-origin' });
      const data = await response.json();
      results.replaceChildren(...data.items.map((item) => {
        const row = document.createElement('li');
        const name = document.createElement('b');
        name.textContent = item.name;
        const detail = document.createElement('span');
        detail.textContent = ' ' + item.detail + ' ';
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button button--primary';
        button.textContent = item.label;
        button.addEventListener('click', () => act(item.action));
        row.append(name, detail, button);
        return row;
      }));
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = input.value;
    input.value = '';  // ready for the next scan at once
    if (!code.trim()) return;
    verdict.hidden = true;
    await post(body.dataset.scanUrl, { code, site: form.dataset.site, activity: form.dataset.activity || null });
  });

  // ---- Live counter.
  async function poll() {
    if (!counter || document.hidden) return;
    try {
      const response = await fetch(counter.dataset.counterUrl, { credentials: 'same-origin' });
      const data = await response.json();
      counter.replaceChildren(...data.items.map((item) => {
        const span = document.createElement('span');
        span.className = 'counter-item';
        const value = document.createElement('b');
        value.textContent = item.value;
        span.append(value, ' ' + item.label);
        return span;
      }));
    } catch (error) { /* the next poll tries again */ }
  }
  if (counter) { poll(); setInterval(poll, 3000); }

  // ---- Whether the service can save (its /healthz): if not, a banner says that scans are not recorded.
  const saveWarning = document.getElementById('save-warning');
  async function checkSaving() {
    if (!saveWarning || document.hidden) return;
    try {
      const response = await fetch('/healthz', { credentials: 'same-origin', cache: 'no-store' });
      saveWarning.hidden = response.ok;
    } catch (error) { /* offline: the scans say so themselves */ }
  }
  if (saveWarning) { checkSaving(); setInterval(checkSaving, 10000); }

  window.Station = { showVerdict };
})();
