// Practice mode's questions on the card: for each value of the current stage, its formula with
// the inputs it needs, and a field labelled with its symbol. Enter checks the answer; "Show me"
// reveals it (a hint). A verdict shows the right value and the substituted formula and names the
// likely mistake; it is also announced. Focus moves to the next open field, then to Step backprop.

import { htmlElement, setAttribute, setDisabled, setHidden, setText } from '../lib/dom.js';
import { formatNumber, powerOfTen, symbolText } from '../lib/format.js';
import { formulaParts } from './mathml.js';
import { quantityText } from '../model/status.js';
import { readAnswer } from '../model/practice.js';

/** Names a leaf of a formula, so that a value asked for in this stage can be recognised in another's. */
function leafKey(expr) {
  const symbol = expr.symbol ?? expr.of;
  return symbol ? `${expr.kind}|${expr.function ?? expr.loss ?? ''}|${symbolText(symbol)}` : null;
}

/** The sentence of a verdict on `formula`'s value. */
function verdictText(verdict, formula) {
  const symbol = quantityText(formula.lhs);
  const value = formatNumber(formula.value);
  switch (verdict.status) {
    case 'right':
      return `✓ Right: ${symbol} = ${value}.`;
    case 'hint':
      return `Shown: ${symbol} = ${value} (counts as a hint).`;
    default: {
      const cause = verdict.mistake ? ` Likely mistake: ${verdict.mistake.explanation}.` : '';
      const typed = String(verdict.answer).replace('-', '−');
      return `✗ Not quite: you typed ${typed}; ${symbol} = ${value}, as the formula above works out.${cause}`;
    }
  }
}

/**
 * Builds the questions panel into `container`. `actions`: `answer(formula, value)` and
 * `showMe(formula)` (each returns the verdict), `next` (the element focus goes to once every
 * value is found: the Step backprop button), `changed()` after a verdict. Controller:
 * `update(snapshot, practice)`.
 */
export function createPracticeCardView(container, actions) {
  const panel = htmlElement('div', { class: 'practice-panel', hidden: '' }, container);
  const intro = htmlElement('p', { class: 'practice-intro' }, panel);
  const list = htmlElement('ol', { class: 'practice-questions' }, panel);
  const live = htmlElement('p', { class: 'practice-live', role: 'status' }, panel);
  let built = null;
  let items = [];

  /** Focuses `element`, scrolling only as far as needed to show it (the picture stays in view). */
  function focus(element) {
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest' });
  }

  function focusNext(after) {
    // The field just answered is disabled at the next redraw: it never takes the focus back.
    const order = [...items.slice(after + 1), ...items.slice(0, after)];
    const open = order.find((item) => !item.input.disabled);
    focus(open ? open.input : actions.next);
  }

  function check(item) {
    const read = readAnswer(item.input.value);
    if (read.error) {
      setText(item.problem, read.error);
      setText(live, read.error);
      return;
    }
    settle(item, actions.answer(item.index, read.value));
  }

  function settle(item, verdict) {
    setText(item.problem, '');
    setText(live, verdictText(verdict, item.formula));
    actions.changed();
    focusNext(item.index);
  }

  function build(stage, stageIndex) {
    list.replaceChildren();
    items = stage.formulas.map((formula, index) => {
      const element = htmlElement('li', { class: 'practice-question', 'data-question': String(index) }, list);
      const shown = htmlElement('div', { class: 'formula practice-formula', 'data-target': formula.target }, element);
      const symbol = quantityText(formula.lhs);
      const form = htmlElement('div', { class: 'practice-answer' }, element);
      const id = `practice-${stageIndex}-${index}`;
      htmlElement('label', { for: id, class: 'practice-label' }, form, symbol);
      const input = htmlElement('input', {
        id, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', class: 'practice-input',
        'aria-describedby': `${id}-verdict`,
      }, form);
      const checkButton = htmlElement('button', { type: 'button', class: 'button button--small', 'aria-label': `Check ${symbol}` }, form, 'Check');
      const showButton = htmlElement('button', { type: 'button', class: 'button button--small', 'aria-label': `Show me ${symbol}` }, form, 'Show me');
      const problem = htmlElement('p', { class: 'practice-problem' }, element);
      const verdict = htmlElement('p', { class: 'practice-verdict', id: `${id}-verdict` }, element);
      const item = { index, formula, element, shown, input, checkButton, showButton, problem, verdict };
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        check(item);
      });
      checkButton.addEventListener('click', () => check(item));
      showButton.addEventListener('click', () => settle(item, actions.showMe(index)));
      return item;
    });
  }

  function render(snapshot, practice) {
    const { stageIndex } = snapshot;
    const hidden = (f) => practice.hidden(stageIndex, f, snapshot);
    const pendingKeys = new Set(items.filter((item) => hidden(item.index)).map((item) => leafKey(item.formula.lhs)));
    const pending = (leaf) => pendingKeys.has(leafKey(leaf));
    for (const item of items) {
      const verdict = practice.verdict(stageIndex, item.index);
      const open = hidden(item.index);
      item.shown.replaceChildren(...formulaParts(item.formula, { question: open, pending }));
      setAttribute(item.element, 'data-status', verdict ? verdict.status : (open ? 'open' : 'seen'));
      for (const control of [item.input, item.checkButton, item.showButton]) setDisabled(control, !open);
      if (verdict?.answer !== undefined && verdict.answer !== null) item.input.value = String(verdict.answer);
      setText(item.verdict, verdict ? verdictText(verdict, item.formula) : '');
    }
  }

  return {
    update(snapshot, practice) {
      const stage = snapshot.stageIndex === 0 ? null : snapshot.stages[snapshot.stageIndex - 1];
      setHidden(panel, !practice.on || stage === null);
      container.classList.toggle('is-practising', !panel.hidden);
      if (panel.hidden) {
        built = null;
        return;
      }
      const key = `${stage.index}`;
      const rebuilt = built?.stages !== snapshot.stages || built?.key !== key;
      if (rebuilt) {
        build(stage, snapshot.stageIndex);
        built = { stages: snapshot.stages, key };
        setText(live, '');
      }
      const { tolerance } = practice.questions(snapshot);
      const step = stage.phase === 'update'
        ? ' A small step can vanish in the fourth digit: work out the change η·∂E/∂p first.' : '';
      setText(intro, `Your turn: work out each value of this stage and press Enter. An answer is right within `
        + `3 significant digits (a relative error of at most ${powerOfTen(Math.round(Math.log10(tolerance)))}); `
        + `type 4 to be safe.${step}`);
      render(snapshot, practice);
      const first = items.find((item) => !item.input.disabled);
      if (rebuilt && first && snapshot.change.kind === 'step') focus(first.input);
    },
  };
}
