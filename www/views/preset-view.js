// The preset menu and its note: what the chosen starting point teaches, shown while it is loaded.

import { htmlElement, setText, setValue } from '../lib/dom.js';

/**
 * Fills `select` (the `select[data-preset]`) with `presets` (`[{ id, title, note, state }]`) and
 * writes the chosen one's title and note into `note`. `onChoose(preset)` hears a choice.
 * Controller: `update(snapshot)`, which follows the pass's origin.
 */
export function createPresetView({ select, note }, presets, onChoose) {
  for (const preset of presets) htmlElement('option', { value: preset.id }, select, preset.title);
  const title = htmlElement('strong', { class: 'preset-title' }, note);
  const text = htmlElement('span', { class: 'preset-text' }, note);
  select.addEventListener('change', () => onChoose(presets.find((preset) => preset.id === select.value)));
  select.disabled = false;

  return {
    update({ origin }) {
      setValue(select, origin.id);
      note.dataset.preset = origin.id;
      setText(title, `${origin.title}.`);
      setText(text, origin.note);
    },
  };
}
