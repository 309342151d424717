// How numbers and symbols read on screen: 4 significant digits, a true minus sign, and symbols
// such as w⁽¹⁾₁₂ written with Unicode sub- and superscripts.

const MINUS = '\u2212';
const SUPERSCRIPTS = {
  0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹',
  '(': '⁽', ')': '⁾', '-': '⁻', '+': '',
};
const SUBSCRIPTS = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉' };

function mapChars(text, table) {
  let out = '';
  for (const char of text) out += table[char] ?? char;
  return out;
}

/** `value` with 4 (or `digits`) significant digits: `0.5572`, `−0.005019`, `1.235×10⁴`. */
export function formatNumber(value, digits = 4) {
  if (value === 0) return '0';
  const text = value.toPrecision(digits);
  const [mantissa, exponent] = text.split('e');
  const shown = exponent === undefined ? mantissa : `${mantissa}×10${mapChars(exponent, SUPERSCRIPTS)}`;
  return shown.replace('-', MINUS);
}

/** A power of ten as it reads: `10⁻⁶`. */
export function powerOfTen(exponent) {
  return `10${mapChars(String(exponent), SUPERSCRIPTS)}`;
}

/** Like {@link formatNumber}, with a `+` in front of positive values (for changes Δ). */
export function formatChange(value) {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

/** `value` rounded to 4 significant digits in a form a number field accepts: `0.2`, `-0.005019`. */
export function formatEditable(value) {
  return String(Number(value.toPrecision(4)));
}

/** The full-precision value, as the `data-value` attributes and tooltips hold it. */
export function fullValue(value) {
  return String(value);
}

/** A core symbol `{ base, sub, sup }` as plain text: `w⁽¹⁾₁₂`. */
export function symbolText({ base, sub, sup }) {
  return `${base}${mapChars(sup, SUPERSCRIPTS)}${mapChars(sub, SUBSCRIPTS)}`;
}

/** Largest coordinate written into an SVG attribute: SVG reads numbers as 32-bit floats, so a
 * point far off the plot (a loss or weight that has blown up) is pinned here instead. */
const SVG_LIMIT = 1e6;

/** `value` as an SVG coordinate with `digits` decimals, pinned within ±{@link SVG_LIMIT}. */
export function svgNumber(value, digits) {
  return Math.min(Math.max(value, -SVG_LIMIT), SVG_LIMIT).toFixed(digits);
}
