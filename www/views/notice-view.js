// The notice at the top of the page: what went wrong with a link or a file the learner opened,
// announced at once (its text is role="alert") and shown until it is dismissed or hidden.

/**
 * Wires `container` (the `#notice`: a `[data-notice-text]` and a Dismiss button). Controller:
 * `show(message)` and `hide()`.
 */
export function createNoticeView(container) {
  const text = container.querySelector('[data-notice-text]');
  const hide = () => {
    container.hidden = true;
  };
  container.querySelector('button').addEventListener('click', hide);

  return {
    show(message) {
      container.hidden = false;
      text.textContent = message;
    },
    hide,
  };
}
