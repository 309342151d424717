// Bad input as a learner types it: junk in a number field keeps the last good value and says so
// beside the field; a finite value beyond the slider is taken and the slider pins at its end; and
// training that diverges stops with a message, every number still finite.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, pageHarness } from './harness.mjs';
import { press, readParams, settle, typeInto, trainedSteps } from './learner.mjs';

const run = pageHarness();
const field = (page, name) => page.locator(`[data-param="${name}"] input[type=number]`);
const slider = (page, name) => page.locator(`[data-param="${name}"] input[type=range]`);

/** Pastes `text` over what parameter `name`'s number field holds. */
async function pasteInto(page, name, text) {
  await field(page, name).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await settle(page);
}

/** The message the field points at with aria-describedby, or null while it is hidden. */
async function fieldMessage(page, name) {
  return field(page, name).evaluate((input) => {
    const message = document.getElementById(input.getAttribute('aria-describedby'));
    return message.hidden ? null : message.textContent;
  });
}

test('junk in a number field keeps the last good value, with a message by the field until a good one', () => run(async (page) => {
  const before = await readParams(page);
  // Chromium's number field drops letters as they come, so "abc" and "NaN" leave it empty. Typed
  // one key at a time, "1e999" would pass through 1e99, a good value: it is pasted whole here.
  for (const [junk, enter] of [['abc', typeInto], ['-', typeInto], ['', typeInto], ['1e999', pasteInto],
    ['NaN', pasteInto], ['--1', typeInto]]) {
    await enter(page, 'x.0', junk);
    assert.deepEqual(await readParams(page), before, `“${junk}” changed nothing`);
    const message = /^(Not a number, or too large for one|The field is empty): x₁ keeps 0\.5\.$/;
    assert.match(await fieldMessage(page, 'x.0'), message, junk);
    assert.equal(await field(page, 'x.0').getAttribute('aria-invalid'), 'true', junk);
    assert.equal(await slider(page, 'x.0').inputValue(), '0.5');
  }
  await page.keyboard.press('Enter');
  assert.equal(await field(page, 'x.0').inputValue(), '0.5', 'Enter shows the good value again');
  assert.equal(await field(page, 'x.0').getAttribute('aria-invalid'), null);

  await typeInto(page, 'x.0', '-');
  await page.keyboard.press('Tab');
  await settle(page);
  assert.equal(await field(page, 'x.0').inputValue(), '0.5', 'leaving the field shows the good value again');
  await typeInto(page, 'x.0', '0.75');
  assert.equal((await readParams(page))['x.0'], 0.75);
  assert.equal(await fieldMessage(page, 'x.0'), null, 'the next good value clears the message');
}));

test('a finite value beyond the slider\'s range is taken, and the slider pins at its end', () => run(async (page) => {
  for (const [name, value, pinned] of [['w1.0.1', '-9.5', '-4'], ['x.1', '250', '2'], ['lr', '12', '5'], ['t.0', '-0.5', '0']]) {
    await typeInto(page, name, value);
    assert.equal((await readParams(page))[name], Number(value), name);
    assert.equal(await slider(page, name).inputValue(), pinned, `${name}'s slider at its end`);
    assert.equal(await fieldMessage(page, name), null);
  }
}));

test('a value the core refuses is named beside its field as well as in the status line', () => run(async (page) => {
  await pasteInto(page, 't.0', '1e308');
  const message = await fieldMessage(page, 't.0');
  assert.match(message, /^t = 1e\+308 was not applied: .*overflowed/);
  assert.equal(await page.getByRole('status').first().textContent(), message);
  assert.equal((await readParams(page))['t.0'], core.defaultState().t[0]);
}));

test('training that diverges stops with a message; every parameter stays finite', () => run(async (page) => {
  // Reached by typing: a huge target, then a learning rate that throws the weights past 1e308.
  await typeInto(page, 't.0', '2.19e125');
  await typeInto(page, 'w2.1.0', '0.5');
  await typeInto(page, 'lr', '1.78e183');
  await page.keyboard.press('Tab');
  await press(page, 'Train');
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
  await settle(page);
  const status = await page.getByRole('status').first().textContent();
  // The overflow is met within the first frame; the steps before it, if any, are kept.
  const [, taken, failed] = status.match(/^Training stopped after (\d+) steps?: step (\d+) failed \(/) ?? [];
  assert.ok(taken !== undefined, status);
  assert.equal(Number(failed), Number(taken) + 1, 'the step that failed is the one after the last good one');
  assert.match(status, /\(the result overflowed: .* would be Infinity/);
  assert.match(status, /The parameters stay at the last good step\.$/);
  assert.equal(await trainedSteps(page), Number(taken));
  const params = await readParams(page);
  for (const [name, value] of Object.entries(params)) assert.ok(Number.isFinite(value), `${name} = ${value}`);
  assert.equal(await page.locator('[data-loss]').evaluate((loss) => Number.isFinite(Number(loss.dataset.value))), true);
}));
