// Practice mode's bar: the switch, the pass's score (right, with hints, missed) and New exercise.

import { htmlElement, setAttribute, setHidden, setText } from '../lib/dom.js';

const plural = (count, word) => `${count} ${word}`;

/** The score as a sentence: `3 right, 1 with a hint, 0 missed`. */
export function scoreText({ right, hints, missed }) {
  return `${plural(right, 'right')}, ${hints} with ${hints === 1 ? 'a hint' : 'hints'}, ${plural(missed, 'missed')}`;
}

/**
 * Builds the bar into `container`; `actions`: `toggle(on)` and `newExercise()`. Controller:
 * `update(practice)`.
 */
export function createPracticeView(container, actions) {
  const label = htmlElement('label', { class: 'practice-switch' }, container);
  const toggle = htmlElement('input', { type: 'checkbox', 'data-practice-switch': '' }, label);
  label.append(' Practice: your turn');
  const score = htmlElement('p', { class: 'practice-score', 'data-practice-score': '', 'aria-live': 'polite' }, container);
  const exercise = htmlElement('button', { type: 'button', class: 'button button--small', 'data-practice-exercise': '' },
    container, 'New exercise');
  toggle.addEventListener('change', () => actions.toggle(toggle.checked));
  exercise.addEventListener('click', () => actions.newExercise());

  return {
    update(practice) {
      if (toggle.checked !== practice.on) toggle.checked = practice.on;
      // The gradient check lists every gradient: it waits until practice mode is off.
      document.body.classList.toggle('is-practising', practice.on);
      setHidden(score, !practice.on);
      setHidden(exercise, !practice.on);
      if (!practice.on) return;
      const now = practice.score();
      for (const [key, value] of Object.entries(now)) setAttribute(score, `data-${key}`, String(value));
      const before = practice.previous ? ` · last pass: ${scoreText(practice.previous)}` : '';
      setText(score, `This pass: ${scoreText(now)}${before}`);
    },
  };
}
