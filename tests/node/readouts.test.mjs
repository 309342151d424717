// What a training frame redraws (www/model/readouts.js): while a run goes, at most one slot a
// frame, the most overdue one, each about once per its period (a slot in parts as many times more
// often); every slot on the frame a run starts and on the one after it ends. What a dragging frame
// redraws: the most overdue slot, and every other slot of one part whose cost fits the budget.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createReadouts } from '../../www/model/readouts.js';

// The table has TABLE_ROWS rows, three a turn: four parts.
const PERIODS = { edges: { period: 60 }, labels: { period: 500 }, table: { period: 500, turn: 3 } };
const NAMES = Object.keys(PERIODS);
const TABLE_ROWS = 10;

/** Writes the slot's items that this frame writes (as a view does), returning how many. */
function write(readouts, name, count = name === 'table' ? TABLE_ROWS : 1) {
  const chooses = readouts.items(name);
  return Array.from({ length: count }, (_, i) => chooses(i, count)).filter(Boolean).length;
}

/** Runs `frames` frames 16.7 ms apart from `start`, returning the slots due in each. */
function play(readouts, frames, { start = 0, running = true } = {}) {
  return Array.from({ length: frames }, (_, k) => {
    readouts.frame(start + k * 16.7, running ? 'one' : null);
    return NAMES.filter((name) => readouts.due(name) && write(readouts, name) > 0);
  });
}

test('when not training, every slot is due on every frame', () => {
  const readouts = createReadouts(PERIODS);
  assert.deepEqual(play(readouts, 3, { running: false }), [NAMES, NAMES, NAMES]);
  assert.equal(readouts.behind(), false);
});

test('while training, a frame redraws at most one slot, each about once per its period', () => {
  const readouts = createReadouts(PERIODS);
  const frames = play(readouts, 301);
  assert.deepEqual(frames[0], NAMES, 'the frame a run starts in redraws everything');
  assert.ok(frames.slice(1).every((due) => due.length <= 1), 'never two slots in one frame');
  const count = (name) => frames.slice(1).filter((due) => due.includes(name)).length;
  // 5 s of frames: the 60 ms slot (due every 4th frame) about 75 times, the 500 ms one about 10
  // times, the 500 ms one in four parts about 40.
  assert.ok(count('edges') >= 60 && count('edges') <= 76, `edges ${count('edges')}`);
  assert.ok(count('labels') >= 9 && count('labels') <= 11, `labels ${count('labels')}`);
  assert.ok(count('table') >= 34 && count('table') <= 41, `table ${count('table')}`);
  assert.ok(frames.slice(1).filter((due) => due.length === 0).length > 100, 'most frames redraw only the maps');
});

test('a slot in parts writes each item once in as many turns; whole when not training', () => {
  const readouts = createReadouts(PERIODS);
  const written = new Array(10).fill(0);
  let turns = 0;
  readouts.frame(0, 'one'); // the frame a run starts in writes every slot whole
  assert.equal(write(readouts, 'table'), TABLE_ROWS);
  for (let k = 1; turns < 4; k += 1) {
    readouts.frame(k * 16.7, 'one');
    const write = readouts.items('table');
    if (!readouts.due('table')) continue;
    turns += 1;
    written.forEach((_, i) => {
      if (write(i, written.length)) written[i] += 1;
    });
  }
  assert.deepEqual(written, new Array(10).fill(1));
  readouts.frame(1e4, null);
  assert.equal(readouts.behind(), true, 'the frame after the run owes a whole rewrite');
  assert.equal(readouts.items('table')(7, 10), true);
});

test('the frame after a run owes every slot whole, once', () => {
  const readouts = createReadouts(PERIODS);
  play(readouts, 3);
  assert.equal(readouts.behind(), false, 'a training frame owes nothing beyond its slot');
  const [after, next] = play(readouts, 2, { start: 100, running: false });
  assert.deepEqual(after, NAMES);
  assert.deepEqual(next, NAMES);
  readouts.frame(200, null);
  assert.equal(readouts.behind(), false);
});

test('while dragging, a frame writes the most overdue slot, and others whole while their cost fits its budget', () => {
  let time = 0;
  const readouts = createReadouts(PERIODS, () => time);
  readouts.frame(0, 'budget');
  assert.deepEqual(NAMES.filter((name) => readouts.due(name)), NAMES, 'the first frame of a drag writes everything');
  // A cheap frame: every slot fits in the budget, each whole.
  readouts.frame(16.7, 'budget');
  assert.deepEqual(NAMES.filter((name) => readouts.due(name)), NAMES);
  assert.equal(readouts.items('table')(9, 10), true, 'a slot written on the budget is written whole');
  readouts.end();
  // Expensive slots: each write takes 10 ms, more than the budget. Once a slot has been measured
  // so twice, it is written only in its turn (and tried again once its cost has faded, about every
  // twelve frames), so most frames write one slot, none more than two, and every slot gets its turn.
  const seen = new Set();
  let two = 0;
  for (let k = 2; k < 62; k += 1) {
    readouts.frame(k * 16.7, 'budget');
    const due = NAMES.filter((name) => {
      const yes = readouts.due(name);
      if (yes) time += 10;
      return yes;
    });
    readouts.end();
    assert.ok(due.length <= 2, `frame ${k}: ${due}`);
    if (k >= 10 && due.length === 2) two += 1;
    due.forEach((name) => seen.add(name));
  }
  assert.ok(two <= 52 / 4, `frames writing two slots: ${two} of 52`);
  assert.deepEqual([...seen].sort(), [...NAMES].sort(), 'every slot gets its turn');
  readouts.frame(1000, null);
  assert.equal(readouts.behind(), true, 'the frame after the drag owes a whole rewrite');
});

test('while dragging, cheap slots follow every frame and a slot that costs more than the budget waits for its turn', () => {
  let time = 0;
  const cost = { edges: 1, labels: 0.5, table: 12 };
  const readouts = createReadouts(PERIODS, () => time);
  const frames = Array.from({ length: 60 }, (_, k) => {
    readouts.frame(k * 16.7, 'budget');
    const due = NAMES.filter((name) => {
      const yes = readouts.due(name);
      if (yes) time += cost[name];
      return yes;
    });
    readouts.end();
    return due;
  }).slice(3);
  assert.ok(frames.every((due) => due.includes('edges') && due.includes('labels')), 'the cheap slots are in every frame');
  const table = frames.filter((due) => due.includes('table')).length;
  assert.ok(table > 0 && table < frames.length / 4, `the table takes turns: in ${table} of ${frames.length} frames`);
});

test('a slot scheduled only while dragging is due on every training frame and takes no turn there', () => {
  let time = 0;
  let step = 0;
  const readouts = createReadouts({ ...PERIODS, maps: { period: 60, only: 'budget' } }, () => (time += step));
  const training = Array.from({ length: 60 }, (_, k) => {
    readouts.frame(k * 16.7, 'one');
    return { maps: readouts.due('maps'), others: NAMES.filter((name) => readouts.due(name)) };
  });
  assert.ok(training.every((frame) => frame.maps), 'the maps follow every training frame');
  assert.ok(training.filter((frame) => frame.others.length === 1).length >= 15, 'the other slots keep their turns');
  readouts.frame(2000, 'budget');
  readouts.frame(2016.7, 'budget');
  step = 10; // each slot asked for is past the frame's budget: only the chosen one is written
  const dragging = Array.from({ length: 12 }, (_, k) => {
    readouts.frame(2033.4 + k * 16.7, 'budget');
    return readouts.due('maps');
  });
  assert.ok(dragging.some(Boolean) && !dragging.every(Boolean), `the maps take turns while dragging: ${dragging}`);
});

test('while dragging, a slot with more items than a turn writes is written a part in each of its turns', () => {
  let time = 0;
  const readouts = createReadouts(PERIODS, () => time);
  const frames = Array.from({ length: 61 }, (_, k) => {
    readouts.frame(k * 16.7, 'budget');
    const written = Object.fromEntries(NAMES.map((name) => [name, readouts.due(name) ? write(readouts, name) : 0]));
    time += 0.1;
    readouts.end();
    return written;
  });
  assert.deepEqual(frames[0], { edges: 1, labels: 1, table: TABLE_ROWS }, 'the drag\'s first frame writes everything');
  const later = frames.slice(1);
  assert.ok(later.every(({ edges, labels }) => edges === 1 && labels === 1), 'the slots of one part follow every frame');
  const turns = later.filter(({ table }) => table > 0);
  // 1 s of frames: a turn about every 125 ms, each of two rows or three.
  assert.ok(turns.length >= 7 && turns.length <= 9, `the table's turns: ${turns.length}`);
  assert.ok(turns.every(({ table }) => table >= 2 && table <= 3), `rows a turn: ${turns.map(({ table }) => table)}`);
});

test('while dragging, the same slot with no more items than a turn follows every frame, whole', () => {
  let time = 0;
  const readouts = createReadouts({ ...PERIODS, table: { period: 500, turn: TABLE_ROWS } }, () => time);
  for (let k = 0; k < 30; k += 1) {
    readouts.frame(k * 16.7, 'budget');
    assert.equal(readouts.due('table') && write(readouts, 'table'), TABLE_ROWS, `frame ${k}`);
    time += 0.2;
    readouts.end();
  }
});

test('a frame that writes every slot is no measure: the page\'s slow build and a drag\'s slow first frame are not its cost', () => {
  let time = 0;
  const readouts = createReadouts(PERIODS, () => time);
  const labels = Array.from({ length: 20 }, (_, k) => {
    // The page is built (the labels take 30 ms), then the drag's first frame writes every slot
    // (3 ms), then the labels take 0.5 ms a frame.
    readouts.frame(k * 16.7, k === 0 ? null : 'budget');
    const due = readouts.due('labels');
    if (due) time += [30, 3][k] ?? 0.5;
    readouts.end();
    return due;
  });
  assert.deepEqual(labels, new Array(20).fill(true));
});

test('while dragging, one slow write does not hold a slot back; two of three do, for a few frames', () => {
  let time = 0;
  const readouts = createReadouts(PERIODS, () => time);
  const slow = new Set([3, 6, 7]); // a GC in frame 3; a busy machine in frames 6 and 7
  const labels = Array.from({ length: 30 }, (_, k) => {
    readouts.frame(k * 16.7, 'budget');
    const due = readouts.due('labels');
    if (due) time += slow.has(k) ? 9 : 0.5;
    readouts.end();
    return due;
  });
  const missed = labels.flatMap((due, k) => (due ? [] : [k]));
  assert.ok(missed.length > 0 && missed[0] === 8, `the labels follow after one slow write, wait after two: ${missed}`);
  assert.ok(missed.length <= 12 && labels.slice(21).every(Boolean), `then follow again: ${missed}`);
});
