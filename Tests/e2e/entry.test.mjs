// The kiosk's input decisions: school suggestions, the date on the number pad, a scanner's burst.
// Run: node --test Tests/e2e/entry.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const Entry = createRequire(import.meta.url)('../../kiosk-assets/js/entry.js');
const SCHOOLS = ['Trường Tiểu học Lê Ngọc Hân', 'Trường Tiểu học Nguyễn Bỉnh Khiêm', 'Trường THCS Đinh Tiên Hoàng',
                 'Trường Mầm non Bến Nghé'];

test('a school is found by the first letters of any of its words, tone marks and đ ignored', () => {
  assert.deepEqual(Entry.suggest(SCHOOLS, 'ngu', 4), ['Trường Tiểu học Nguyễn Bỉnh Khiêm']);
  assert.deepEqual(Entry.suggest(SCHOOLS, 'dinh', 4), ['Trường THCS Đinh Tiên Hoàng']);
  assert.deepEqual(Entry.suggest(SCHOOLS, 'BẾN', 4), ['Trường Mầm non Bến Nghé']);
  assert.deepEqual(Entry.suggest(SCHOOLS, 'tieu hoc ng', 4), ['Trường Tiểu học Lê Ngọc Hân', 'Trường Tiểu học Nguyễn Bỉnh Khiêm']);
  assert.deepEqual(Entry.suggest(SCHOOLS, 'truong', 2), SCHOOLS.slice(0, 2), 'at most the limit');
  assert.deepEqual(Entry.suggest(SCHOOLS, 'xyz', 4), [], 'another school is typed freely');
  assert.deepEqual(Entry.suggest(SCHOOLS, 'Trường Mầm non Bến Nghé', 4), [], 'nothing more once it is typed whole');
});

function typeDate(keys, century) {
  let digits = '';
  for (const key of keys) digits = Entry.datePress(digits, key, century);
  return Entry.dateShown(digits, century);
}

test('a date is typed day, month, year on the pad, the century given', () => {
  assert.equal(typeDate('090917', '20'), '09/09/2017');
  assert.equal(typeDate('9917', '20'), '09/09/2017', 'a day from 4 and a month from 2 need no zero');
  assert.equal(typeDate('3112', '20'), '31/12/20');
  assert.equal(typeDate('01062015', ''), '01/06/2015');
  assert.equal(typeDate('0909171', '20'), '09/09/2017', 'keys after a whole date do nothing');
  assert.ok(Entry.dateComplete(Entry.dateDigits('09/09/2017', '20'), '20'));
  assert.ok(!Entry.dateComplete(Entry.dateDigits('09/09/20', '20'), '20'));
});

test('a shown date gives back what was typed, also half typed', () => {
  assert.equal(Entry.dateDigits('09/09/2017', '20'), '090917');
  assert.equal(Entry.dateDigits('09/09/20', '20'), '0909');
  assert.equal(Entry.dateDigits('09/0', '20'), '090');
  assert.equal(Entry.dateDigits('01/06/2015', ''), '01062015');
  assert.equal(Entry.dateDigits('', '20'), '');
});

test('a scanner is a fast burst, a person is not', () => {
  const burst = (count, gap) => Array.from({ length: count }, (_, i) => i * gap);
  assert.ok(Entry.isScannerBurst(burst(40, 8), 40 * 8));
  assert.ok(Entry.isScannerBurst(burst(6, 8), 6 * 8), 'six characters are a code');
  assert.ok(!Entry.isScannerBurst(burst(5, 8), 5 * 8), 'five characters and Enter are not');
  assert.ok(!Entry.isScannerBurst(burst(40, 120), 40 * 120), 'a quick typist');
  assert.ok(!Entry.isScannerBurst([0, 5, 10, 15, 400, 405, 410], 415), 'a pause in the middle');
  assert.ok(!Entry.isScannerBurst(burst(10, 8), 2000), 'Enter pressed by hand after a burst');
});

test('a name word begins after nothing or a space', () => {
  assert.ok(Entry.beginsWord(''));
  assert.ok(Entry.beginsWord('Lý '));
  assert.ok(!Entry.beginsWord('L'));
});
