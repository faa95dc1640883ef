// The on-screen keyboard of the kiosk. A field (an input, or a textarea for a longer text) says
// which keys it needs with data-keyboard: text (letters, Telex for Vietnamese, a name's words capitalised as typed with
// data-capitalize="words", suggestions from a <ul id=data-suggestions> shown above the keys), code
// (capitals, digits and dots, no Telex), digits (a phone: data-complete="phone" moves on once it
// is whole) and date (typed dd/mm/yyyy, data-century fills the year's first two digits).
// Keys are drawn once per layout and relabelled in place, so a key is never taken away from under
// the finger that pressed it. The focused field always stays visible above the keys; "Next" moves
// to the next field. Needs entry.js and telex.js.
'use strict';
(function () {
  const body = document.body;
  const Entry = window.KioskEntry;
  const LAYOUTS = {
    text: ['qwertyuiop', 'asdfghjkl', 'zxcvbnm⌫', '⇧§ ↵'],
    code: ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL.', 'ZXCVBNM⌫↵'],
    digits: ['123', '456', '789', '⌫0↵'],
  };
  LAYOUTS.date = LAYOUTS.digits;

  let panel = null;
  let strip = null;
  let layout = null;
  let target = null;
  let shift = false;
  let telexOn = true;
  // A touch that follows a key within GUARD_MS is taken for part of the same tap: its click is
  // swallowed (the key under the finger may have moved on), and after the keys changed under the
  // finger (the next field, another pad, the keyboard gone) a second tap of a double tap does nothing.
  const GUARD_MS = 450;
  let clicksIgnoredUntil = 0;
  let tapsIgnoredUntil = 0;

  const layoutOf = (input) => input.dataset.keyboard;
  const fieldsOf = (input) => [...(input.form || document).querySelectorAll('[data-keyboard], input[type=radio], input[type=checkbox]')];

  // ---- Typing.
  function put(value, caret) {
    target.value = value;
    target.setSelectionRange(caret, caret);
    target.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function capitalised() {
    if (shift) return true;
    if (target.dataset.capitalize !== 'words') return false;
    return Entry.beginsWord(target.value.slice(0, target.selectionStart ?? target.value.length));
  }

  function typeChar(ch) {
    if (layoutOf(target) === 'date') { typeDateDigit(ch); return; }
    const value = target.value;
    const caret = target.selectionStart ?? value.length;
    const before = value.slice(0, caret);
    const after = value.slice(target.selectionEnd ?? caret);
    const letter = /[a-z]/i.test(ch) && layoutOf(target) === 'text' && capitalised() ? ch.toUpperCase() : ch;
    let next = before + letter;
    if (telexOn && target.dataset.telex === 'on' && /[a-z]/i.test(ch) && window.Telex) {
      const word = before.match(/(\S*)$/)[1];
      next = before.slice(0, before.length - word.length) + window.Telex.apply(word, letter);
    }
    const maxLength = target.maxLength > 0 ? target.maxLength : Infinity;
    if ([...(next + after)].length > maxLength) return;
    put(next + after, next.length);
    shift = false;
    if (layoutOf(target) === 'digits' && target.dataset.complete === 'phone' && /^0\d{9}$/.test(target.value)) advance();
  }

  function typeDateDigit(digit) {
    const century = target.dataset.century || '';
    const before = Entry.dateDigits(target.value, century);
    if (Entry.dateComplete(before, century)) return;
    const digits = Entry.datePress(before, digit, century);
    const shown = Entry.dateShown(digits, century);
    put(shown, shown.length);
    const year = Number(shown.slice(6));
    const inRange = year >= Number(target.dataset.minYear || 0) && year <= Number(target.dataset.maxYear || 9999);
    target.classList.toggle('field-invalid', Entry.dateComplete(digits, century) && !inRange);
    if (Entry.dateComplete(digits, century) && inRange) advance();
  }

  function backspace() {
    if (layoutOf(target) === 'date') {
      const century = target.dataset.century || '';
      const digits = Entry.dateDigits(target.value, century).slice(0, -1);
      const shown = Entry.dateShown(digits, century);
      put(shown, shown.length);
      return;
    }
    const caret = target.selectionStart ?? target.value.length;
    if (caret === 0) return;
    const chars = [...target.value.slice(0, caret)];
    chars.pop();
    const before = chars.join('');
    put(before + target.value.slice(caret), before.length);
  }

  // ---- Moving between fields.
  /** The field after the current one: a keyboard field gets the focus, a choice is shown. */
  function advance() {
    const fields = fieldsOf(target);
    const here = fields.indexOf(target);
    const next = fields.slice(here + 1).find((field) => field.type !== 'radio' || field.name !== target.name);
    if (!next || LAYOUTS[next.dataset.keyboard] !== LAYOUTS[layout]) {
      tapsIgnoredUntil = performance.now() + GUARD_MS;  // the keys change or go away under the finger
      clicksIgnoredUntil = tapsIgnoredUntil;
    }
    if (next && next.dataset.keyboard) { next.focus(); return; }
    const shown = next ? next.closest('.form-field') : (target.form && target.form.querySelector('.actions--form'));
    close();
    if (shown) shown.scrollIntoView({ block: 'center' });
  }

  function hasNext() {
    const fields = fieldsOf(target);
    return fields.indexOf(target) < fields.length - 1;
  }

  // ---- Drawing.
  /** Handles a press on the keyboard: the focus stays in the field, and the click that follows the
   * touch is swallowed, since the key under the finger may be gone (moved to the next field). */
  function pressed(event, action) {
    event.preventDefault();
    event.stopPropagation();
    const now = performance.now();
    clicksIgnoredUntil = Math.max(clicksIgnoredUntil, now + GUARD_MS);
    if (now < tapsIgnoredUntil) return;
    action();
  }

  function key(label, press, kind, ch) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'osk-key osk-key--' + kind;
    button.textContent = label;
    if (ch) button.dataset.char = ch;
    button.addEventListener('pointerdown', (event) => pressed(event, () => { press(button); relabel(); }));
    return button;
  }

  function build() {
    panel.replaceChildren();
    strip = document.createElement('div');
    strip.className = 'osk-suggestions';
    panel.append(strip);
    LAYOUTS[layout].forEach((keys) => {
      const row = document.createElement('div');
      row.className = 'osk-row';
      [...keys].forEach((ch) => {
        if (ch === '⌫') row.append(key('⌫', backspace, 'wide'));
        else if (ch === '⇧') row.append(key('⇧', () => { shift = !shift; }, 'shift'));
        else if (ch === '§') row.append(key('Telex', () => { telexOn = !telexOn; }, 'telex'));
        else if (ch === ' ') row.append(key(' ', () => typeChar(' '), 'space'));
        else if (ch === '↵') row.append(key('', advance, 'next'));
        else row.append(key(ch, (button) => typeChar(button.dataset.char), 'char', ch));
      });
      panel.append(row);
    });
  }

  /** Puts the labels in step with the state (capitals, Telex, next or done) without redrawing. */
  function relabel() {
    if (!panel || !target) return;
    const upper = layout === 'text' && capitalised();
    panel.querySelectorAll('.osk-key--char').forEach((button) => {
      button.textContent = upper ? button.dataset.char.toUpperCase() : button.dataset.char;
    });
    panel.querySelectorAll('.osk-key--shift').forEach((button) => button.classList.toggle('osk-key--on', upper));
    panel.querySelectorAll('.osk-key--telex').forEach((button) => {
      button.textContent = 'Telex ' + (telexOn ? '✓' : '✗');
      button.classList.toggle('osk-key--on', telexOn);
    });
    panel.querySelectorAll('.osk-key--next').forEach((button) => {
      button.textContent = hasNext() ? (body.dataset.keyNext || 'Next ▸') : (body.dataset.keyDone || 'Done ✓');
    });
    showSuggestions();
  }

  function showSuggestions() {
    strip.replaceChildren();
    const list = target.dataset.suggestions && document.getElementById(target.dataset.suggestions);
    if (!list) { strip.hidden = true; return; }
    const names = [...list.querySelectorAll('li')].map((item) => item.textContent);
    const offered = Entry.suggest(names, target.value, 4);
    strip.hidden = offered.length === 0;
    offered.forEach((name) => {
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'osk-chip';
      chip.textContent = name;
      chip.addEventListener('pointerdown', (event) => pressed(event, () => { put(name, name.length); advance(); }));
      strip.append(chip);
    });
  }

  /** Scrolls so that the field (with its label, where both fit) sits between the header and the keys. */
  function keepVisible() {
    if (!panel || !target) return;
    const header = document.querySelector('.kiosk-header');
    const top = header ? header.getBoundingClientRect().bottom : 0;
    const bottom = window.innerHeight - panel.offsetHeight;
    const box = target.closest('.form-field') || target;
    let rect = box.getBoundingClientRect();
    if (rect.height > bottom - top - 16) rect = target.getBoundingClientRect();
    if (rect.top >= top + 8 && rect.bottom <= bottom - 8) return;
    window.scrollBy({ top: rect.top - (top + Math.max(8, (bottom - top - rect.height) / 2)), behavior: 'instant' });
  }

  function open(input) {
    target = input;
    if (!panel) {
      panel = document.createElement('div');
      panel.className = 'osk';
      panel.setAttribute('role', 'group');
      // A touch between the keys keeps the focus in the field.
      panel.addEventListener('pointerdown', (event) => event.preventDefault());
      panel.addEventListener('mousedown', (event) => event.preventDefault());
      body.append(panel);
    }
    if (layout !== layoutOf(input)) {
      layout = layoutOf(input);
      panel.dataset.layout = layout;
      build();
    }
    shift = false;
    relabel();
    body.style.paddingBottom = panel.offsetHeight + 'px';
    keepVisible();
  }

  /** Takes the keys away. The room left for them at the bottom stays: taking it back would scroll
   * the page under a finger that is tapping a button. */
  function close() {
    if (panel) panel.remove();
    panel = null;
    layout = null;
    if (target) target.blur();
    target = null;
  }

  document.addEventListener('focusin', (event) => {
    if (event.target.matches && event.target.matches('[data-keyboard]')) open(event.target);
  });
  document.addEventListener('pointerdown', (event) => {
    if (panel && !panel.contains(event.target) && !(event.target.matches && event.target.matches('[data-keyboard]'))) close();
  });
  document.addEventListener('click', (event) => {
    if (performance.now() >= clicksIgnoredUntil) return;
    event.preventDefault();
    event.stopPropagation();
  }, true);
  // Nor does a tap on the page right after the keys went away under the finger.
  document.addEventListener('pointerdown', (event) => {
    if (performance.now() >= tapsIgnoredUntil || (panel && panel.contains(event.target))) return;
    event.preventDefault();
    event.stopPropagation();
  }, true);
  document.addEventListener('input', (event) => { if (event.target === target) relabel(); });
  window.addEventListener('resize', () => { if (panel) { body.style.paddingBottom = panel.offsetHeight + 'px'; keepVisible(); } });

  // Telex on a physical keyboard too, for fields that ask for it.
  document.addEventListener('keydown', (event) => {
    const input = event.target;
    if (!input.matches || !input.matches('[data-telex="on"]') || !telexOn || !window.Telex) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1 || !/[a-z]/i.test(event.key)) return;
    event.preventDefault();
    target = input;
    typeChar(event.key);
  });

  // A form opens with its keyboard on the field that needs an answer: the one with an error, else
  // the first empty one (a card code is scanned, not typed, so it is skipped).
  const first = document.querySelector('.form-field--error [data-keyboard]')
    || [...document.querySelectorAll('[data-keyboard]')].find((input) => input.dataset.keyboard !== 'code' && !input.value);
  if (first) first.focus();
})();
