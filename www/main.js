// Boot: load the core, build the views and wire them to the pass. Data flows one way —
// state → core → snapshot → views — and the views redraw at most once per animation frame.

import { createCardView } from './card-view.js';
import { createControlsView } from './controls-view.js';
import { loadEngine } from './engine.js';
import { symbolText } from './format.js';
import { bindKeyboard } from './keyboard.js';
import { LAYOUTS } from './network-layout.js';
import { createNetworkView } from './network-view.js';
import { createPass } from './pass.js';
import { revealedByStages } from './reveal.js';
import { createStageListView } from './stage-list-view.js';
import { paramByName } from './state.js';
import { statusMessage } from './status.js';
import { createToolbarView } from './toolbar-view.js';

const narrowScreen = window.matchMedia('(max-width: 700px)');
const layoutFor = (query) => (query.matches ? LAYOUTS.tall : LAYOUTS.wide);

async function boot() {
  const statusLine = document.getElementById('status');
  const engine = await loadEngine().catch((error) => {
    statusLine.textContent = `The WebAssembly core could not be loaded: ${error.message}`;
    throw error;
  });

  let pending = null;
  const pass = createPass(engine, (snapshot) => {
    if (pending === null) requestAnimationFrame(draw);
    pending = snapshot;
  });
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
  const step = () => attempt(pass.step, 'The next stage could not be played');
  const edit = (name, value) =>
    attempt(() => pass.edit(name, value), `${symbolText(paramByName(name).symbol)} = ${value} was not applied`);

  const toolbar = createToolbarView(document.querySelector('.toolbar'), {
    step,
    back: pass.stepBack,
    finish: () => attempt(pass.finish, 'The pass could not be finished'),
    reset: pass.reset,
  });
  const controls = createControlsView(document.getElementById('params'), edit);
  const network = createNetworkView(document.getElementById('network'), layoutFor(narrowScreen));
  const card = createCardView(document.getElementById('card'));
  const titles = engine.stageList().map((stage) => stage.title);
  const stageList = createStageListView(document.getElementById('stage-list'), titles);

  function draw() {
    const snapshot = pending;
    pending = null;
    const revealed = revealedByStages(snapshot.stages, snapshot.stageIndex);
    network.update(snapshot, revealed, snapshot.change.kind === 'step');
    controls.update(snapshot, revealed);
    card.update(revealed.stage);
    stageList.update(snapshot.stageIndex);
    toolbar.update(snapshot);
    const message = statusMessage(snapshot, revealed.stage);
    if (message !== null) say(message);
  }

  narrowScreen.addEventListener('change', (query) => network.setLayout(layoutFor(query)));
  bindKeyboard(document, { step, stepBack: pass.stepBack });
  pending = pass.snapshot();
  draw();
  document.body.dataset.ready = 'true';
}

boot();
