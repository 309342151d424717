// Boot: load the core, build the views and wire them to the pass. Data flows one way —
// state → core → snapshot → views — and one requestAnimationFrame loop trains (one core call per
// frame) and redraws, at most once per frame.

import { createCardView } from './card-view.js';
import { createControlsView } from './controls-view.js';
import { loadEngine } from './engine.js';
import { symbolText } from './format.js';
import { createHistory } from './history.js';
import { bindKeyboard } from './keyboard.js';
import { LAYOUTS } from './network-layout.js';
import { createNetworkView } from './network-view.js';
import { createOptionsView } from './options-view.js';
import { linkParams } from './param-link.js';
import { createPass } from './pass.js';
import { createPresetView } from './preset-view.js';
import { revealedByStages } from './reveal.js';
import { createSamplesView } from './samples-view.js';
import { createSaturationNote } from './saturation.js';
import { createStageListView } from './stage-list-view.js';
import { paramByName, withSample } from './state.js';
import { statusMessage, trainingMessage } from './status.js';
import { createToolbarView } from './toolbar-view.js';
import { createTools } from './tools.js';
import { createTrainer } from './trainer.js';

const narrowScreen = window.matchMedia('(max-width: 700px)');
const layoutFor = (query) => (query.matches ? LAYOUTS.tall : LAYOUTS.wide);
const byId = (id) => document.getElementById(id);

async function boot() {
  const statusLine = byId('status');
  const engine = await loadEngine().catch((error) => {
    statusLine.textContent = `The WebAssembly core could not be loaded: ${error.message}`;
    throw error;
  });

  let frameRequested = false;
  let drawn = null;
  const requestFrame = () => {
    if (!frameRequested) requestAnimationFrame(frame);
    frameRequested = true;
  };
  const history = createHistory();
  const presets = engine.presets();
  const pass = createPass(engine, presets[0], (snapshot) => {
    history.follow(snapshot);
    requestFrame();
  });
  history.follow(pass.snapshot());
  const say = (message) => {
    if (statusLine.textContent !== message) statusLine.textContent = message;
  };

  /** Runs `action`; if the core rejects it, the pass stays as it was and the status line says why. */
  const attempt = (action, failure) => {
    try {
      action();
      return true;
    } catch (error) {
      say(`${failure}: ${error.message}`);
      return false;
    }
  };
  const current = () => pass.snapshot().state;
  const trainer = createTrainer(engine, {
    current,
    apply: pass.train,
    stopped: (outcome) => {
      say(trainingMessage(outcome, pass.snapshot()));
      requestFrame();
    },
  });
  /** Every other action pauses training first, so that it applies to the state on screen. */
  const act = (action) => (...args) => {
    trainer.pause();
    return action(...args);
  };
  const editFailure = (values) => `${Object.entries(values)
    .map(([name, value]) => `${symbolText(paramByName(name).symbol)} = ${value}`).join(', ')} was not applied`;
  const edit = act((values) => attempt(() => pass.edit(values), editFailure(values)));
  // A refused option or sample leaves its radio checked: the next frame sets it back.
  const revise = (transform, change) => {
    if (!attempt(() => pass.revise(transform, change), 'That change was not applied')) requestFrame();
  };
  const step = act(() => attempt(pass.step, 'The next stage could not be played'));

  const toolbar = createToolbarView(document.querySelector('.toolbar'), {
    step,
    back: act(pass.stepBack),
    finish: act(() => attempt(pass.finish, 'The pass could not be finished')),
    reset: act(pass.reset),
  });
  const presetView = createPresetView(
    { select: document.querySelector('[data-preset]'), note: document.querySelector('[data-preset-note]') },
    presets,
    act((preset) => attempt(() => pass.load(preset), `${preset.title} could not be loaded`)),
  );
  const options = createOptionsView(byId('options'), act((key, value) =>
    revise((state) => ({ ...state, [key]: value }), { kind: 'option', key })));
  const samples = createSamplesView(byId('samples'), {
    onPick: act((sample) => revise((state) => withSample(state, sample), { kind: 'sample', sample })),
    onMode: act((mode) => revise((state) => ({ ...state, mode }), { kind: 'option', key: 'mode' })),
  });
  const controls = createControlsView(byId('params'), (name, value) => edit({ [name]: value }));
  const network = createNetworkView(byId('network'), layoutFor(narrowScreen));
  const saturation = createSaturationNote(byId('saturation-note'));
  const card = createCardView(byId('card'));
  const stageList = createStageListView(byId('stage-list'), engine.stageList().map((stage) => stage.title));
  const tools = createTools(engine, { trainer, history, edit, current, say, requestFrame });
  linkParams(document.body, [byId('network'), byId('params'), byId('gradcheck')], byId('network'));

  function drawSnapshot(snapshot) {
    const revealed = revealedByStages(snapshot.stages, snapshot.stageIndex);
    network.update(snapshot, revealed, snapshot.change.kind === 'step');
    saturation.update(snapshot);
    controls.update(snapshot, revealed);
    card.update(revealed.stage);
    stageList.update(snapshot.stageIndex);
    toolbar.update(snapshot);
    presetView.update(snapshot);
    const message = statusMessage(snapshot, revealed.stage);
    if (message !== null) say(message);
  }

  function frame() {
    frameRequested = false;
    trainer.tick();
    const snapshot = pass.snapshot();
    if (snapshot !== drawn) drawSnapshot(snapshot);
    drawn = snapshot;
    options.update(snapshot);
    samples.update(snapshot);
    tools.update(snapshot);
    if (trainer.running) requestFrame();
  }

  narrowScreen.addEventListener('change', (query) => network.setLayout(layoutFor(query)));
  bindKeyboard(document, { step, stepBack: act(pass.stepBack) });
  frame();
  document.body.dataset.ready = 'true';
}

boot();
