// Static file server for www/, used by `cargo xtask serve` and by the page tests.
//
//   import { startServer } from '../../tools/static-server.mjs';
//   const server = await startServer({ root: 'www', port: 0 });
//   // ... fetch(server.url) ...
//   await server.close();
//
// Run directly: node tools/static-server.mjs --root www [--host 127.0.0.1] [--port 8000]

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** MIME type for a file name, `application/octet-stream` when unknown. */
export function mimeType(fileName) {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

function sendText(res, status, text, extraHeaders = {}) {
  const body = `${text}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Maps a request URL to a file under `root`, or null if it escapes root. */
function resolvePath(root, requestUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  // Reject `..` segments outright rather than normalising them away.
  if (pathname.split('/').includes('..')) return null;
  const file = path.resolve(root, `.${pathname}`);
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

async function findFile(file) {
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  return info?.isFile() ? { file, info } : null;
}

async function handle(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const requested = resolvePath(root, req.url ?? '/');
  if (requested === null) {
    sendText(res, 403, 'Forbidden');
    return;
  }
  const found = await findFile(requested);
  if (found === null) {
    sendText(res, 404, 'Not Found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': mimeType(found.file),
    'Content-Length': found.info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Serves the files under `root`.
 * `port: 0` picks a free port; the returned `url` ends with `/`.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ root, host = '127.0.0.1', port = 0 } = {}) {
  if (!root) throw new Error('startServer: `root` is required');
  const rootDir = path.resolve(root);
  const rootInfo = await stat(rootDir).catch(() => null);
  if (!rootInfo?.isDirectory()) {
    throw new Error(`startServer: root ${rootDir} is not a directory`);
  }

  const server = createServer((req, res) => {
    handle(rootDir, req, res).catch((err) => {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
      console.error(`static-server: ${req.url}: ${err?.message ?? err}`);
    });
  });

  await new Promise((resolve, reject) => {
    const onError = (err) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is already in use; pick another with --port`)
          : err,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}/`,
    port: actualPort,
    close() {
      return new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function parseArgs(argv) {
  const options = { root: 'www', host: '127.0.0.1', port: 8000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (!['--root', '--host', '--port'].includes(flag)) {
      throw new Error(`unknown argument ${argv[i]} (expected --root, --host, --port)`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`invalid port ${value}`);
      }
      options.port = port;
    } else {
      options[flag.slice(2)] = value;
    }
  }
  return options;
}

async function main() {
  try {
    const options = parseArgs(process.argv.slice(2));
    const server = await startServer(options);
    console.log(`Serving ${path.resolve(options.root)} at ${server.url}  (Ctrl+C to stop)`);
    const stop = () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(0),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (err) {
    console.error(`static-server: ${err.message}`);
    process.exit(1);
  }
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await main();
