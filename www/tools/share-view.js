// The "Share & export" menu: copy the link, save or load the state as JSON (checked by the core),
// copy Python that rebuilds the network (NumPy or PyTorch), and export the picture as SVG or PNG.
// When the browser refuses the clipboard, the text is shown selected for the learner to copy.

import { originFor } from '../model/link.js';
import { pngOf, standaloneSvg } from './picture-export.js';
import { copyText, download } from './transfer.js';

const STATE_FILE = 'backprop-viz-state.json';

/**
 * Wires the `[data-share]` menu `menu`. `engine` gives the scripts and validates files,
 * `snapshot()` is the pass now, `presets` the examples, `link()` the page's link (written first),
 * `open(setup, source)` opens a loaded state, `notice` reports a file that could not be loaded and
 * `picture` is the network's `<svg>`.
 */
export function createShareView(menu, { engine, snapshot, presets, link, open, notice, picture }) {
  const status = menu.querySelector('[data-share-status]');
  const fallback = menu.querySelector('[data-share-fallback]');
  const fileInput = menu.querySelector('[data-load-state]');
  const tell = (message) => {
    status.textContent = message;
  };

  async function copy(text, what) {
    fallback.hidden = true;
    if (await copyText(text)) {
      tell(`Copied ${what}.`);
      return;
    }
    fallback.value = text;
    fallback.hidden = false;
    fallback.focus();
    fallback.select();
    tell(`The browser did not allow copying: ${what} is selected below; press Ctrl+C (⌘C) to copy it.`);
  }

  function exportPicture(format) {
    const svg = standaloneSvg(picture);
    if (format === 'svg') {
      download(new Blob([svg.markup], { type: 'image/svg+xml' }), 'backprop-viz-network.svg');
      tell('Saved the picture as backprop-viz-network.svg.');
      return;
    }
    pngOf(svg).then((blob) => {
      download(blob, 'backprop-viz-network.png');
      tell('Saved the picture as backprop-viz-network.png.');
    }, (error) => tell(`The PNG could not be made: ${error.message}.`));
  }

  const actions = {
    'copy-link': () => copy(link(), 'the link to this setup'),
    'save-state': () => {
      const json = `${JSON.stringify(snapshot().state, null, 2)}\n`;
      download(new Blob([json], { type: 'application/json' }), STATE_FILE);
      tell(`Saved the state as ${STATE_FILE}.`);
    },
    'copy-numpy': () => copy(engine.numpyScript(snapshot().state), 'the NumPy script'),
    'copy-pytorch': () => copy(engine.pytorchScript(snapshot().state), 'the PyTorch script'),
    'export-svg': () => exportPicture('svg'),
    'export-png': () => exportPicture('png'),
  };
  for (const button of menu.querySelectorAll('[data-share-action]')) {
    button.addEventListener('click', () => actions[button.dataset.shareAction]());
    button.disabled = false;
  }

  async function load(file) {
    const failed = (why) => notice.show(`“${file.name}” could not be loaded: ${why}. The setup on screen stays as it was.`);
    let json;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      failed(`it is not JSON (${error.message})`);
      return;
    }
    let state;
    try {
      state = engine.validateState(json);
    } catch (error) {
      failed(error.message);
      return;
    }
    notice.hide();
    if (open({ origin: originFor(state, presets, snapshot().origin), state, stageIndex: 0 }, `“${file.name}”`) === null) {
      menu.open = false;
    }
  }

  fileInput.disabled = false;
  fileInput.addEventListener('change', () => {
    const [file] = fileInput.files;
    fileInput.value = '';
    if (file) load(file);
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector('summary').focus();
  });
  document.addEventListener('pointerdown', (event) => {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
  menu.addEventListener('toggle', () => {
    if (!menu.open) fallback.hidden = true;
  });
}
