// What a learner does on the page and what they read from it, through the DOM contract only:
// [data-param], [data-node], [data-edge], [data-loss] and the buttons' accessible names; and for
// the learning tools [data-preset], [data-sample], [data-mode], [data-loss-fn], [data-update],
// [data-loss-curve], [data-fd] and [data-landscape]; for sharing, the address's hash, the Undo, Redo
// and "Share & export" buttons, and the [data-quantity] rows of the table view.

export const PARAM_NAMES = [
  'x.0', 'x.1', 't.0', 'w1.0.0', 'w1.0.1', 'w1.1.0', 'w1.1.1', 'b1.0', 'b1.1', 'w2.0.0', 'w2.1.0', 'b2.0', 'lr',
];
export const NEURON_NAMES = ['x.0', 'x.1', 'h1.0', 'h1.1', 'y.0'];
export const W1_EDGES = ['w1.0.0', 'w1.0.1', 'w1.1.0', 'w1.1.1'];
export const W2_EDGES = ['w2.0.0', 'w2.1.0'];
export const EDGE_NAMES = [...W1_EDGES, ...W2_EDGES];
export const WEIGHT_NAMES = ['w1.0.0', 'w1.0.1', 'w1.1.0', 'w1.1.1', 'b1.0', 'b1.1', 'w2.0.0', 'w2.1.0', 'b2.0'];

/** The value of parameter `name` (`w1.0.1`, `lr`) in a state JSON. */
export function valueOf(state, name) {
  const [key, ...indices] = name.split('.');
  return indices.reduce((value, index) => value[Number(index)], state[key]);
}

/** A deep copy of `state` with parameter `name` set to `value`. */
export function withValue(state, name, value) {
  const copy = structuredClone(state);
  const [key, ...indices] = name.split('.');
  if (indices.length === 0) {
    copy[key] = value;
  } else {
    const last = indices.pop();
    indices.reduce((container, index) => container[Number(index)], copy[key])[Number(last)] = value;
  }
  return copy;
}

/** Waits two animation frames, so the page has drawn what the last input changed. */
export async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(resolve));
  }));
}

/** Clicks the button with accessible name `name` and waits for the redraw. */
export async function press(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
  await settle(page);
}

/** Picks sample `index` (0-based) of the current samples and waits for the redraw. */
export async function pickSample(page, index) {
  await page.locator(`[data-sample="${index}"]`).click();
  await settle(page);
}

/** Presses keyboard `key` and waits for the redraw. */
export async function pressKey(page, key) {
  await page.keyboard.press(key);
  await settle(page);
}

async function readAttribute(page, selector, attribute) {
  return page.$$eval(selector, (elements, name) => elements.map((element) => element.getAttribute(name)), attribute);
}

/** `{ name: value }` for every element matching `[key]`, from its `attribute` (null when absent). */
async function readNamed(page, key, attribute) {
  const names = await readAttribute(page, `[${key}]`, key);
  const values = await readAttribute(page, `[${key}]`, attribute);
  return Object.fromEntries(names.map((name, i) => [name, values[i] === null ? null : Number(values[i])]));
}

export const readParams = (page) => readNamed(page, 'data-param', 'data-value');
export const readOutputGrads = (page) => readNamed(page, 'data-node', 'data-output-grad');
export const readFdAnalytic = (page) => readNamed(page, 'data-fd', 'data-analytic');
export const readFdNumeric = (page) => readNamed(page, 'data-fd', 'data-numeric');
export const readNeurons = (page) => readNamed(page, 'data-node', 'data-value');
export const readEdgeGrads = (page) => readNamed(page, 'data-edge', 'data-grad');
export const readBiasGrads = (page) => readNamed(page, 'data-node', 'data-bias-grad');

/** The loss the page shows. */
export async function readLoss(page) {
  return Number(await page.getAttribute('[data-loss]', 'data-value'));
}

/** The mean loss J over the samples the page shows beside E (null without samples). */
export async function readBatchLoss(page) {
  const value = await page.getAttribute('[data-loss]', 'data-batch-loss');
  return value === null ? null : Number(value);
}

/** The state the controls show, as the core's JSON. */
export async function readState(page, template) {
  let state = template;
  for (const [name, value] of Object.entries(await readParams(page))) state = withValue(state, name, value);
  return state;
}

/** Chooses preset `id` in the preset menu and waits for the redraw. */
export async function choosePreset(page, id) {
  await page.selectOption('select[data-preset]', id);
  await settle(page);
}

/** Checks the choice `value` of the option fieldset `[attribute]` and waits for the redraw. */
export async function chooseOption(page, attribute, value) {
  await page.locator(`[${attribute}] input[value="${value}"]`).check();
  await settle(page);
}

/** Presses Train and waits until training stops (the button reads Train again). */
export async function trainUntilStopped(page) {
  await press(page, 'Train');
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 20000 });
  await settle(page);
}

/** The number of points the loss curve draws. */
export async function curvePoints(page) {
  return Number(await page.getAttribute('[data-loss-curve]', 'data-points'));
}

/** The step count the Train panel shows. */
export async function trainedSteps(page) {
  return Number((await page.locator('[data-train-readout]').textContent()).match(/Step (\d+)/)[1]);
}

/** The landscape's axes and window: `{ a, b, aRange: [lo, hi], bRange: [lo, hi], point: [a, b] }`. */
export async function readLandscape(page) {
  // The surface may come from the worker a little after the redraw: wait until it is the state's.
  await page.waitForFunction(() => document.querySelector('[data-landscape]').dataset.surface !== 'pending');
  return page.$eval('[data-landscape]', (map) => ({
    a: map.dataset.a,
    b: map.dataset.b,
    aRange: [Number(map.dataset.aMin), Number(map.dataset.aMax)],
    bRange: [Number(map.dataset.bMin), Number(map.dataset.bMax)],
    point: map.dataset.point.split(' ').map(Number),
    min: Number(map.dataset.min),
    max: Number(map.dataset.max),
  }));
}

/** How many stages of the pass have been played (0 … the stage count, 10 for a 2-2-1), from the stage list. */
export async function currentStage(page) {
  return page.$$eval('.stage-list li', (items) =>
    items.findIndex((item) => item.getAttribute('aria-current') === 'step') + 1);
}

/** Drags the slider of parameter `name` with the mouse, from its thumb, by `dx` pixels. */
export async function dragSlider(page, name, dx) {
  const slider = page.locator(`[data-param="${name}"] input[type=range]`);
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const fraction = await slider.evaluate((input) => (input.valueAsNumber - input.min) / (input.max - input.min));
  const thumbHalf = 8;
  const x = box.x + thumbHalf + fraction * (box.width - 2 * thumbHalf);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 5; step += 1) await page.mouse.move(x + (dx * step) / 5, y);
  await page.mouse.up();
  await settle(page);
}

/**
 * Drags parameter `name`'s slider across its track in `moves` mouse moves and, once the page has
 * drawn each move (two animation frames after it), reads what `reads` names (key → selector): an
 * input's value or an element's `data-value`, as numbers, or a `<title>`'s text. Returns one
 * reading per move, `weight` (the slider's value) included.
 */
export async function dragAndRead(page, name, moves, reads) {
  const selector = `[data-param="${name}"] input[type=range]`;
  const slider = page.locator(selector);
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 10, y);
  await page.mouse.down();
  const readings = [];
  for (let step = 1; step <= moves; step += 1) {
    await page.mouse.move(box.x + 10 + step * ((box.width - 20) / moves), y);
    readings.push(await page.evaluate((selectors) => new Promise((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(Object.fromEntries(
        Object.entries(selectors).map(([key, at]) => {
          const element = document.querySelector(at);
          if (element?.tagName === 'title') return [key, element.textContent];
          return [key, Number(element && 'value' in element.dataset ? element.dataset.value : element?.value)];
        }),
      ))));
    }), { weight: selector, ...reads }));
  }
  await page.mouse.up();
  return readings;
}

/** Types `text` over what parameter `name`'s number field holds, as a learner does (select all, type). */
export async function typeInto(page, name, text) {
  await page.locator(`[data-param="${name}"] input[type=number]`).focus();
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
  await settle(page);
}

/** The link in the address once it has caught up with the page (no write waits: see session.js). */
export async function settledLink(page) {
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-link-pending'));
  return page.evaluate(() => location.hash.slice(1));
}

/** The architecture the control shows: `{ widths, activations }`, from its [data-layer] rows. */
export async function readArchitecture(page) {
  return page.$$eval('[data-arch] [data-layer]', (rows) => ({
    widths: rows.map((row) => Number(row.querySelector('[data-width]').dataset.width)),
    activations: rows.slice(1).map((row) => row.querySelector('select').value),
  }));
}

/** Clicks `name` ("Add neuron" or "Remove neuron") in layer `layer`'s row and waits for the redraw. */
export async function pressInLayer(page, layer, name) {
  await page.locator(`[data-arch] [data-layer="${layer}"]`).getByRole('button', { name, exact: true }).click();
  await settle(page);
}

/** Picks `activation` (a state's name: sigmoid, tanh, relu, linear) in layer `layer`'s select. */
export async function chooseActivation(page, layer, activation) {
  await page.selectOption(`[data-arch] [data-layer="${layer}"] select`, activation);
  await settle(page);
}

/**
 * Builds the network `widths` (inputs first) with `activations` (one per layer past the inputs)
 * with the architecture control's buttons and selects, as a learner does.
 */
export async function buildArchitecture(page, widths, activations) {
  const depth = () => readArchitecture(page).then((arch) => arch.widths.length);
  while (await depth() < widths.length) await press(page, 'Add hidden layer');
  while (await depth() > widths.length) await press(page, 'Remove hidden layer');
  for (const [layer, width] of widths.entries()) {
    for (let now = (await readArchitecture(page)).widths[layer]; now !== width; now += Math.sign(width - now)) {
      await pressInLayer(page, layer, width > now ? 'Add neuron' : 'Remove neuron');
    }
  }
  for (const [k, activation] of activations.entries()) {
    if ((await readArchitecture(page)).activations[k] !== activation) await chooseActivation(page, k + 1, activation);
  }
}
