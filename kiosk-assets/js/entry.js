// What the kiosk's input needs to decide, as plain functions: folding text to find a school by its
// first letters, typing a date on a number pad, telling a scanner's burst of keys from a person's
// typing. Works in the browser (window.KioskEntry) and Node (the tests).
'use strict';
(function (root) {
  /** Lower case, tone marks removed, đ as d: "Trường Đinh" → "truong dinh". */
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
      .split(/\s+/).filter(Boolean).join(' ');
  }

  /** The entries of `list` in which every word typed begins a word, at most `limit` of them. */
  function suggest(list, typed, limit) {
    const words = fold(typed).split(' ').filter(Boolean);
    const matches = list.filter((entry) => {
      const entryWords = fold(entry).split(' ');
      return words.every((word) => entryWords.some((candidate) => candidate.startsWith(word)));
    });
    return matches.filter((entry) => fold(entry) !== fold(typed)).slice(0, limit);
  }

  // ---- A date on the number pad: the digits typed, shown as dd/mm/yyyy. With a century ("20")
  // the parent types only the last two digits of the year.
  function dateLength(century) { return century ? 6 : 8; }

  /** The digits a shown date stands for (what was typed), also while it is half typed. */
  function dateDigits(shown, century) {
    const parts = (shown || '').split('/');
    let year = parts[2] || '';
    if (century) year = year.startsWith(century) ? year.slice(century.length) : '';
    return ((parts[0] || '') + (parts[1] || '') + year).replace(/\D/g, '').slice(0, dateLength(century));
  }

  /** The digits after pressing `digit`: a day from 4 or a month from 2 gets its leading zero. */
  function datePress(digits, digit, century) {
    if (digits.length >= dateLength(century)) return digits;
    if (digits.length === 0 && digit > '3') return '0' + digit;
    if (digits.length === 2 && digit > '1') return digits + '0' + digit;
    return digits + digit;
  }

  /** How the digits are shown: "0909" → "09/09/20" with century "20". */
  function dateShown(digits, century) {
    let shown = digits.slice(0, 2);
    if (digits.length >= 2) shown += '/' + digits.slice(2, 4);
    if (digits.length >= 4) shown += '/' + (century || '') + digits.slice(4);
    return shown;
  }

  function dateComplete(digits, century) { return digits.length === dateLength(century); }

  // ---- A scanner types a code far faster than a hand: at least `minLength` characters, each key
  // (and the Enter after them) no more than `maxGap` ms after the one before.
  const SCAN = { minLength: 6, maxGap: 50 };

  /** Whether the times (ms) of a code's keys and of the Enter that ended them are a scanner's burst. */
  function isScannerBurst(keyTimes, enterTime) {
    if (keyTimes.length < SCAN.minLength) return false;
    const times = keyTimes.concat([enterTime]);
    for (let i = 1; i < times.length; i += 1) if (times[i] - times[i - 1] > SCAN.maxGap) return false;
    return true;
  }

  /** Whether a letter typed after `before` begins a word (and so is a capital in a name). */
  function beginsWord(before) { return before === '' || /\s$/.test(before); }

  const KioskEntry = { fold, suggest, dateDigits, datePress, dateShown, dateComplete, isScannerBurst, beginsWord, SCAN };
  if (typeof module !== 'undefined' && module.exports) module.exports = KioskEntry;
  else root.KioskEntry = KioskEntry;
})(typeof window !== 'undefined' ? window : globalThis);
