// Choosing the network as a learner does it: the architecture control's buttons and selects
// reshape the network, and the picture, the controls, the pass, the card, the link and undo
// follow — every number compared with the core's own evaluate() of the state the page shows.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, namesOf, pageHarness } from './harness.mjs';
import {
  buildArchitecture, chooseActivation, chooseOption, currentStage, press, pressInLayer, pressKey, readArchitecture,
  readBiasGrads, readEdgeGrads, readNeurons, readParams, readState, settle, valueOf,
} from './learner.mjs';

const run = pageHarness();
const seed = core.defaultState();

/** What the page draws and offers: how many nodes, edges, parameter groups and grid cells. */
const counts = (page) => page.evaluate(() => Object.fromEntries(
  ['[data-node]', '[data-edge]', '[data-param]', 'button.param-cell'].map((selector) => [
    selector, document.querySelectorAll(selector).length,
  ]),
));

/** The state the page shows for the architecture `arch`, read off its controls. */
const shownState = (page, arch) => readState(page, core.reshape(seed, arch));

/** The card's text without spaces, for reading formulas (MathML spreads them over elements). */
const cardText = async (page) => (await page.locator('.card').innerText()).replace(/\s+/g, '');

async function stepTo(page, stage) {
  while (await currentStage(page) < stage) await press(page, 'Step backprop');
}

test('Add neuron and Add hidden layer: the picture and the controls follow, old weights kept', () => run(async (page) => {
  assert.deepEqual(await readArchitecture(page), { widths: [2, 2, 1], activations: ['sigmoid', 'sigmoid'] });
  assert.deepEqual(await counts(page), { '[data-node]': 6, '[data-edge]': 6, '[data-param]': 13, 'button.param-cell': 0 });

  await pressInLayer(page, 1, 'Add neuron');
  const wider = { widths: [2, 3, 1], activations: ['sigmoid', 'sigmoid'] };
  assert.deepEqual(await readArchitecture(page), wider);
  // 2 + 3 + 1 neurons and the target; 2·3 + 3·1 edges; x, t, 13 weights and biases, η.
  assert.deepEqual(await counts(page), { '[data-node]': 7, '[data-edge]': 9, '[data-param]': 17, 'button.param-cell': 0 });
  const names = namesOf(core.reshape(seed, wider));
  assert.deepEqual(Object.keys(await readNeurons(page)), [...names.nodes, 't.0'], 'h1.0, h1.1, h1.2: the new neuron');
  assert.deepEqual(Object.keys(await readEdgeGrads(page)), names.edges);
  assert.deepEqual(Object.keys(await readParams(page)), names.params);
  const params = await readParams(page);
  for (const name of namesOf(seed).params) assert.equal(params[name], valueOf(seed, name), `${name} kept its value`);
  assert.deepEqual(await shownState(page, wider), core.reshape(seed, wider), 'the new weights are the core\'s seeded draw');
  assert.match(await page.getByRole('status').first().textContent(), /^Added a neuron to the hidden layer: the network is now 2-3-1/);

  await press(page, 'Add hidden layer');
  const deeper = await readArchitecture(page);
  assert.deepEqual(deeper.widths, [2, 3, 3, 1], 'the new layer copies the width below the output');
  // 6 + 9 + 3 weights and 3 + 3 + 1 biases: past 16, each layer is a grid of cells.
  assert.deepEqual(await counts(page), { '[data-node]': 10, '[data-edge]': 18, '[data-param]': 29, 'button.param-cell': 25 });
  assert.deepEqual(Object.keys(await readParams(page)), namesOf(core.reshape(seed, deeper)).params);
  const cell = page.locator('[data-param="w2.2.1"] button.param-cell');
  await cell.click();
  await settle(page);
  assert.equal(await cell.getAttribute('aria-expanded'), 'true', 'clicking a cell opens its slider');
  assert.equal(await page.locator('[data-param="w2.2.1"] input[type=range]').isVisible(), true);

  await press(page, 'Remove hidden layer');
  await pressInLayer(page, 1, 'Remove neuron');
  assert.deepEqual(await readArchitecture(page), { widths: [2, 2, 1], activations: ['sigmoid', 'sigmoid'] });
  assert.deepEqual(await counts(page), { '[data-node]': 6, '[data-edge]': 6, '[data-param]': 13, 'button.param-cell': 0 });
}));

test('the keyboard alone: Enter on Add neuron twice adds two, the arrow keys walk the activations', () => run(async (page) => {
  const add = page.locator('[data-arch] [data-layer="1"]').getByRole('button', { name: 'Add neuron', exact: true });
  await add.focus();
  await pressKey(page, 'Enter');
  await pressKey(page, 'Enter');
  assert.deepEqual((await readArchitecture(page)).widths, [2, 4, 1], 'focus stays on the button the learner pressed');
  await page.locator('[data-arch] [data-layer="1"] select').focus();
  await pressKey(page, 'ArrowDown');
  await pressKey(page, 'ArrowDown');
  assert.deepEqual((await readArchitecture(page)).activations, ['relu', 'sigmoid'], 'sigmoid, tanh, then ReLU');
  await pressKey(page, 'Control+z');
  assert.deepEqual((await readArchitecture(page)).activations, ['tanh', 'sigmoid'], 'each choice is one undo step');
}));

test('a 2-3-2-1 tanh network built with the buttons: a whole pass, every edge\'s gradient the core\'s', () => run(async (page) => {
  const arch = { widths: [2, 3, 2, 1], activations: ['tanh', 'tanh', 'sigmoid'] };
  await buildArchitecture(page, arch.widths, arch.activations);
  assert.deepEqual(await readArchitecture(page), arch);
  const state = await shownState(page, arch);
  const expected = core.evaluate(state);
  const stages = core.stageList(state);
  const stageOf = (id) => stages.find((stage) => stage.id === id).index;
  assert.equal(stages.length, 14);
  assert.deepEqual(await page.$$eval('.stage-list li', (items) => items.map((item) => item.textContent.trim())),
    stages.map((stage) => `${stage.index}${stage.title}`), 'the stage list is the core\'s');

  const neurons = await readNeurons(page);
  for (const [l, values] of [[1, expected.h1], [2, expected.h2]]) {
    values.forEach((value, j) => assert.equal(neurons[`h${l}.${j}`], value, `h${l}.${j}`));
  }
  assert.equal(neurons['y.0'], expected.y[0]);

  const { edges } = namesOf(state);
  const layerOf = (name) => Number(name.match(/^[wb](\d+)/)[1]);
  const firstSeen = {};
  for (let stage = 1; stage <= stages.length; stage += 1) {
    await press(page, 'Step backprop');
    assert.equal(await currentStage(page), stage);
    assert.equal(await page.locator('.card-counter').textContent(), `${stage} / 14`);
    assert.equal(await page.locator('.card-title').textContent(), stages[stage - 1].title);
    const grads = await readEdgeGrads(page);
    for (const name of edges) {
      if (grads[name] === null) continue;
      firstSeen[name] ??= stage;
      assert.equal(grads[name], valueOf(expected.grad, name), `∂E/∂${name} at stage ${stage}`);
    }
    const biasGrads = await readBiasGrads(page);
    for (const [node, l, j] of [['h1.2', 1, 2], ['h2.1', 2, 1], ['y.0', 3, 0]]) {
      const shown = stage >= stageOf(`delta_${l}`);
      assert.equal(biasGrads[node] !== null, shown, `∂E/∂b${l}.${j} at stage ${stage}`);
      if (shown) assert.equal(biasGrads[node], expected.grad[`b${l}`][j], `∂E/∂b${l}.${j}`);
    }
  }
  for (const name of edges) assert.equal(firstSeen[name], stageOf(`grad_w${layerOf(name)}`), `${name} appears at its stage`);
  const params = await readParams(page);
  for (const name of namesOf(state).params) assert.equal(params[name], valueOf(expected.next, name), `${name} updated`);

  await page.getByText('Table view: every value').click();
  const table = await page.$$eval('[data-quantity]', (rows) => Object.fromEntries(rows.filter((row) => !row.hidden)
    .map((row) => [row.dataset.quantity, { value: Number(row.dataset.value), grad: Number(row.dataset.grad) }])));
  const shown = await readNeurons(page);
  for (const node of namesOf(state).nodes) assert.equal(table[node].value, shown[node], `the table's ${node}`);
  for (const name of edges) assert.equal(table[name].grad, valueOf(expected.grad, name), `the table's ∂E/∂${name}`);
}));

test('switching an activation changes the card\'s derivative: σ′ = h(1 − h), tanh′ = 1 − h², ReLU′ = [z > 0]', () => run(async (page) => {
  const delta1 = core.stageList(seed).find((stage) => stage.id === 'delta_1').index;
  await stepTo(page, delta1);
  let card = await cardText(page);
  assert.ok(card.includes('σ′') && !card.includes('tanh′'), card);
  assert.ok(card.includes(core.evaluate(seed).slope.z1[0].toPrecision(4)), 'σ′(z₁) with its value');

  await chooseActivation(page, 1, 'tanh');
  assert.equal(await currentStage(page), 0, 'a new network starts a new pass');
  await stepTo(page, delta1);
  card = await cardText(page);
  const tanh = core.reshape(seed, { widths: [2, 2, 1], activations: ['tanh', 'sigmoid'] });
  assert.ok(card.includes('tanh′') && !card.includes('σ′('), card);
  assert.ok(card.includes('=1−'), 'tanh′ = 1 − h²');
  assert.ok(card.includes(core.evaluate(tanh).slope.z1[0].toPrecision(4)), 'tanh′(z₁) with the core\'s value');
  assert.equal(card.includes(core.evaluate(seed).slope.z1[0].toPrecision(4)), false, 'not σ′\'s value any more');

  await chooseActivation(page, 1, 'relu');
  await stepTo(page, delta1);
  card = await cardText(page);
  assert.ok(card.includes('ReLU′') && card.includes('>0]'), card);
}));

test('a link with an architecture reopens exactly that network, stage and numbers in a fresh page', () => run(async (page, { url }) => {
  const arch = { widths: [2, 3, 1], activations: ['tanh', 'sigmoid'] };
  await buildArchitecture(page, arch.widths, arch.activations);
  await stepTo(page, 5);
  await page.waitForFunction(() => location.hash.includes('arch=2-3-1') && location.hash.endsWith('&stage=5'));
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#preset=seed&arch=2-3-1&act=tanh,sigmoid&x=0\.5,0\.3&t=0\.7&w1=[^&]+&b1=[^&]+&w2=[^&]+&b2=0\.1&lr=0\.1&stage=5$/);

  const fresh = await page.context().newPage();
  const problems = [];
  fresh.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) problems.push(message.text());
  });
  fresh.on('pageerror', (error) => problems.push(error.message));
  await fresh.goto(`${url}${hash}`);
  await fresh.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await readArchitecture(fresh), arch);
  assert.deepEqual(await readParams(fresh), await readParams(page), 'every parameter, bit for bit');
  assert.deepEqual(await shownState(fresh, arch), await shownState(page, arch));
  assert.equal(await currentStage(fresh), 5);
  assert.deepEqual(await readEdgeGrads(fresh), await readEdgeGrads(page));
  assert.deepEqual(await readBiasGrads(fresh), await readBiasGrads(page));
  assert.equal(await fresh.locator('.card-title').textContent(), await page.locator('.card-title').textContent());
  assert.deepEqual(problems, [], 'the fresh page reported problems');
}));

test('Undo takes back an architecture change: the 2-2-1 and its weights return; Redo brings the new one back', () => run(async (page) => {
  const start = await readParams(page);
  await pressInLayer(page, 1, 'Add neuron');
  await chooseActivation(page, 1, 'tanh');
  const changed = await readParams(page);
  assert.deepEqual(await readArchitecture(page), { widths: [2, 3, 1], activations: ['tanh', 'sigmoid'] });

  await press(page, 'Undo');
  assert.deepEqual(await readArchitecture(page), { widths: [2, 3, 1], activations: ['sigmoid', 'sigmoid'] });
  await press(page, 'Undo');
  assert.deepEqual(await readArchitecture(page), { widths: [2, 2, 1], activations: ['sigmoid', 'sigmoid'] });
  assert.deepEqual(await readParams(page), start, 'the seed\'s weights, every one');
  assert.equal(await page.locator('[data-node]').count(), 6);
  assert.equal(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled(), true);

  await press(page, 'Redo');
  await press(page, 'Redo');
  assert.deepEqual(await readArchitecture(page), { widths: [2, 3, 1], activations: ['tanh', 'sigmoid'] });
  assert.deepEqual(await readParams(page), changed, 'the same new weights');
}));

test('a network the core refuses (cross-entropy with a tanh output) is named and the last good one stays', () => run(async (page) => {
  await chooseOption(page, 'data-loss-fn', 'cross_entropy');
  const before = await readParams(page);
  await chooseActivation(page, 2, 'tanh');
  const message = /cross-entropy needs a sigmoid output layer/;
  assert.match(await page.locator('[data-arch] .arch-message').textContent(), message, 'said beside the control');
  assert.match(await page.getByRole('status').first().textContent(), message);
  assert.deepEqual(await readParams(page), before);
  assert.deepEqual(await readArchitecture(page), { widths: [2, 2, 1], activations: ['sigmoid', 'sigmoid'] },
    'the select shows the network\'s activation again');
  assert.match(await page.getAttribute('svg.network', 'aria-label'), /1 sigmoid output/, 'the picture too');
  assert.equal(await page.locator('[data-loss-fn] input[value="cross_entropy"]').isChecked(), true);

  await chooseOption(page, 'data-loss-fn', 'squared');
  await chooseActivation(page, 2, 'tanh');
  // Not check(): the page refuses the choice and unchecks the radio again, which check() counts as failing.
  await page.locator('[data-loss-fn] input[value="cross_entropy"]').click();
  await settle(page);
  assert.match(await page.getByRole('status').first().textContent(), message, 'the other way round too');
  assert.equal(await page.locator('[data-loss-fn] input[value="squared"]').isChecked(), true, 'the loss stays');
  assert.deepEqual((await readArchitecture(page)).activations, ['sigmoid', 'tanh']);
  assert.match(await page.getAttribute('svg.network', 'aria-label'), /1 tanh output/);
  await press(page, 'Step backprop');
  assert.equal(await currentStage(page), 1, 'the page still works');
}));

test('Mazur\'s example leaves its biases alone; the seed field and Re-initialise draw the weights anew', () => run(async (page) => {
  const mazur = core.presets().find((preset) => preset.id === 'mazur');
  await page.selectOption('select[data-preset]', 'mazur');
  await settle(page);
  const biases = page.locator('[data-train-biases]');
  assert.equal(await biases.isChecked(), false, 'his biases are not trained');
  await press(page, 'Finish');
  const next = core.evaluate(mazur.state).next;
  const params = await readParams(page);
  for (const name of namesOf(mazur.state).params) assert.equal(params[name], valueOf(next, name), name);
  for (const name of ['b1.0', 'b1.1', 'b2.0', 'b2.1']) assert.equal(params[name], valueOf(mazur.state, name), `${name} unchanged`);
  assert.equal(params['w1.0.0'], 0.1497807161327628, 'his w1⁺ after one step');

  await press(page, 'Step back');
  await biases.check();
  await settle(page);
  await press(page, 'Step backprop');
  const trained = core.evaluate({ ...mazur.state, train_biases: true }).next;
  assert.notEqual((await readParams(page))['b1.0'], mazur.state.b1[0], 'checked, the update moves the biases');
  assert.equal((await readParams(page))['b1.0'], trained.b1[0]);

  await page.locator('[data-init-seed]').fill('7');
  await press(page, 'Re-initialise');
  const drawn = core.reinitialize({ ...mazur.state, train_biases: true }, 7);
  assert.deepEqual(await readState(page, drawn), drawn, 'the core\'s draw from seed 7');
  assert.notEqual(drawn.w1[0][0], mazur.state.w1[0][0]);
}));
