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
import { decodeLink, SAFE_LINK_LENGTH, snapshotLink, tourLink } from './model/link.js';
import { createNetworkView } from './views/network-view.js';
import { createNeuronGraphView } from './views/neuron-graph-view.js';
import { bindNeuronOpeners } from './views/neuron-openers.js';
import { createNoticeView } from './views/notice-view.js';
import { createOptionsView } from './views/options-view.js';
import { linkParams } from './views/param-link.js';
import { createPass } from './model/pass.js';
import { createPractice } from './model/practice.js';
import { createPracticeMode } from './views/practice-mode.js';
import { createPlaneView } from './views/plane/plane-view.js';
import { createPresetView } from './views/preset-view.js';
import { createReadouts } from './model/readouts.js';
import { createSamplesView } from './views/samples-view.js';
import { createSaturationNote } from './views/saturation.js';
import { createSession, startingPoint } from './model/session.js';
import { createShareView } from './tools/share-view.js';
import { createStageListView } from './views/stage-list-view.js';
import { statusMessage, trainingMessage } from './model/status.js';
import { createToolbarView } from './views/toolbar-view.js';
import { createTools } from './tools/tools.js';
import { decodeTourStart } from './model/tour.js';
import { createTourView } from './views/tour-view.js';
import { TOURS } from './tours/index.js';
import { createTrainer } from './model/trainer.js';
import { createUndo, endGesturesOn } from './model/undo.js';
import { createUndoView } from './views/undo-view.js';
import { createValuesTableView } from './views/values-table-view.js';

/**
 * While training (and, for what a frame's budget leaves out, while dragging), how often each part
 * of the page is redrawn (see model/readouts.js): the edges' thickness and the training readouts
 * (step, J, the loss curve, the landscape's path, the data's accuracy) 15 times a second, each
 * number written as text twice a second, a turn writing at most TURN of a panel's numbers (a
 * 2-2-1's 13 labels at once, a 4-8-8-8-4's 229 in four turns 125 ms apart).
 */
const TURN = 60;
const READOUTS = {
  // The edges' thickness, and the labels a learner watches while dragging (network-nodes.js):
  // in turn while training, every frame of a drag (only the edges that changed are written).
  edges: { period: 60, only: 'one' },
  live: { period: 60 },
  picture: { period: 500, turn: TURN },
  params: { period: 500, turn: TURN },
  table: { period: 500, turn: TURN },
  samples: { period: 500 },
  // The neurons' maps over the input plane: every frame while training (the worker computes
  // them), in turn while dragging (a 4-8-8-8-4's 32 maps took ~4 ms of each input).
  maps: { period: 60, only: 'budget' },
  // The loss landscape's surface while dragging (its heatmap and contours, ~3 ms; the point moves
  // with the live readouts).
  surface: { period: 60, only: 'budget' },
};
/**
 * An edit this soon after a slider's last input, before the slider is let go, is part of a drag:
 * its frame writes what fits in the frame's budget and lets the rest take turns (see
 * model/readouts.js); everything is rewritten once the slider is let go or its inputs pause this
 * long.
 */
const DRAG_GAP_MS = 150;
const narrowScreen = window.matchMedia('(max-width: 700px)');
const orientationFor = (query) => (query.matches ? 'tall' : 'wide');
const byId = (id) => document.getElementById(id);
const SOURCES = { link: 'the link', session: 'your last session', tour: 'a walk-through step' };

async function boot() {
  const statusLine = byId('status');
  const engine = await loadEngine().catch((error) => {
    statusLine.textContent = `The WebAssembly core could not be loaded: ${error.message}`;
    throw error;
  });

  const readouts = createReadouts(READOUTS);
  let frameRequested = false;
  let lastSlide = -Infinity;
  let dragEnd = null;
  let drawn = null;
  let drawnPractice = 0;
  const requestFrame = () => {
    if (!frameRequested) requestAnimationFrame(frame);
    frameRequested = true;
  };
  const say = (message) => {
    if (statusLine.textContent !== message) statusLine.textContent = message;
  };
  const notice = createNoticeView(byId('notice'));
  const presets = engine.presets();
  const decode = (text) => decodeTourStart(text, TOURS, engine, presets) ?? decodeLink(text, presets, engine);
  const start = startingPoint(decode);
  const history = createHistory();
  const practice = createPractice(engine);
  let tour = null;
  const encode = (snapshot) => (tour?.link() ? tourLink(tour.link()) : snapshotLink(snapshot, practice.linkScore()));
  const session = createSession({ encode, onPasted: (text) => openLink(text), onWritten: requestFrame });
  const pass = createPass(engine, presets[0], (snapshot) => {
    history.follow(snapshot);
    session.follow(snapshot);
    requestFrame();
  });
  history.follow(pass.snapshot());
  if (start.setup) {
    pass.open(start.setup, { kind: 'open', source: SOURCES[start.source] });
    practice.openLink(start.setup, pass.snapshot());
  }
  const undo = createUndo(pass.snapshot());

  const current = () => pass.snapshot().state;
  let plane = null;
  const trainer = createTrainer(engine, {
    current,
    window: () => plane.window(),
    apply: (run, computed) => {
      pass.train(run);
      if (computed) plane.prefill(pass.snapshot().state, computed.window, computed.maps);
    },
    stopped: (outcome) => {
      undo.record(pass.snapshot(), null);
      session.flush();
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
    if (!commands.open(setup, SOURCES.link)) practiceMode.changed(() => practice.openLink(setup, pass.snapshot()));
    if (setup.tour) tour.show(setup.tour.id, setup.tour.index, { openSetup: false });
    else if (tour.link()) tour.close();
  }

  tour = createTourView(byId('tour'), {
    engine,
    presets,
    tours: TOURS,
    open: (setup) => commands.open(setup, SOURCES.tour),
    moved: () => {
      session.follow(pass.snapshot());
      requestFrame();
    },
  });
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
  const network = createNetworkView(byId('network'), orientationFor(narrowScreen), {
    onThumbnail: (id) => plane.show(id),
  });
  plane = createPlaneView(byId('plane'), { engine, edit: commands.samples, say, requestFrame });
  const graphPicker = document.querySelector('[data-graph-picker]');
  const neuronGraph = createNeuronGraphView(byId('neuron-graph'), engine, (nodeId) => neuronOpeners.show(nodeId));
  const neuronOpeners = bindNeuronOpeners(byId('network'), graphPicker, neuronGraph.open);
  const valuesTable = createValuesTableView(document.querySelector('[data-values-table]'));
  const saturation = createSaturationNote(byId('saturation-note'));
  const card = createCardView(byId('card'));
  const practiceMode = createPracticeMode(practice, {
    card: byId('card'), bar: byId('practice-bar'), step: document.querySelector('.toolbar [data-action="step"]'),
    pass, session, requestFrame, exercise: commands.exercise,
  });
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
    const { drawn: shown, revealed } = practiceMode.reveal(snapshot);
    const picture = readouts.due('picture');
    // Asked before 'edges', so that the slot being written (and timed) is the one asked for last.
    const labels = readouts.items('picture');
    if (picture || readouts.due('edges')) {
      network.update(shown, revealed, snapshot.change.kind === 'step' && snapshot !== drawn, labels);
    }
    if (picture) saturation.update(shown);
    if (readouts.due('table')) valuesTable.update(shown, revealed, readouts.items('table'));
    // Not only in the slot's turn: the row of a slider being dragged follows every frame.
    controls.update(shown, revealed, readouts.items('params'));
    card.update(revealed.stage, snapshot.network.stageCount);
    practiceMode.update(snapshot);
    stageList.update(snapshot.network, snapshot.stageIndex);
    if (rebuilt) {
      links.refresh();
      neuronOpeners.refresh(snapshot.network);
    }
    neuronGraph.update(practiceMode.graphSnapshot(snapshot));
    toolbar.update(snapshot);
    presetView.update(snapshot);
    tour.update(snapshot);
    if (snapshot === drawn) return;
    const message = practiceMode.status(snapshot) ?? statusMessage(snapshot, revealed.stage);
    if (message !== null) say(message);
  }

  function frame(now = performance.now()) {
    frameRequested = false;
    trainer.tick();
    const snapshot = pass.snapshot();
    // Only an edit's frame is paced: a preset, a link or a step is drawn whole at once.
    const dragging = snapshot.change.kind === 'edit' && performance.now() - lastSlide < DRAG_GAP_MS;
    readouts.frame(now, trainer.running ? 'one' : (dragging && 'budget') || null);
    if (dragging) {
      clearTimeout(dragEnd);
      dragEnd = setTimeout(requestFrame, DRAG_GAP_MS);
    }
    if (snapshot !== drawn || practiceMode.version !== drawnPractice || readouts.behind()) drawSnapshot(snapshot);
    drawn = snapshot;
    drawnPractice = practiceMode.version;
    if (readouts.due('maps')) network.paintMaps(plane.update(snapshot), plane.shown);
    undoView.update(undo.canUndo || trainer.running, undo.canRedo);
    options.update(snapshot);
    arch.update(snapshot);
    if (readouts.due('samples')) samples.update(snapshot);
    if (readouts.due('live')) {
      dataView.update(snapshot);
      dataView.linkLength(session.linkLength(), SAFE_LINK_LENGTH);
      tools.update(snapshot, dragging);
    }
    if (dragging && readouts.due('surface')) tools.drawSurface();
    readouts.end();
    if (trainer.running) requestFrame();
  }

  narrowScreen.addEventListener('change', (query) => network.setOrientation(orientationFor(query)));
  bindKeyboard(document, { step: commands.step, stepBack: commands.back, undo: commands.undo, redo: commands.redo });
  document.addEventListener('input', (event) => {
    if (event.target.type === 'range') lastSlide = performance.now();
  }, true);
  endGesturesOn(document, () => {
    undo.endGesture();
    if (lastSlide === -Infinity) return;
    // The slider was let go: the next frame draws every panel.
    lastSlide = -Infinity;
    requestFrame();
  });
  if (start.setup?.tour) tour.show(start.setup.tour.id, start.setup.tour.index, { openSetup: false });
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
