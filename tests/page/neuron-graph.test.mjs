// One neuron zoomed in, as a learner uses it: click h₁, step through the pass and read each
// operation's value and gradient fill in as the stage that computes it is played; they are the
// core's and the table view's numbers. Step back empties them again; keyboard only; Esc closes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, pageHarness } from './harness.mjs';
import { press, pressKey, settle } from './learner.mjs';

const run = pageHarness();
const SEED = core.defaultState();

/** `{ name: { value, grad } }` of every box of the open graph. */
function readGraph(page) {
  return page.$$eval('[data-graph-node]', (boxes) => Object.fromEntries(boxes.map((box) => [box.dataset.graphNode, {
    value: box.dataset.value === undefined ? null : Number(box.dataset.value),
    grad: box.dataset.grad === undefined ? null : Number(box.dataset.grad),
  }])));
}

/** `{ name: { value, grad } }` of the table view's rows. */
function readTable(page) {
  return page.$$eval('[data-quantity]', (rows) => Object.fromEntries(rows.map((row) => [row.dataset.quantity, {
    value: row.dataset.value === undefined ? null : Number(row.dataset.value),
    grad: row.dataset.grad === undefined ? null : Number(row.dataset.grad),
  }])));
}

const localOf = (page, name) => page.getAttribute(`[data-graph-edge="${name}"]`, 'data-local');

test('clicking h₁ opens its graph; each value and gradient is the core’s once its stage is played', async () => {
  await run(async (page) => {
    await page.locator('[data-node="h1.0"]').click();
    await settle(page);
    assert.equal(await page.locator('#neuron-graph').isVisible(), true);
    assert.match(await page.locator('[data-graph-title]').textContent(), /h₁ zoomed in/);
    const evaluation = core.evaluate(SEED);
    const delta = evaluation.grad.z1[0];
    let graph = await readGraph(page);
    assert.deepEqual(Object.keys(graph).sort(), ['b1.0', 'h1.0', 'product.0', 'product.1', 'sum', 'w1.0.0', 'w1.1.0', 'x.0', 'x.1', 'z'].sort());
    // Before any stage: the parameters and inputs are known, nothing computed, no gradient.
    assert.deepEqual(graph['w1.0.0'], { value: 0.2, grad: null });
    assert.deepEqual(graph['x.1'], { value: 0.3, grad: null });
    assert.deepEqual(graph.z, { value: null, grad: null });
    assert.equal(await localOf(page, 'local.z'), null);

    await press(page, 'Step backprop');
    graph = await readGraph(page);
    assert.equal(graph['product.0'].value, 0.2 * 0.5);
    assert.equal(graph['product.1'].value, 0.1 * 0.3);
    assert.ok(Math.abs(graph.sum.value - 0.13) < 1e-15);
    assert.equal(graph.z.value, evaluation.z1[0]);
    assert.equal(graph['h1.0'].value, evaluation.h1[0]);
    assert.equal(graph.z.grad, null);

    for (let stage = 2; stage <= 7; stage += 1) await press(page, 'Step backprop');
    graph = await readGraph(page);
    assert.equal(graph['h1.0'].grad, evaluation.grad.h1[0], 'after ∂E/∂h, h₁ carries its gradient');
    assert.equal(graph.z.grad, null, 'δ is not computed yet');

    await press(page, 'Step backprop');
    graph = await readGraph(page);
    for (const name of ['z', 'sum', 'product.0', 'product.1', 'b1.0']) assert.equal(graph[name].grad, delta, name);
    assert.equal(Number(await localOf(page, 'local.z')), evaluation.slope.z1[0]);
    assert.equal(Number(await localOf(page, 'local.sum')), 1);
    assert.equal(graph['w1.0.0'].grad, null);

    await press(page, 'Step backprop');
    graph = await readGraph(page);
    assert.equal(graph['w1.0.0'].grad, evaluation.grad.w1[0][0]);
    assert.equal(graph['w1.1.0'].grad, evaluation.grad.w1[1][0]);
    assert.equal(graph['x.0'].grad, 0.2 * delta, 'the share of ∂E/∂x₁ through h₁ is w·δ');
    assert.equal(Number(await localOf(page, 'local.w1.0.0')), 0.5, '∂(w·x)/∂w = x');
    assert.equal(Number(await localOf(page, 'local.x.0')), 0.2, '∂(w·x)/∂x = w');

    // The table view shows the same numbers.
    const table = await readTable(page);
    assert.equal(graph['h1.0'].value, table['h1.0'].value);
    assert.equal(graph['h1.0'].grad, table['h1.0'].grad);
    assert.equal(graph.z.value, table['z1.0'].value);
    assert.equal(graph.z.grad, table['z1.0'].grad);
    for (const name of ['w1.0.0', 'w1.1.0', 'b1.0']) {
      assert.equal(graph[name].value, table[name].value, name);
      assert.equal(graph[name].grad, table[name].grad, name);
    }

    // Step back takes the weights' gradients off again.
    await press(page, 'Step back');
    graph = await readGraph(page);
    assert.equal(graph['w1.0.0'].grad, null);
    assert.equal(graph.z.grad, delta);

    // Finish plays the update: the graph keeps the pass that was played.
    await press(page, 'Finish');
    graph = await readGraph(page);
    assert.equal(graph['w1.0.0'].value, 0.2);
    assert.equal(graph['w1.0.0'].grad, evaluation.grad.w1[0][0]);
  });
});

test('keyboard only: Tab to the Zoom into menu, choose y, step with the arrows, Esc closes', async () => {
  await run(async (page) => {
    const focusedPicker = () => page.evaluate(() => document.activeElement?.matches('[data-graph-picker]'));
    for (let presses = 0; presses < 60 && !await focusedPicker(); presses += 1) await page.keyboard.press('Tab');
    assert.equal(await focusedPicker(), true, 'the Zoom into menu is in the tab order');
    for (let k = 0; k < 3; k += 1) await pressKey(page, 'ArrowDown');
    assert.equal(await page.locator('#neuron-graph').isVisible(), true);
    assert.match(await page.locator('[data-graph-title]').textContent(), /y zoomed in/);
    const graph = await readGraph(page);
    assert.deepEqual(Object.keys(graph).sort(), ['b2.0', 'h1.0', 'h1.1', 'product.0', 'product.1', 'sum', 'w2.0.0', 'w2.1.0', 'y.0', 'z'].sort());
    // Tab into the graph: its close button; the arrow keys still step the pass from there.
    await pressKey(page, 'Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Close graph');
    await pressKey(page, 'ArrowRight');
    await pressKey(page, 'ArrowRight');
    const evaluation = core.evaluate(SEED);
    assert.equal((await readGraph(page))['y.0'].value, evaluation.y[0]);
    assert.equal((await readGraph(page))['h1.1'].value, evaluation.h1[1]);
    await pressKey(page, 'Escape');
    assert.equal(await page.locator('#neuron-graph').isVisible(), false);
    assert.equal(await focusedPicker(), true, 'the focus returns to the menu');
    assert.equal(await page.inputValue('[data-graph-picker]'), '');
  });
});

test('a deeper network’s hidden neuron shows its own layer’s numbers', async () => {
  const state = { ...core.presets().find((p) => p.id === 'xor-tanh').state };
  await run(async (page) => {
    await page.selectOption('select[data-preset]', 'xor-tanh');
    await settle(page);
    await page.locator('[data-node="h1.2"]').click();
    await settle(page);
    await press(page, 'Finish');
    const graph = await readGraph(page);
    const evaluation = core.evaluate(state);
    assert.equal(graph['h1.2'].value, evaluation.h1[2]);
    assert.equal(graph.z.grad, evaluation.grad.z1[2]);
    // The shown sample is x = (0, 0): the weights' gradients are zero (the page writes −0 as 0).
    assert.equal(graph['w1.1.2'].grad, evaluation.grad.w1[1][2] + 0);
    assert.equal(graph['b1.2'].grad, evaluation.grad.b1[2]);
    await press(page, 'Close graph');
    assert.equal(await page.locator('#neuron-graph').isVisible(), false);
  });
});

test('in practice mode the graph keeps a stage’s values hidden until the learner has found them', async () => {
  await run(async (page) => {
    const evaluation = core.evaluate(SEED);
    await page.locator('[data-practice-switch]').check();
    await page.locator('[data-node="h1.0"]').click();
    await press(page, 'Step backprop');
    let graph = await readGraph(page);
    assert.deepEqual(graph.z, { value: null, grad: null }, 'z⁽¹⁾₁ is the learner’s to work out');
    assert.equal(graph['h1.0'].value, null);
    for (const [name, value] of [['z⁽¹⁾₁', evaluation.z1[0]], ['h₁', evaluation.h1[0]],
      ['z⁽¹⁾₂', evaluation.z1[1]], ['h₂', evaluation.h1[1]]]) {
      const field = page.getByRole('textbox', { name, exact: true });
      await field.fill(String(value));
      await field.press('Enter');
    }
    await settle(page);
    graph = await readGraph(page);
    assert.equal(graph.z.value, evaluation.z1[0], 'once found, the stage shows in the graph too');
    assert.equal(graph['h1.0'].value, evaluation.h1[0]);
  });
});

test('an open graph scrolls inside its frame: the page never grows wider than the window', async () => {
  await run(async (page) => {
    await page.locator('[data-node="h1.0"]').click();
    await settle(page);
    const { page: width, window: inner } = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
    }));
    assert.ok(width <= inner, `the page is ${width} px wide in a ${inner} px window`);
  });
});
