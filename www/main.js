// Boot: load the core, open the setup the address or the last session holds, build the views and
// wire them to the pass through the learner's commands. Data flows one way — state → core →
// snapshot → views — and one requestAnimationFrame loop trains (one core call per frame) and
// redraws, at most once per frame.

import { createArchView } from './views/arch-view.js';
import { createCardView } from './views/card-view.js';
import { createCommands } from './model/commands.js';
import { createControlsView } from './views/controls-view.js';
import { createDataView } from './tools/data-view.js';
import { loadEngine } from './core/engine.js';
import { createHistory } from './model/history.js';
import { bindKeyboard } from './views/keyboard.js';
import { decodeLink, SAFE_LINK_LENGTH, snapshotLink } from './model/link.js';
import { createNetworkView } from './views/network-view.js';
import { createNoticeView } from './views/notice-view.js';
import { createOptionsView } from './views/options-view.js';
import { linkParams } from './views/param-link.js';
import { createPass } from './model/pass.js';
import { createPresetView } from './views/preset-view.js';
import { revealedByStages } from './model/reveal.js';
import { createSamplesView } from './views/samples-view.js';
import { createSaturationNote } from './views/saturation.js';
import { createSession, startingPoint } from './model/session.js';
import { createShareView } from './tools/share-view.js';
import { createStageListView } from './views/stage-list-view.js';
import { statusMessage, trainingMessage } from './model/status.js';
import { createToolbarView } from './views/toolbar-view.js';
import { createTools } from './tools/tools.js';
import { createTrainer } from './model/trainer.js';
import { createUndo, endGesturesOn } from './model/undo.js';
import { createUndoView } from './views/undo-view.js';
import { createValuesTableView } from './views/values-table-view.js';

const narrowScreen = window.matchMedia('(max-width: 700px)');
const orientationFor = (query) => (query.matches ? 'tall' : 'wide');
const byId = (id) => document.getElementById(id);
const SOURCES = { link: 'the link', session: 'your last session' };

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
  const say = (message) => {
    if (statusLine.textContent !== message) statusLine.textContent = message;
  };
  const notice = createNoticeView(byId('notice'));
  const presets = engine.presets();
  const decode = (text) => decodeLink(text, presets, engine);
  const start = startingPoint(decode);
  const history = createHistory();
  const session = createSession({ encode: snapshotLink, onPasted: (text) => openLink(text), onWritten: requestFrame });
  const pass = createPass(engine, presets[0], (snapshot) => {
    history.follow(snapshot);
    session.follow(snapshot);
    requestFrame();
  });
  history.follow(pass.snapshot());
  if (start.setup) pass.open(start.setup, { kind: 'open', source: SOURCES[start.source] });
  const undo = createUndo(pass.snapshot());

  const current = () => pass.snapshot().state;
  const trainer = createTrainer(engine, {
    current,
    apply: pass.train,
    stopped: (outcome) => {
      undo.record(pass.snapshot(), null);
      say(trainingMessage(outcome, pass.snapshot()));
      requestFrame();
    },
  });
  const commands = createCommands({ pass, engine, trainer, undo, say, requestFrame });

  function openLink(text) {
    let setup;
    try {
      setup = decode(text);
    } catch (error) {
      notice.show(`This link could not be loaded: ${error.message}. The setup on screen stays as it was.`);
      return;
    }
    notice.hide();
    commands.open(setup, SOURCES.link);
  }

  const toolbar = createToolbarView(document.querySelector('.toolbar'), commands);
  const undoView = createUndoView(byId('session-bar'), commands);
  const presetView = createPresetView(
    { select: document.querySelector('[data-preset]'), note: document.querySelector('[data-preset-note]') },
    presets,
    commands.load,
  );
  const options = createOptionsView(byId('options'), commands.option);
  const samples = createSamplesView(byId('samples'), {
    onPick: commands.sample,
    onMode: (mode) => commands.option('mode', mode),
  });
  const controls = createControlsView(byId('params'), (name, value) => commands.edit({ [name]: value }, `edit:${name}`));
  const network = createNetworkView(byId('network'), orientationFor(narrowScreen));
  const valuesTable = createValuesTableView(document.querySelector('[data-values-table]'));
  const saturation = createSaturationNote(byId('saturation-note'));
  const card = createCardView(byId('card'));
  const stageList = createStageListView(byId('stage-list'));
  const arch = createArchView(byId('arch'), {
    reshape: commands.reshape, reinitialize: commands.reinitialize, trainBiases: commands.trainBiases,
  });
  const landscapeEdit = (values) => commands.edit(values, 'landscape');
  const tools = createTools(engine, { trainer, history, edit: landscapeEdit, current, say, requestFrame });
  createShareView(document.querySelector('[data-share]'), {
    engine,
    snapshot: pass.snapshot,
    presets,
    link: () => {
      session.flush();
      return location.href;
    },
    open: commands.open,
    notice,
    picture: byId('network').querySelector('svg'),
  });
  const dataView = createDataView(byId('data'), {
    engine, current, commands, saveState: () => document.querySelector('[data-share-action="save-state"]').click(),
  });
  const links = linkParams(document.body, [byId('network'), byId('params'), byId('gradcheck')], byId('network'),
    () => pass.snapshot().network, (name) => {
      if (name) controls.open(name);
    });

  function drawSnapshot(snapshot) {
    const rebuilt = snapshot.network !== drawn?.network;
    const revealed = revealedByStages(snapshot.stages, snapshot.stageIndex);
    network.update(snapshot, revealed, snapshot.change.kind === 'step');
    valuesTable.update(snapshot, revealed);
    saturation.update(snapshot);
    controls.update(snapshot, revealed);
    card.update(revealed.stage, snapshot.network.stageCount);
    stageList.update(snapshot.network, snapshot.stageIndex);
    if (rebuilt) links.refresh();
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
    undoView.update(undo.canUndo || trainer.running, undo.canRedo);
    options.update(snapshot);
    arch.update(snapshot);
    samples.update(snapshot);
    dataView.update(snapshot);
    dataView.linkLength(session.linkLength(), SAFE_LINK_LENGTH);
    tools.update(snapshot);
    if (trainer.running) requestFrame();
  }

  narrowScreen.addEventListener('change', (query) => network.setOrientation(orientationFor(query)));
  bindKeyboard(document, { step: commands.step, stepBack: commands.back, undo: commands.undo, redo: commands.redo });
  endGesturesOn(document, undo);
  frame();
  reportStart(start, { notice, say });
  session.follow(pass.snapshot());
  document.body.dataset.ready = 'true';
}

/** Says what could not be opened at the start: a bad link loudly, a bad stored session quietly. */
function reportStart({ setup, problems }, { notice, say }) {
  for (const { source, message } of problems) {
    if (source === 'link') {
      const instead = setup ? 'your last session is shown instead' : 'the seed example is shown instead';
      notice.show(`This link could not be loaded: ${message}. Nothing was changed: ${instead}.`);
    } else {
      say(`Your last session could not be restored (${message}), so the page starts from the seed example.`);
    }
  }
}

boot();
