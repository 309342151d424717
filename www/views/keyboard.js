// Keyboard shortcuts: → or Space plays the next stage, ← steps back — except where those keys
// already mean something (in a field or slider; Space on a button presses that button).
// Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes (⌘ on a Mac) — except in a text field, which
// keeps its own undo.

import { isTextField } from '../lib/dom.js';

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const SPACE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

function undoShortcut(event) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/** Listens on `target` (the document) and calls `step()`, `stepBack()`, `undo()` or `redo()`. */
export function bindKeyboard(target, actions) {
  target.addEventListener('keydown', (event) => {
    const element = event.target;
    if (event.defaultPrevented) return;
    const shortcut = undoShortcut(event);
    if (shortcut) {
      if (isTextField(element)) return;
      event.preventDefault();
      actions[shortcut]();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (TYPING_TAGS.has(element.tagName) || element.isContentEditable) return;
    if (event.key === 'ArrowRight' || (event.key === ' ' && !SPACE_TAGS.has(element.tagName))) {
      event.preventDefault();
      actions.step();
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      actions.stepBack();
    }
  });
}
