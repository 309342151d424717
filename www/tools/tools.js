// The learning tools under the picture: training with its loss curve, the loss landscape and the
// gradient check. Each view redraws only what changed since its last frame.

import { createGradcheckView } from './gradcheck-view.js';
import { createLandscapeView } from './landscape-view.js';
import { createLossCurveView } from './loss-curve-view.js';
import { objectiveSymbol } from '../model/objective.js';
import { createTrainView } from './train-view.js';

const byId = (id) => document.getElementById(id);

/**
 * Builds the tools. `trainer` runs training, `history` records updates, `edit(values)` sets
 * parameters, `current()` is the state now, `say(message)` writes the status line and
 * `requestFrame()` asks for a redraw.
 * Controller: `update(snapshot, dragging)`, called once per frame (`dragging` while a slider's
 * inputs come: then the landscape's surface, which can take milliseconds to draw, waits for
 * `drawSurface()`, the frame's own turn for it).
 */
export function createTools(engine, { trainer, history, edit, current, say, requestFrame }) {
  const trainView = createTrainView(byId('train'), () => {
    if (trainer.running) {
      trainer.pause();
      return;
    }
    const settings = trainView.settings();
    if (!settings) {
      say('Training needs a whole number of steps from 1 to 1,000,000, and a target loss of 0 or more (or none).');
      return;
    }
    trainer.start(settings);
    const until = settings.target === null ? '' : ', until the loss is at or below the target';
    say(`Training: up to ${settings.steps} steps${until}…`);
    requestFrame();
  });
  const lossCurve = createLossCurveView(byId('loss-curve'));
  const landscape = createLandscapeView(byId('landscape'), {
    compute: engine.landscape, background: engine.background, edit, current, requestFrame,
  });
  const gradcheck = createGradcheckView(byId('gradcheck'), engine.finiteDifferences);

  return {
    update(snapshot, dragging = false) {
      trainView.update(snapshot, history, trainer.running);
      lossCurve.update(history, trainView.target(), objectiveSymbol(snapshot.state));
      landscape.update(snapshot, history, trainer.running, !dragging);
      gradcheck.update(snapshot, trainer.running, dragging);
    },

    drawSurface: landscape.drawSurface,
  };
}
