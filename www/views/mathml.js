// The core's formulas as MathML: each expression written twice, once in symbols and once with every
// leaf replaced by its value, then the result:
// ∂E/∂w = ∂E/∂y · σ′(z) · h = (−0.04134) · 0.2178 · 0.5572 = −0.005019. Activations are written as
// σ, tanh and ReLU, their slopes as σ′, tanh′, ReLU′ and linear′.

import { formatChange, formatNumber, fullValue } from '../lib/format.js';

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const LEAVES = new Set(['var', 'grad', 'slope', 'number']);
/** How each activation is written: σ(z), tanh(z), ReLU(z); a linear one is z itself. */
const FUNCTIONS = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', linear: '' };
const RELATIONS = { equals: '=', assign: '←' };

function node(tag, children = [], text = '') {
  const element = document.createElementNS(MATHML_NS, tag);
  if (text) element.textContent = text;
  element.append(...children);
  return element;
}

const mi = (text) => node('mi', [], text);
const mo = (text) => node('mo', [], text);
const row = (...children) => node('mrow', children);
const parenthesised = (...children) => row(mo('('), ...children, mo(')'));

/** `w⁽¹⁾₁₂` as MathML: the layer superscript and the index subscript. */
function symbolNode({ base, sub, sup }) {
  const baseNode = mi(base);
  const subNode = sub && node('mn', [], sub);
  const layer = sup.match(/^\((.*)\)$/);
  const supNode = sup && (layer ? parenthesised(node('mn', [], layer[1])) : node('mn', [], sup));
  if (subNode && supNode) return node('msubsup', [baseNode, subNode, supNode]);
  if (subNode) return node('msub', [baseNode, subNode]);
  if (supNode) return node('msup', [baseNode, supNode]);
  return baseNode;
}

function symbolicLeaf(expr) {
  switch (expr.kind) {
    case 'var':
      return symbolNode(expr.symbol);
    case 'grad':
      return node('mfrac', [row(mi('∂'), mi(expr.loss)), row(mi('∂'), symbolNode(expr.of))]);
    case 'slope':
      return row(mi(`${FUNCTIONS[expr.function] || 'linear'}′`), parenthesised(symbolNode(expr.of)));
    default:
      return node('mn', [], constantText(expr.value));
  }
}

/** `<mn>` showing `text`, with the full `value` in a tooltip (MathML has no title of its own). */
function valueNode(text, value) {
  const withTooltip = document.createElement('span');
  withTooltip.title = fullValue(value);
  withTooltip.textContent = text;
  return node('mn', [withTooltip]);
}

/** A value as MathML; negatives are parenthesised unless `bareNegative` allows a leading minus. */
function numberNode(value, bareNegative) {
  const number = valueNode(formatNumber(value), value);
  return value < 0 && !bareNegative ? parenthesised(number) : number;
}

/** A constant of a formula (the 2 of 2(y − t), the 1 of 1 − a², ½): exact, not rounded. */
function constantText(value) {
  if (value === 0.5) return '½';
  if (Number.isInteger(value)) return String(value).replace('-', '−');
  return formatNumber(value);
}

const isAdditive = (expr) => expr.kind === 'sum' || expr.kind === 'difference';

/**
 * Renders `expr` in symbols (`numeric` false) or with its leaves' values (`numeric` true).
 * `leading` is true where a bare minus sign reads unambiguously: at the start of a sum or line.
 * A leaf for which `pending(leaf)` is true stays a symbol even among numbers (practice mode: a
 * value the learner has yet to work out).
 */
function render(expr, numeric, leading = true, pending) {
  if (expr.kind === 'number') return node('mn', [], constantText(expr.value));
  if (LEAVES.has(expr.kind)) return numeric && !pending?.(expr) ? numberNode(expr.value, leading) : symbolicLeaf(expr);
  switch (expr.kind) {
    case 'sum':
      return row(...expr.terms.flatMap((term, i) => [
        ...(i === 0 ? [] : [mo('+')]),
        render(term, numeric, leading && i === 0, pending),
      ]));
    case 'difference': {
      const right = render(expr.right, numeric, false, pending);
      return row(render(expr.left, numeric, leading, pending), mo('−'), isAdditive(expr.right) ? parenthesised(right) : right);
    }
    case 'product':
      return row(...expr.factors.flatMap((factor, i) => {
        const rendered = render(factor, numeric, false, pending);
        return [...(i === 0 ? [] : [mo('·')]), isAdditive(factor) ? parenthesised(rendered) : rendered];
      }));
    case 'square': {
      const inner = render(expr.arg, numeric, true, pending);
      const base = LEAVES.has(expr.arg.kind) && !numeric ? inner : parenthesised(inner);
      return node('msup', [base, node('mn', [], '2')]);
    }
    case 'apply': {
      const name = FUNCTIONS[expr.function];
      return name ? row(mi(name), parenthesised(render(expr.arg, numeric, true, pending))) : render(expr.arg, numeric, leading, pending);
    }
    case 'ln':
      return row(mi('ln'), parenthesised(render(expr.arg, numeric, true, pending)));
    case 'positive':
      return row(mo('['), render(expr.arg, numeric, true, pending), mo('>'), node('mn', [], '0'), mo(']'));
    case 'quotient':
      return node('mfrac', [render(expr.num, numeric, true, pending), render(expr.den, numeric, true, pending)]);
    default:
      throw new Error(`unknown expression kind ${expr.kind}`);
  }
}

/** Every leaf of `expr` (a quantity with a value; constants are not leaves). */
function leavesOf(expr) {
  if (expr.kind === 'number') return [];
  if (LEAVES.has(expr.kind)) return [expr];
  const children = expr.terms ?? expr.factors ?? [expr.left, expr.right, expr.arg, expr.num, expr.den].filter(Boolean);
  return children.flatMap(leavesOf);
}

function math(...children) {
  const element = node('math', [row(...children)]);
  element.setAttribute('displaystyle', 'true');
  return element;
}

/**
 * One formula as `<math>` elements that may wrap between them: lhs, relation and rhs in symbols;
 * `=` the rhs with numbers (unless the rhs is a single quantity); `=` the result; for an update,
 * its change `Δ = …`. With `question` (practice mode) the result and the change are left out and
 * the leaves for which `pending(leaf)` is true stay symbols.
 */
export function formulaParts(formula, { question = false, pending = null } = {}) {
  const parts = [math(render(formula.lhs, false), mo(RELATIONS[formula.relation]), render(formula.rhs, false))];
  const numbersLeft = !pending || leavesOf(formula.rhs).some((leaf) => !pending(leaf));
  if (!LEAVES.has(formula.rhs.kind) && numbersLeft) parts.push(math(mo('='), render(formula.rhs, true, true, pending)));
  if (question) return parts;
  parts.push(math(mo('='), numberNode(formula.value, true)));
  if (formula.delta !== undefined) {
    const change = math(mi('Δ'), mo('='), valueNode(formatChange(formula.delta), formula.delta));
    change.setAttribute('class', 'formula-change');
    parts.push(change);
  }
  return parts;
}
