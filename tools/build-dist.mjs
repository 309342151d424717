// The production build: bundles and minifies the page with esbuild into a tree that holds exactly
// what a first visit downloads. `cargo xtask build` runs it after the wasm build.
//
//   node tools/build-dist.mjs --src www --out dist
//
// What it reads comes from the page itself: the one `<script type="module" src>` of index.html is
// the entry of the JS bundle, and the stylesheets index.html links, in their order, become one
// CSS bundle, written into index.html as a `<style>` (so the first paint waits for no request but
// the page's) that the Content-Security-Policy meta allows by its SHA-256. An asset a module
// locates with `new URL('file', import.meta.url)` (the wasm-bindgen glue's .wasm) is copied
// beside the bundle under a content-hashed name, and the URL in the bundle names that copy; a
// module located so (a worker's script, `new URL('x.js', …)`) is bundled on its own the same way,
// and the URL names its bundle. The output files are content-hashed too, and index.html is
// rewritten to load them; the rest of it is left as it is.
//
// Only files whose bytes change are written and files left from an earlier build are removed, so
// a build with nothing changed touches nothing.

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** The stylesheets' bundle is built from this virtual module, which @imports each of them. */
const STYLES = 'page-styles';
/** `new URL('literal', import.meta.url)`: the wasm-bindgen web target's way of finding its .wasm. */
const ASSET_URL = /new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/** Each tag `name` of `html` with its attributes: `{ tag, start, end, attrs }`. */
function tagsOf(html, name) {
  const tags = [];
  for (const match of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attrs = {};
    for (const [, key, ...values] of match[1].matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[key.toLowerCase()] = values.find((value) => value !== undefined) ?? '';
    }
    tags.push({ tag: match[0], start: match.index, end: match.index + match[0].length, attrs });
  }
  return tags;
}

function isLocal(address) {
  return !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(address);
}

/** The module entry and the stylesheets of index.html, with where their tags are. */
function pageInputs(html) {
  const scripts = tagsOf(html, 'script');
  const modules = scripts.filter(({ attrs }) => attrs.type === 'module' && attrs.src);
  if (modules.length !== 1 || scripts.length !== 1) {
    throw new Error(`index.html must load exactly one script, <script type="module" src=…>; found ${scripts.length} script tags, ${modules.length} of them modules with a src`);
  }
  const styles = tagsOf(html, 'link').filter(({ attrs }) => attrs.rel?.split(/\s+/).includes('stylesheet'));
  if (styles.length === 0) throw new Error('index.html links no stylesheet');
  for (const { attrs } of [...modules, ...styles]) {
    const address = attrs.src ?? attrs.href;
    if (!address || !isLocal(address)) throw new Error(`index.html loads ${address}: only local files can be bundled`);
  }
  return { script: modules[0], styles };
}

/** What every bundle is built with: one file per entry, minified, content-hashed names. */
const BUNDLE = {
  bundle: true,
  minify: true,
  format: 'esm',
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.wasm': 'file' },
  write: false,
  logLevel: 'silent',
};

/** Fails on any esbuild warning. */
async function refuseWarnings(result) {
  if (result.warnings.length > 0) {
    const text = await esbuild.formatMessages(result.warnings, { kind: 'warning' });
    throw new Error(`esbuild warned, and a warning fails the build:\n${text.join('')}`);
  }
}

/**
 * Bundles the module `entry` (a worker's script) into `outDir` with its own assets; adds its
 * files to `extra` and returns the bundle's name.
 */
async function bundleModule(entry, outDir, extra) {
  const result = await esbuild.build({
    ...BUNDLE,
    entryPoints: [{ in: entry, out: path.basename(entry, path.extname(entry)) }],
    outdir: outDir,
    plugins: [pagePlugin(path.dirname(entry), [], outDir, extra)],
  });
  await refuseWarnings(result);
  for (const file of result.outputFiles) extra.set(file.path, Buffer.from(file.contents));
  const [bundle] = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  return path.basename(bundle.path);
}

/**
 * esbuild plugin: the virtual stylesheet, asset URLs turned into imports of the asset, and
 * module URLs into their own bundles (written into `extra`, path → bytes).
 */
function pagePlugin(srcDir, styles, outDir, extra) {
  return {
    name: 'backprop-viz-page',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${STYLES}$`) }, () => ({ path: STYLES, namespace: STYLES }));
      build.onLoad({ filter: /.*/, namespace: STYLES }, () => ({
        contents: styles.map(({ attrs }) => `@import ${JSON.stringify(`./${attrs.href}`)};`).join('\n'),
        loader: 'css',
        resolveDir: srcDir,
      }));
      build.onLoad({ filter: /\.m?js$/ }, async ({ path: file }) => {
        const source = await readFile(file, 'utf8');
        const modules = new Map();
        for (const [, , address] of source.matchAll(ASSET_URL)) {
          if (/\.m?js$/.test(address) && !modules.has(address)) {
            modules.set(address, await bundleModule(path.resolve(path.dirname(file), address), outDir, extra));
          }
        }
        const imports = [];
        const contents = source.replace(ASSET_URL, (_, _quote, address) => {
          if (modules.has(address)) return `new URL(${JSON.stringify(`./${modules.get(address)}`)}, import.meta.url)`;
          const name = `__asset${imports.length}`;
          const relative = address.startsWith('.') || address.startsWith('/') ? address : `./${address}`;
          imports.push(`import ${name} from ${JSON.stringify(relative)};`);
          return `new URL(${name}, import.meta.url)`;
        });
        if (imports.length === 0 && modules.size === 0) return undefined;
        return { contents: `${imports.join('\n')}\n${contents}`, loader: 'js' };
      });
    },
  };
}

/**
 * `html` with `css` allowed as an inline stylesheet: its SHA-256 added to the style-src of the
 * page's Content-Security-Policy, which must have one (a page without a policy needs nothing).
 */
function allowStyle(html, css) {
  const policy = tagsOf(html, 'meta').find(({ attrs }) => attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
  if (!policy) return html;
  const content = policy.attrs.content ?? '';
  const hash = `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
  const directives = content.split(';').map((directive) => directive.trim());
  const at = directives.findIndex((directive) => /^style-src\s/i.test(directive));
  if (at < 0) throw new Error('index.html\'s Content-Security-Policy has no style-src to allow the inline stylesheet by its hash');
  directives[at] = `${directives[at]} ${hash}`;
  const tag = policy.tag.replace(`content="${content}"`, `content="${directives.join('; ')}"`);
  if (tag === policy.tag) throw new Error('index.html\'s Content-Security-Policy must be written as content="…"');
  return html.slice(0, policy.start) + tag + html.slice(policy.end);
}

/**
 * index.html loading `bundle.js` in place of the script, with the stylesheets' bundle `css`
 * inline in place of the stylesheets: the first paint then waits for no other request.
 */
function rewriteHtml(html, { script, styles }, { js, css }) {
  if (/<\/style/i.test(css)) throw new Error('the stylesheets contain "</style", which cannot be inlined');
  const edits = [
    { start: script.start, end: script.end, text: script.tag.replace(script.attrs.src, js) },
    { start: styles[0].start, end: styles[0].end, text: `<style>${css}</style>` },
  ];
  for (const link of styles.slice(1)) {
    // The whole line, when the tag is alone on it.
    const lineStart = html.lastIndexOf('\n', link.start - 1) + 1;
    const lineEnd = html.indexOf('\n', link.end);
    const alone = html.slice(lineStart, link.start).trim() === '' && html.slice(link.end, lineEnd).trim() === '';
    edits.push(alone ? { start: lineStart, end: lineEnd + 1, text: '' } : { start: link.start, end: link.end, text: '' });
  }
  edits.sort((a, b) => b.start - a.start);
  const rewritten = edits.reduce((text, { start, end, text: inserted }) => text.slice(0, start) + inserted + text.slice(end), html);
  return allowStyle(rewritten, css);
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...await filesUnder(full));
    else files.push(full);
  }
  return files;
}

/** Makes `outDir` hold exactly `files` (path → bytes); returns how many were written. */
async function sync(outDir, files) {
  let written = 0;
  for (const [file, bytes] of files) {
    const old = await readFile(file).catch(() => null);
    if (old !== null && Buffer.compare(old, bytes) === 0) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    written += 1;
  }
  for (const file of await filesUnder(outDir)) {
    if (!files.has(file)) await rm(file);
  }
  const dirs = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const dir of dirs) await rmdir(dir).catch(() => {}); // only the empty ones go
  return written;
}

export async function buildDist({ src, out }) {
  const srcDir = path.resolve(src);
  const outDir = path.resolve(out);
  const inside = (dir, parent) => !path.relative(parent, dir).startsWith('..');
  if (inside(srcDir, outDir) || inside(outDir, srcDir)) {
    throw new Error(`--out ${outDir} and --src ${srcDir} must not contain each other`);
  }
  const html = await readFile(path.join(srcDir, 'index.html'), 'utf8');
  const inputs = pageInputs(html);
  const extra = new Map();
  const result = await esbuild.build({
    ...BUNDLE,
    entryPoints: [
      { in: path.join(srcDir, inputs.script.attrs.src), out: 'app' },
      { in: STYLES, out: 'app' },
    ],
    outdir: outDir,
    plugins: [pagePlugin(srcDir, inputs.styles, outDir, extra)],
  });
  await refuseWarnings(result);
  const only = (ext) => {
    const found = result.outputFiles.filter((file) => file.path.endsWith(ext));
    if (found.length !== 1) throw new Error(`esbuild wrote ${found.length} ${ext} files, expected one`);
    return found[0];
  };
  const [js, css] = [only('.js'), only('.css')];
  const files = new Map([...extra, [js.path, Buffer.from(js.contents)]]);
  const index = rewriteHtml(html, inputs, {
    js: path.relative(outDir, js.path).split(path.sep).join('/'),
    css: css.text.trimEnd(),
  });
  files.set(path.join(outDir, 'index.html'), Buffer.from(index));
  const written = await sync(outDir, files);
  return { files: [...files.keys()].map((file) => path.relative(outDir, file)).sort(), written };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag) => {
    const at = args.indexOf(flag);
    if (at < 0 || at + 1 >= args.length) throw new Error(`${flag} is required`);
    return args[at + 1];
  };
  try {
    const started = performance.now();
    const { files, written } = await buildDist({ src: value('--src'), out: value('--out') });
    const ms = (performance.now() - started).toFixed(0);
    console.log(`build-dist: ${value('--out')}/ holds ${files.join(', ')} (${written} written, ${ms} ms)`);
  } catch (error) {
    console.error(`build-dist: ${error.message}`);
    process.exit(1);
  }
}
