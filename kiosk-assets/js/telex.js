// Telex: type Vietnamese on a plain keyboard. aa→â, aw→ă, ee→ê, oo→ô, ow→ơ, uw→ư, dd→đ;
// tones s (sắc), f (huyền), r (hỏi), x (ngã), j (nặng), z removes the tone; the same key twice
// undoes it and types the letter. Tones go on the vowel modern spelling uses (hòa, thủy: the
// "old style" most Vietnamese keyboards default to). Works in the browser (window.Telex) and Node.
'use strict';
(function (root) {
  const TONES = { s: 1, f: 2, r: 3, x: 4, j: 5 };
  // Each base vowel with its five toned forms, in the order: none, sắc, huyền, hỏi, ngã, nặng.
  const TABLE = [
    'aáàảãạ', 'ăắằẳẵặ', 'âấầẩẫậ', 'eéèẻẽẹ', 'êếềểễệ', 'iíìỉĩị',
    'oóòỏõọ', 'ôốồổỗộ', 'ơớờởỡợ', 'uúùủũụ', 'ưứừửữự', 'yýỳỷỹỵ',
  ];
  const INFO = new Map();  // lower-case char → { base, tone }
  TABLE.forEach((row) => [...row].forEach((ch, tone) => INFO.set(ch, { base: row[0], tone })));

  const isUpper = (ch) => ch !== ch.toLowerCase();
  const withCase = (ch, upper) => (upper ? ch.toUpperCase() : ch);
  const toned = (base, tone) => TABLE.find((row) => row[0] === base)[tone];
  const info = (ch) => INFO.get(ch.toLowerCase());

  // Where the tone goes in the word's vowel cluster.
  function tonePosition(chars) {
    const vowels = [];
    chars.forEach((ch, i) => { if (info(ch)) vowels.push(i); });
    if (vowels.length === 0) return -1;
    // A cluster: the last run of consecutive vowels.
    let end = vowels[vowels.length - 1];
    let start = end;
    while (start - 1 >= 0 && info(chars[start - 1])) start -= 1;
    const cluster = [];
    for (let i = start; i <= end; i += 1) cluster.push(i);
    // "qu" and "gi": the u / i belong to the consonant.
    const first = chars[start] && chars[start].toLowerCase();
    const before = start > 0 ? chars[start - 1].toLowerCase() : '';
    if (cluster.length > 1 && ((first === 'u' && before === 'q') || (first === 'i' && before === 'g'))) cluster.shift();
    // A vowel with a mark (ê, ơ, â, ă, ô, ư) takes the tone; in ươ the ơ does.
    const marked = cluster.filter((i) => 'ăâêôơư'.includes(info(chars[i]).base));
    if (marked.length) return marked[marked.length - 1];
    if (cluster.length === 1) return cluster[0];
    const hasFinal = end + 1 < chars.length;
    if (cluster.length === 3 || hasFinal) return cluster[1];
    return cluster[0];  // hòa, thủy, mía
  }

  function currentTone(chars) {
    for (const ch of chars) { const i = info(ch); if (i && i.tone) return i.tone; }
    return 0;
  }

  function setTone(chars, tone) {
    // Remove any tone, then place the new one.
    const plain = chars.map((ch) => { const i = info(ch); return i ? withCase(i.base, isUpper(ch)) : ch; });
    if (tone === 0) return plain;
    const at = tonePosition(plain);
    if (at < 0) return null;
    const i = info(plain[at]);
    plain[at] = withCase(toned(i.base, tone), isUpper(plain[at]));
    return plain;
  }

  // Turns a base vowel into its marked form (a→â by "a", a→ă by "w", …), keeping the tone.
  function mark(chars, key) {
    const k = key.toLowerCase();
    const rules = k === 'w' ? { a: 'ă', o: 'ơ', u: 'ư' } : { [k]: { a: 'â', e: 'ê', o: 'ô' }[k] };
    const tone = currentTone(chars);
    for (let i = chars.length - 1; i >= 0; i -= 1) {
      const ch = chars[i];
      const inf = info(ch);
      if (!inf) { if (i < chars.length - 1 && k !== 'w') break; continue; }
      const target = rules[inf.base];
      if (target) {
        const next = chars.slice();
        next[i] = withCase(target, isUpper(ch));
        // "uo" + w marks both: ươ.
        if (k === 'w' && inf.base === 'o' && i > 0 && info(next[i - 1]) && info(next[i - 1]).base === 'u') {
          next[i - 1] = withCase('ư', isUpper(next[i - 1]));
        }
        return tone ? setTone(next, tone) : next;
      }
      // Typing the mark again undoes it: â + a → aa.
      const undo = { â: 'a', ê: 'e', ô: 'o', ă: 'a', ơ: 'o', ư: 'u' }[inf.base];
      if (undo && ((k === 'w' && 'ăơư'.includes(inf.base)) || (k !== 'w' && undo === k))) {
        const next = chars.slice();
        next[i] = withCase(undo, isUpper(ch));
        return (tone ? setTone(next, tone) : next).concat([key]);
      }
      if (k !== 'w') return null;
    }
    return null;
  }

  /** The word after typing `key` at its end. */
  function apply(word, key) {
    const chars = [...word];
    const k = key.toLowerCase();
    if (k === 'd' && chars.length && chars[chars.length - 1].toLowerCase() === 'd') {
      chars[chars.length - 1] = isUpper(chars[chars.length - 1]) ? 'Đ' : 'đ';
      return chars.join('');
    }
    if (k === 'd' && chars.length && chars[chars.length - 1].toLowerCase() === 'đ') {
      chars[chars.length - 1] = isUpper(chars[chars.length - 1]) ? 'D' : 'd';
      return chars.join('') + key;
    }
    if (k in TONES || k === 'z') {
      const tone = k === 'z' ? 0 : TONES[k];
      const had = currentTone(chars);
      if (had === tone && tone !== 0) {  // the same tone key twice: undo, type the letter
        return setTone(chars, 0).join('') + key;
      }
      if (k === 'z' && had === 0) return word + key;
      const next = setTone(chars, tone);
      return next ? next.join('') : word + key;
    }
    if ('aeow'.includes(k)) {
      const next = mark(chars, key);
      if (next) return next.join('');
    }
    // A letter that grows the word may move its tone: hòa + n → hoàn.
    const grown = chars.concat([key]);
    const tone = currentTone(chars);
    return (tone && /[a-z]/i.test(key) ? setTone(grown, tone) || grown : grown).join('');
  }

  /** Feeds a whole text key by key; spaces separate words. */
  function type(text) {
    return text.split(' ').map((word) => [...word].reduce(apply, '')).join(' ');
  }

  const Telex = { apply, type };
  if (typeof module !== 'undefined' && module.exports) module.exports = Telex;
  else root.Telex = Telex;
})(typeof window !== 'undefined' ? window : globalThis);
