// The page's side of the training worker (train-worker.js): started on the first training run,
// it answers one request at a time. Until it has loaded, and for good if it cannot (no module
// workers, a failed load), `ready` is false and the trainer trains on the page's thread instead.

/**
 * A client of the worker at `url`, not started. Controller: `ready`, `start()` (loads the worker
 * once; later calls do nothing) and `request(message)`, which resolves with the worker's answer
 * (see train-worker.js), or with `{ lost: true }` when the worker failed before answering.
 */
export function createWorkerClient(url) {
  let worker = null;
  let ready = false;
  let failed = false;
  let nextId = 0;
  const waiting = new Map();

  function fail() {
    failed = true;
    ready = false;
    worker?.terminate();
    worker = null;
    for (const resolve of waiting.values()) resolve({ lost: true });
    waiting.clear();
  }

  function start() {
    if (worker || failed) return;
    try {
      worker = new Worker(url, { type: 'module' });
    } catch {
      fail();
      return;
    }
    worker.addEventListener('message', ({ data }) => {
      if (data.ready) ready = true;
      else if (data.failed !== undefined) fail();
      else {
        waiting.get(data.id)?.(data);
        waiting.delete(data.id);
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail();
    });
  }

  return {
    get ready() {
      return ready;
    },
    start,
    request(message) {
      if (!ready) return Promise.resolve({ lost: true });
      const id = nextId;
      nextId += 1;
      worker.postMessage({ id, ...message });
      return new Promise((resolve) => waiting.set(id, resolve));
    },
  };
}
