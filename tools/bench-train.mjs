// Training speed: the wasm core's `train` against a plain hand-written JavaScript loop of the
// same network, run one right after the other in the same process (Node here; Chromium through
// tools/bench-browser.mjs, which runs the same two functions in the page). It builds nothing: run
// `cargo xtask build` first (or `cargo xtask bench`, which does both).
//
//   node tools/bench-train.mjs
//
// `train(state, steps)` crosses the JavaScript ↔ wasm boundary once per call (the state in, the
// trained state out: a few microseconds), so every call runs enough steps (tens of milliseconds)
// that the crossing is well under 1% of the time measured.

import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The two networks of issue 11: the seed's 2-2-1 (`seed`, the core's defaultState()), and a
 * 2-8-8-1 tanh network on 200 samples. benches/core.rs times the native core on the same two
 * under the same names.
 */
export function trainingCases(seed) {
  const deep = JSON.parse(readFileSync(new URL('../benches/train-2-8-8-1.json', import.meta.url), 'utf8'));
  return [
    { name: '2-2-1 seed', state: seed, stepsPerCall: 1_000_000 },
    { name: '2-8-8-1 tanh, 200 samples', state: deep, stepsPerCall: 2_000 },
  ];
}

/**
 * The native core's steps/s for each case, from the estimates criterion wrote for benches/core.rs
 * (`cargo xtask bench` runs it just before), with their age; `undefined` where there are none.
 */
export function nativeRates(cases) {
  const rates = {};
  for (const { name } of cases) {
    const dir = new URL(`../target/criterion/train/${name}/new/`, import.meta.url);
    try {
      const estimates = JSON.parse(readFileSync(new URL('estimates.json', dir), 'utf8'));
      const { throughput } = JSON.parse(readFileSync(new URL('benchmark.json', dir), 'utf8'));
      const ageS = (Date.now() - statSync(new URL('estimates.json', dir)).mtimeMs) / 1000;
      rates[name] = { rate: throughput.Elements / (estimates.median.point_estimate * 1e-9), ageS };
    } catch {
      rates[name] = undefined;
    }
  }
  return rates;
}

/**
 * The obvious hand-written JavaScript trainer for a state: Float64Arrays sized once, Math.exp and
 * Math.tanh, full-batch gradient descent on the mean loss, nothing allocated in the loop. It knows
 * the state JSON and nothing of the core. Self-contained, so that Chromium can run its source.
 */
export function plainTrainer(state) {
  const SIGMOID = 0, TANH = 1, RELU = 2;
  const SQUARED = 0, HALF = 1, CROSS_ENTROPY = 2;
  const depth = Object.keys(state).filter((k) => /^w\d+$/.test(k)).length;
  const names = state.activations ?? Array(depth).fill('sigmoid');
  const act = Int32Array.from([-1, ...names.map((name) => ['sigmoid', 'tanh', 'relu', 'linear'].indexOf(name))]);
  const lossFn = ['squared', 'half_squared', 'cross_entropy'].indexOf(state.loss_fn ?? 'squared');
  const samples = state.samples ?? [{ x: state.x, t: state.t }];
  const n = samples.length, scale = 1 / n;
  const rate = (state.update === 'ascent' ? 1 : -1) * state.lr;
  const trainBiases = state.train_biases ?? true;
  // Layer l's neurons are node[l] … node[l + 1] of Z, A, DA, DZ; its weights (row-major, as in the
  // state) start at wAt[l] of P and G, its biases at bAt[l].
  const width = Int32Array.from([state.x.length, ...Array.from({ length: depth }, (_, l) => state[`b${l + 1}`].length)]);
  const node = new Int32Array(depth + 2), wAt = new Int32Array(depth + 1), bAt = new Int32Array(depth + 1);
  const flat = [];
  for (let l = 0; l <= depth; l += 1) node[l + 1] = node[l] + width[l];
  for (let l = 1; l <= depth; l += 1) {
    wAt[l] = flat.length; flat.push(...state[`w${l}`].flat());
    bAt[l] = flat.length; flat.push(...state[`b${l}`]);
  }
  const P = Float64Array.from(flat), G = new Float64Array(P.length);
  const nodes = node[depth + 1];
  const Z = new Float64Array(nodes), A = new Float64Array(nodes), DA = new Float64Array(nodes), DZ = new Float64Array(nodes);
  const X = Float64Array.from(samples.flatMap((s) => s.x)), T = Float64Array.from(samples.flatMap((s) => s.t));
  const nX = width[0], out = width[depth], yAt = node[depth];

  function step() {
    for (let k = 0; k < G.length; k += 1) G[k] = 0;
    for (let s = 0; s < n; s += 1) {
      for (let i = 0; i < nX; i += 1) A[i] = X[s * nX + i];
      for (let l = 1; l <= depth; l += 1) {
        const nIn = width[l - 1], nOut = width[l], inAt = node[l - 1], at = node[l], w = wAt[l], b = bAt[l], f = act[l];
        for (let j = 0; j < nOut; j += 1) {
          let sum = 0;
          for (let i = 0; i < nIn; i += 1) sum += A[inAt + i] * P[w + i * nOut + j];
          sum += P[b + j];
          Z[at + j] = sum;
          A[at + j] = f === SIGMOID ? 1 / (1 + Math.exp(-sum)) : f === TANH ? Math.tanh(sum) : f === RELU ? (sum > 0 ? sum : 0) : sum;
        }
      }
      for (let j = 0; j < out; j += 1) {
        const y = A[yAt + j], t = T[s * out + j];
        DA[yAt + j] = lossFn === SQUARED ? 2 * (y - t) : lossFn === HALF ? y - t : (y - t) / (y * (1 - y));
      }
      for (let l = depth; l >= 1; l -= 1) {
        const nIn = width[l - 1], nOut = width[l], inAt = node[l - 1], at = node[l], w = wAt[l], b = bAt[l], f = act[l];
        for (let j = 0; j < nOut; j += 1) {
          const y = A[at + j];
          if (l === depth && lossFn === CROSS_ENTROPY) DZ[at + j] = y - T[s * out + j];
          else DZ[at + j] = DA[at + j] * (f === SIGMOID ? y * (1 - y) : f === TANH ? 1 - y * y : f === RELU ? (Z[at + j] > 0 ? 1 : 0) : 1);
        }
        for (let i = 0; i < nIn; i += 1) {
          const below = A[inAt + i];
          for (let j = 0; j < nOut; j += 1) G[w + i * nOut + j] += below * DZ[at + j] * scale;
        }
        for (let j = 0; j < nOut; j += 1) G[b + j] += DZ[at + j] * scale;
        if (l > 1) {
          for (let i = 0; i < nIn; i += 1) {
            let sum = 0;
            for (let j = 0; j < nOut; j += 1) sum += P[w + i * nOut + j] * DZ[at + j];
            DA[inAt + i] = sum;
          }
        }
      }
    }
    for (let l = 1; l <= depth; l += 1) {
      const end = trainBiases ? bAt[l] + width[l] : bAt[l];
      for (let k = wAt[l]; k < end; k += 1) P[k] += G[k] * rate;
    }
  }

  return {
    train(steps) { for (let s = 0; s < steps; s += 1) step(); },
    params() { return Array.from(P); },
  };
}

/**
 * Times `core.train` and `plainTrainer` on each case, alternating the two over several rounds
 * (the best round of each counts), and checks that they trained the same network: the largest
 * relative difference of their parameters after the same number of steps. Self-contained.
 */
export function measureTraining(core, makePlain, cases, rounds = 5) {
  const flat = (state) => {
    const out = [];
    for (let l = 1; state[`w${l}`]; l += 1) out.push(...state[`w${l}`].flat(), ...state[`b${l}`]);
    return out;
  };
  const seconds = (fn) => { const start = performance.now(); fn(); return (performance.now() - start) / 1000; };
  return cases.map(({ name, state, stepsPerCall }) => {
    const plain = makePlain(state);
    let wasmTrained = core.train(state, stepsPerCall);
    plain.train(stepsPerCall);
    const paramsWasm = flat(wasmTrained), paramsPlain = plain.params();
    const difference = Math.max(...paramsWasm.map((p, k) => Math.abs(p - paramsPlain[k]) / Math.max(Math.abs(p), 1e-300)));
    let wasm = Infinity, js = Infinity;
    for (let r = 0; r < rounds; r += 1) {
      wasm = Math.min(wasm, seconds(() => { wasmTrained = core.train(state, stepsPerCall); }));
      js = Math.min(js, seconds(() => plain.train(stepsPerCall)));
    }
    return { name, stepsPerCall, wasm: stepsPerCall / wasm, js: stepsPerCall / js, difference };
  });
}

/** Lines for one environment's results, each ratio beside its target. */
export function reportTraining(where, results, native) {
  const rate = (r) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M` : `${(r / 1e3).toFixed(1)} k`);
  const lines = [`${where}: wasm train against a plain JavaScript loop of the same network (same process, best of 5 rounds each) and the native core (criterion):`];
  for (const r of results) {
    const n = native[r.name];
    const versusNative = n
      ? `native ${rate(n.rate)}: ${(r.wasm / n.rate).toFixed(2)}× native (target ≥ 0.7×)${n.ageS > 3600 ? `, measured ${(n.ageS / 3600).toFixed(1)} h ago` : ''}`
      : 'native: not measured (run cargo xtask bench)';
    lines.push(`  ${r.name.padEnd(27)} wasm ${rate(r.wasm)} steps/s; JS ${rate(r.js)}: ${(r.wasm / r.js).toFixed(2)}× JS (target ≥ 1.1×); ${versusNative}`);
    lines.push(`  ${''.padEnd(27)} (${r.stepsPerCall} steps per train call, so crossing into wasm is under 1% of the time; parameters after one call agree with JS to ${r.difference.toExponential(1)} relative)`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { wasm } = await import('../tests/node/wasm.mjs');
  const cases = trainingCases(wasm.defaultState());
  console.log(reportTraining('Node', measureTraining(wasm, plainTrainer, cases), nativeRates(cases)));
}
