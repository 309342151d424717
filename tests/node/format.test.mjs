// SVG coordinates: SVG reads numbers as 32-bit floats, so a blown-up loss or weight written as a
// coordinate (−6.9e40) made Chromium refuse the whole polyline with a console error (found by the
// monkey test). svgNumber pins coordinates within ±1e6 and keeps ordinary ones as toFixed does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { svgNumber } from '../../www/lib/format.js';

test('svgNumber writes ordinary coordinates as toFixed does', () => {
  assert.equal(svgNumber(12.345, 2), '12.35');
  assert.equal(svgNumber(-0.04, 1), '-0.0');
  assert.equal(svgNumber(999999.5, 1), '999999.5');
});

test('svgNumber pins coordinates past ±1e6, which SVG could not read, to the limit', () => {
  assert.equal(svgNumber(-6.9438493153239e40, 1), '-1000000.0');
  assert.equal(svgNumber(1e300, 2), '1000000.00');
  assert.equal(svgNumber(Number.NEGATIVE_INFINITY, 2), '-1000000.00');
  for (const value of [-6.9438493153239e40, 1e300, 3.5e38]) {
    assert.ok(Math.abs(Number(svgNumber(value, 1))) < 3.4e38, 'within float32');
  }
});
