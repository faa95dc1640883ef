// A card scanner at the kiosk. USB scanners type the code as keys, very fast, and press Enter, into
// whatever has the focus. This page watches every key: a burst that ends in Enter is a scan, so the
// field it fell into gets back what it held before (no Telex rewriting of a code, no half-typed
// name) and the code goes to the server (POST data-scan-url), which identifies the family.
// Keys typed by a hand, slower, stay where they were typed.
// Contract: <body data-scan-url data-csrf>; needs entry.js.
'use strict';
(function () {
  const body = document.body;
  if (!body.dataset.scanUrl || !window.KioskEntry) return;
  const { isScannerBurst, SCAN } = window.KioskEntry;
  const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'Meta', 'AltGraph']);

  let burst = null;  // { times, chars, field, value, start, end }

  function snapshot() {
    const field = document.activeElement;
    if (!field || !field.matches('input, textarea') || field.type === 'checkbox' || field.type === 'radio') return { field: null };
    return { field, value: field.value, start: field.selectionStart, end: field.selectionEnd };
  }

  function restore(state) {
    if (!state.field) return;
    state.field.value = state.value;
    if (state.start !== null && state.start !== undefined) state.field.setSelectionRange(state.start, state.end);
    state.field.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function submit(code) {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = body.dataset.scanUrl;
    form.hidden = true;
    [['_csrf', body.dataset.csrf || ''], ['code', code]].forEach(([name, value]) => {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.append(input);
    });
    body.append(form);
    form.submit();
  }

  document.addEventListener('keydown', (event) => {
    if (MODIFIERS.has(event.key)) return;
    const now = performance.now();
    if (event.key === 'Enter') {
      const scanned = burst && isScannerBurst(burst.times, now);
      if (scanned) {
        event.preventDefault();
        event.stopImmediatePropagation();
        restore(burst);
        submit(burst.chars.join(''));
      }
      burst = null;
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) { burst = null; return; }
    if (!burst || now - burst.times[burst.times.length - 1] > SCAN.maxGap) burst = { times: [], chars: [], ...snapshot() };
    burst.times.push(now);
    burst.chars.push(event.key);
  }, true);
})();
