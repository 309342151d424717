// Practice mode ("your turn"): the learner works out each value of a stage before the page shows
// it. The core gives every question of the pass — the right value and what each mistake that
// applies would give (src/practice/) — and this module reads an answer, checks it and keeps the
// pass's score: right, with hints ("Show me"), missed. Stages left behind stay revealed.
// A verdict's mistake is `{ kind, value, explanation }` (the words: mistakes.js).

import { mistakeText } from './mistakes.js';

const ZERO = Object.freeze({ right: 0, hints: 0, missed: 0 });
const MINUS = /[\u2212\u2012\u2013]/g;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads what a learner typed: `−0.00502`, `-5.02e-3`, `0,5` (a decimal comma), with spaces.
 * Returns `{ value }` or `{ error }`, a sentence saying what is wrong.
 */
export function readAnswer(text) {
  const cleaned = text.trim().replace(MINUS, '-').replace(/\s+/g, '').replace(/^([+-]?\d*),(\d+)$/, '$1.$2');
  if (cleaned === '') return { error: 'Type a number first, e.g. −0.005019.' };
  if (!DECIMAL.test(cleaned)) return { error: `“${text.trim()}” is not a number: type digits, a point and a sign, e.g. −0.005019.` };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { error: `“${text.trim()}” is too large to be a value of this network.` };
  return { value };
}

/** Whether `answer` is `value` within a relative `tolerance` (exactly, when `value` is 0). */
export function within(answer, value, tolerance) {
  return Math.abs(answer - value) <= tolerance * Math.abs(value);
}

/**
 * The verdict on `answer` for `question` (`{ value, mistakes }` from the core): `{ right: true }`,
 * or `{ right: false, mistake }` where `mistake` (`{ kind, value, explanation }`) is the first one
 * whose value the answer matches, or null when none does.
 */
export function checkAnswer(answer, question, tolerance) {
  if (within(answer, question.value, tolerance)) return { right: true, mistake: null };
  const mistake = question.mistakes.find((candidate) => within(answer, candidate.value, tolerance)) ?? null;
  return { right: false, mistake };
}

/** The link field's text for `score` (`on` before any answer): `practice=on`, `practice=5,1,0`. */
export function practiceFieldText(score) {
  const { right, hints, missed } = score;
  return right + hints + missed === 0 ? 'on' : `${right},${hints},${missed}`;
}

/** Reads the link field `practice`: `on` or `right,hints,missed`; throws an Error naming it. */
export function readPracticeField(text) {
  if (text === 'on') return ZERO;
  const parts = text.split(',');
  if (parts.length === 3 && parts.every((part) => /^\d{1,6}$/.test(part))) {
    const [right, hints, missed] = parts.map(Number);
    return Object.freeze({ right, hints, missed });
  }
  throw new Error(`practice must be “on” or the score as three whole numbers right,hints,missed (e.g. 5,1,0), got “${text}”`);
}

/** A question's key in a pass: its stage (1-based, as the tape counts) and its formula's index. */
export const questionKey = (stageIndex, formula) => `${stageIndex}:${formula}`;

/**
 * The practice session over `engine` (its `practice(state)`). Controller:
 * - `on`, `setOn(on, snapshot)`; `follow(snapshot)` after every change of the pass (a new pass —
 *   a new tape — starts a new score, and the last pass's score is kept as `previous`; a stage
 *   once left behind stays shown, even after Step back);
 * - `questions(snapshot)`: the pass's questions, `[stage][formula]`, and `tolerance`;
 * - `verdict(stageIndex, formula)`: `{ status: 'right' | 'hint' | 'missed', answer, mistake }`
 *   or undefined; `hidden(stageIndex, formula, snapshot)`: whether its value is still the
 *   learner's to find;
 * - `answer(snapshot, formula, value)`, `showMe(snapshot, formula)` for the current stage;
 * - `score()`, `previous`, `linkScore()` and `openLink(setup, snapshot)` for the link.
 */
export function createPractice(engine) {
  let on = false;
  let tape = null;
  let asked = null;
  let verdicts = new Map();
  let base = ZERO;
  let seenThrough = 0;
  let furthest = 0;
  let previous = null;

  function count() {
    const score = { ...base };
    for (const { status } of verdicts.values()) {
      if (status === 'right') score.right += 1;
      else if (status === 'hint') score.hints += 1;
      else score.missed += 1;
    }
    return Object.freeze(score);
  }

  function startPass(snapshot) {
    const answered = verdicts.size + base.right + base.hints + base.missed > 0;
    if (tape !== null && answered) previous = count();
    tape = snapshot.stages;
    asked = null;
    verdicts = new Map();
    base = ZERO;
    seenThrough = 0;
    furthest = snapshot.stageIndex;
  }

  function questions(snapshot) {
    if (snapshot.stages !== tape) startPass(snapshot);
    asked ??= engine.practice((snapshot.beforeUpdate ?? snapshot).state);
    return asked;
  }

  function record(snapshot, formula, verdict) {
    const key = questionKey(snapshot.stageIndex, formula);
    if (verdicts.has(key)) return verdicts.get(key);
    verdicts.set(key, Object.freeze(verdict));
    return verdicts.get(key);
  }

  return {
    get on() {
      return on;
    },
    get previous() {
      return previous;
    },
    setOn(value, snapshot) {
      on = value;
      startPass(snapshot);
      previous = null;
      seenThrough = snapshot.stageIndex;
    },
    follow(snapshot) {
      // Off, there is nothing to follow (setOn and questions start the pass), and a training
      // frame's lazy tape stays unread.
      if (on && snapshot.stages !== tape) startPass(snapshot);
      furthest = Math.max(furthest, snapshot.stageIndex);
      // Finish plays the rest of the pass: everything is shown.
      if (snapshot.change.kind === 'finish') seenThrough = snapshot.stageIndex;
    },
    questions,
    verdict: (stageIndex, formula) => verdicts.get(questionKey(stageIndex, formula)),
    hidden(stageIndex, formula, snapshot) {
      // Stages shown before (left behind, or seen before practice began) stay shown.
      if (!on || stageIndex <= seenThrough || stageIndex < Math.max(furthest, snapshot.stageIndex)) return false;
      return !verdicts.has(questionKey(stageIndex, formula));
    },
    /** Checks `value` for formula `formula` of the current stage; returns its verdict. */
    answer(snapshot, formula, value) {
      const { stages, tolerance } = questions(snapshot);
      const { right, mistake } = checkAnswer(value, stages[snapshot.stageIndex - 1][formula], tolerance);
      const named = mistake && {
        ...mistake,
        explanation: mistakeText(mistake.kind, snapshot.stages[snapshot.stageIndex - 1].formulas[formula], snapshot),
      };
      return record(snapshot, formula, { status: right ? 'right' : 'missed', answer: value, mistake: named });
    },
    /** Reveals formula `formula` of the current stage, counted as a hint. */
    showMe: (snapshot, formula) => record(snapshot, formula, { status: 'hint', answer: null, mistake: null }),
    score: count,
    /** The score for the link, or null when practice mode is off. */
    linkScore: () => (on ? count() : null),
    /**
     * Follows a setup opened from a link (`{ practice, stageIndex }`, see link.js) at `snapshot`:
     * practice mode on with the link's score, the stages up to its stage counted as seen; or off
     * for a link without practice.
     */
    openLink({ practice: score, stageIndex }, snapshot) {
      on = score !== null && score !== undefined;
      startPass(snapshot);
      previous = null;
      if (on) base = score;
      seenThrough = stageIndex;
    },
  };
}

const TELLING_CHANGES = new Set(['step', 'back', 'undo', 'redo', 'open']);

/**
 * The status line in practice mode while the current stage still has values to find (null
 * otherwise): which stage it is and how many values are asked, never the values themselves.
 */
export function practiceStatus(snapshot, practice) {
  const { stageIndex, change, network } = snapshot;
  if (!practice.on || stageIndex === 0 || !TELLING_CHANGES.has(change.kind)) return null;
  const stage = snapshot.stages[stageIndex - 1];
  const open = stage.formulas.filter((_, f) => practice.hidden(stageIndex, f, snapshot)).length;
  if (open === 0) return null;
  return `Stage ${stageIndex} of ${network.stageCount}, ${stage.title}: your turn, `
    + `${open} value${open === 1 ? '' : 's'} to work out (see the card).`;
}
