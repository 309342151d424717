// The walk-through panel: a menu of walk-throughs, then for the open one its step's title and
// text (numbers filled from the core), the task with whether it is done, the progress, Back,
// Next and Close; and the element the step looks at, highlighted.

import { htmlElement, setAttribute, setText } from '../lib/dom.js';
import { createProgress, setupAt, stepText, taskDone } from '../model/tour.js';

const LOOK_CLASS = 'tour-look';

/**
 * Builds the walk-through controls into `container` for `tours` (see www/tours/). `open(setup)`
 * opens a step's setup (`{ origin, state, stageIndex }`) on the page; `moved()` hears that the
 * walk-through or its step changed (for the link). Controller: `show(tourId, stepIndex)`,
 * `close()`, `link()` (`{ id, step }` of the open step, or null) and `update(snapshot)`.
 */
export function createTourView(container, { engine, presets, tours, open, moved }) {
  const picker = container.querySelector('[data-tour-picker]');
  for (const tour of tours) htmlElement('option', { value: tour.id }, picker, tour.title);
  picker.disabled = false;

  const panel = container.querySelector('[data-tour-panel]');
  const heading = htmlElement('h2', { class: 'tour-title', id: 'tour-title' }, panel);
  const progressText = htmlElement('p', { class: 'tour-progress', 'data-tour-progress': '' }, panel);
  const bar = htmlElement('progress', { class: 'tour-bar', 'aria-labelledby': 'tour-title' }, panel);
  // The step's title and text are announced when Next or Back changes them; the focus stays put.
  const stepBox = htmlElement('div', { class: 'tour-step', 'aria-live': 'polite' }, panel);
  const stepTitle = htmlElement('h3', { class: 'tour-step-title' }, stepBox);
  const text = htmlElement('p', { class: 'tour-text', 'data-tour-text': '' }, stepBox);
  const task = htmlElement('p', { class: 'tour-task', 'data-tour-task': '', role: 'status' }, panel);
  const taskMark = htmlElement('span', { class: 'tour-task-mark' }, task);
  const taskText = htmlElement('span', { class: 'tour-task-text' }, task);
  const buttons = htmlElement('div', { class: 'tour-buttons' }, panel);
  const back = htmlElement('button', { type: 'button', class: 'button', 'data-tour-action': 'back' }, buttons, 'Back');
  const next = htmlElement('button', { type: 'button', class: 'button button--primary', 'data-tour-action': 'next' }, buttons, 'Next');
  const closeButton = htmlElement('button', { type: 'button', class: 'button', 'data-tour-action': 'close' }, buttons, 'Close walk-through');

  const progress = createProgress();
  let current = null; // { tour, index, text }
  let opened = null; // the snapshot the step opened at
  let done = false; // once its task is done, a step stays done
  let looked = [];

  function show(tourId, index, { openSetup = true } = {}) {
    const tour = tours.find((candidate) => candidate.id === tourId);
    if (!tour) throw new Error(`there is no walk-through “${tourId}”`);
    const step = tour.steps[index];
    if (!step) throw new Error(`the walk-through “${tour.title}” has steps 1 to ${tour.steps.length}`);
    if (openSetup) open(setupAt(engine, presets, step.setup));
    current = { tour, index, text: stepText(engine, presets, step) };
    opened = null;
    done = false;
    picker.value = tour.id;
    panel.hidden = false;
    container.classList.add('is-open');
    setText(heading, tour.title);
    setText(progressText, `Step ${index + 1} of ${tour.steps.length}`);
    bar.max = tour.steps.length;
    bar.value = index + 1;
    setText(stepTitle, step.title);
    setText(text, current.text);
    task.hidden = !step.task;
    setText(taskText, step.task?.text ?? '');
    back.disabled = index === 0;
    setText(next, index === tour.steps.length - 1 ? 'Finish walk-through' : 'Next');
    setAttribute(container, 'data-tour', tour.id);
    setAttribute(container, 'data-tour-step', String(index + 1));
    moved();
  }

  function unlook() {
    for (const element of looked) element.classList.remove(LOOK_CLASS);
    looked = [];
  }

  function close() {
    current = null;
    unlook();
    panel.hidden = true;
    picker.value = '';
    container.classList.remove('is-open');
    setAttribute(container, 'data-tour', null);
    setAttribute(container, 'data-tour-step', null);
    moved();
  }

  picker.addEventListener('change', () => {
    if (picker.value) show(picker.value, 0);
    else close();
  });
  back.addEventListener('click', () => {
    show(current.tour.id, current.index - 1);
    if (back.disabled) next.focus();
  });
  next.addEventListener('click', () => {
    if (current.index === current.tour.steps.length - 1) {
      close();
      picker.focus();
    } else {
      show(current.tour.id, current.index + 1);
    }
  });
  closeButton.addEventListener('click', () => {
    close();
    picker.focus();
  });

  return {
    show,
    close,
    link: () => (current ? { id: current.tour.id, step: current.index + 1 } : null),

    update(snapshot) {
      if (!current) return;
      if (opened === null) {
        opened = snapshot;
        progress.reset(snapshot);
      }
      progress.follow(snapshot);
      const step = current.tour.steps[current.index];
      unlook();
      looked = (step.look ?? []).flatMap((selector) => [...document.querySelectorAll(selector)]);
      for (const element of looked) element.classList.add(LOOK_CLASS);
      if (!step.task) return;
      done = done || taskDone(step.task, snapshot, progress);
      setAttribute(task, 'data-done', String(done));
      setText(taskMark, done ? '✓ Done:' : 'To do:');
    },
  };
}
