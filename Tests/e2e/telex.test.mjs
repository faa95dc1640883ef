// The Telex engine of the on-screen keyboard. Run: node --test Tests/e2e/telex.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const Telex = createRequire(import.meta.url)('../../kiosk-assets/js/telex.js');

const cases = [
  ['Nguyeenx Vawn An', 'Nguyễn Văn An'],
  ['DDawngj Thij Asnh', 'Đặng Thị Ánh'],
  ['truwowngf', 'trường'],
  ['nguwowif', 'người'],
  ['dduwowcj', 'được'],
  ['Vieetj Nam', 'Việt Nam'],
  ['Thanhf phoos Hoof Chis Minh', 'Thành phố Hồ Chí Minh'],
  ['hoaf', 'hòa'],
  ['thuyr', 'thủy'],
  ['khoer', 'khỏe'],
  ['quaf', 'quà'],
  ['gias', 'giá'],
  ['tieengs', 'tiếng'],
  ['muaf', 'mùa'],
];

for (const [typed, expected] of cases) {
  test(`${typed} types ${expected}`, () => assert.equal(Telex.type(typed), expected));
}

test('a tone key typed twice undoes the tone and types the letter', () => {
  assert.equal(Telex.type('ass'), 'as');
  assert.equal(Telex.apply('á', 's'), 'as');
});

test('a mark typed twice undoes the mark', () => {
  assert.equal(Telex.type('aa'), 'â');
  assert.equal(Telex.type('aaa'), 'aa');
  assert.equal(Telex.type('dd'), 'đ');
  assert.equal(Telex.type('ddd'), 'dd');
});

test('z removes a tone, and is a letter when there is none', () => {
  assert.equal(Telex.apply('hòa', 'z'), 'hoa');
  assert.equal(Telex.type('z'), 'z');
});

test('the tone moves when the word grows', () => {
  assert.equal(Telex.type('toans'), 'toán');
  assert.equal(Telex.type('hoafn'), 'hoàn');
  assert.equal(Telex.type('toanf'), 'toàn');
});

test('case is kept', () => {
  assert.equal(Telex.type('DDAWNGJ'), 'ĐẶNG');
  assert.equal(Telex.type('Aans'), 'Ấn');
});
