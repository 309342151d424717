// The learner's setup kept in two places: the URL hash, so that the address is always a link to
// it, and localStorage, so that opening the page without a link picks up where they left off.
// Both hold the same text (see link.js). Writes use history.replaceState, so the Back button is not
// flooded, at most every 250 ms (Chromium refuses more than about 200 in 10 s), and at once when
// the page is hidden. Changes in quick succession (a slider dragged) are written once they pause
// for 250 ms, or every 2 s while they go on (written every 250 ms, the writes were 4 % of the
// page's time in a drag on the seed; one write of a 200-sample setup took 4–9 ms). While
// training, every 2 s too. A link pasted into the address bar of the open page is opened in
// place.

const STORAGE_KEY = 'backprop-viz:session';
const WRITE_INTERVAL_MS = 250;
const BUSY_WRITE_INTERVAL_MS = 2000;

/** The stored session's text, or null when there is none or storage is unavailable. */
function storedText() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Stores `text` (null removes it); without storage (private windows, full disk) the link still holds it. */
function store(text) {
  try {
    if (text === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, text);
  } catch {
    // Nothing to do: the address keeps the setup.
  }
}

const linkText = () => location.hash.slice(1);

/**
 * Where the page starts, read with `decode(text)` (which throws an Error saying what is wrong):
 * the link in the address, else the stored session. Returns `{ setup, source, problems }`:
 * `setup` is null when there is nothing to open, `source` is `'link'` or `'session'`, and
 * `problems` lists `{ source, message }` for what could not be read (a bad stored session is forgotten).
 */
export function startingPoint(decode) {
  const problems = [];
  for (const [source, text] of [['link', linkText()], ['session', storedText()]]) {
    if (!text) continue;
    try {
      return { setup: decode(text), source, problems };
    } catch (error) {
      problems.push({ source, message: error.message });
      if (source === 'session') store(null);
    }
  }
  return { setup: null, source: null, problems };
}

/**
 * Keeps the address and the stored session in step with the pass: `follow(snapshot)` after each
 * change, `flush()` to write at once, `linkLength()` for the length of the link written (while
 * a write waits, the root element carries `data-link-pending`);
 * `encode(snapshot)` gives the text. `onPasted(text)` hears a
 * link pasted into the address bar; `onWritten()` hears each write.
 *
 * A link opened from outside (typed, pasted, or set by a script) always wins over a pending
 * write: the address can change before its `hashchange` event is handled, so every write first
 * compares the address with what the page itself left there, and on a difference opens that link
 * instead of writing the older setup over it.
 */
export function createSession({ encode, onPasted, onWritten = () => {} }) {
  let written = linkText();
  let latest = null;
  let timer = null;
  let timerDue = Infinity;
  let lastWrite = -Infinity;
  let lastChange = -Infinity;
  /** When the first change the address does not hold yet came (null when it holds them all). */
  let unwrittenSince = null;
  let writtenLength = written.length;

  /** Opens a link set from outside since the last write; true when there was one. */
  function openedFromOutside() {
    const text = linkText();
    if (text === written) return false;
    written = text;
    if (text === '') return false;
    onPasted(text);
    return true;
  }

  function flush() {
    clearTimeout(timer);
    timer = null;
    timerDue = Infinity;
    delete document.documentElement.dataset.linkPending;
    unwrittenSince = null;
    if (openedFromOutside() || latest === null) return;
    lastWrite = performance.now();
    const text = encode(latest);
    if (text !== written) history.replaceState(history.state, '', `#${text}`);
    writtenLength = text.length;
    onWritten();
    written = linkText();
    store(text);
  }

  // An address without a link (the hash cleared) gets the setup's link back.
  window.addEventListener('hashchange', () => {
    if (linkText() !== written) flush();
  });
  window.addEventListener('pagehide', flush);

  return {
    follow(snapshot) {
      latest = snapshot;
      const now = performance.now();
      unwrittenSince ??= now;
      const burst = now - lastChange < WRITE_INTERVAL_MS;
      lastChange = now;
      let due;
      if (snapshot.change.kind === 'train') due = Math.min(lastWrite + BUSY_WRITE_INTERVAL_MS, timerDue);
      else if (burst) due = Math.min(now + WRITE_INTERVAL_MS, unwrittenSince + BUSY_WRITE_INTERVAL_MS);
      else due = Math.min(lastWrite + WRITE_INTERVAL_MS, timerDue);
      if (due === timerDue) return;
      clearTimeout(timer);
      timerDue = due;
      timer = setTimeout(flush, Math.max(0, due - performance.now()));
      document.documentElement.dataset.linkPending = '';
    },
    flush,
    /** How long the link last written is, in characters. */
    linkLength: () => writtenLength,
  };
}
