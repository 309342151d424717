// Keyboard shortcuts: → or Space plays the next stage, ← steps back — except where those keys
// already mean something (in a field or slider; Space on a button presses that button).

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const SPACE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

/** Listens on `target` (the document) and calls `step()` or `stepBack()`. */
export function bindKeyboard(target, { step, stepBack }) {
  target.addEventListener('keydown', (event) => {
    const element = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (TYPING_TAGS.has(element.tagName) || element.isContentEditable) return;
    if (event.key === 'ArrowRight' || (event.key === ' ' && !SPACE_TAGS.has(element.tagName))) {
      event.preventDefault();
      step();
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      stepBack();
    }
  });
}
