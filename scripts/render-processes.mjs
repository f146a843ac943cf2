#!/usr/bin/env node
// Renders every processes/*.bpmn to docs/images/<name>.svg and .png with bpmn-js (the renderer of Camunda
// Modeler) in Debian's headless chromium, so that the pictures in docs/ are what a modeller shows.
// Usage: (cd scripts && npm install) && node scripts/render-processes.mjs
// Labels that only repeat an element's id (the joins' names "signJoin" ...) are left out of the pictures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const viewer = join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js');
const assets = join(here, 'node_modules/bpmn-js/dist/assets');
const out = join(root, 'docs/images');
const work = mkdtempSync(join(tmpdir(), 'render-processes-'));
const chromium = process.env.CHROMIUM || 'chromium';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${join(work, 'profile')}`];

copyFileSync(viewer, join(work, 'viewer.js'));
copyFileSync(join(assets, 'bpmn-js.css'), join(work, 'bpmn-js.css'));

function page(xml) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="bpmn-js.css">
<style>html,body{margin:0;background:#fff} #canvas{width:4000px;height:1400px}
.djs-label{font-family:"WenQuanYi Micro Hei",sans-serif !important}</style></head>
<body><div id="canvas"></div><pre id="svg"></pre><script src="viewer.js"></script><script>
(async () => {
  const viewer = new BpmnJS({ container: '#canvas' });
  try {
    await viewer.importXML(${JSON.stringify(xml)});
    const registry = viewer.get('elementRegistry'), canvas = viewer.get('canvas');
    registry.filter(e => e.type === 'label' && e.businessObject.name === e.businessObject.id)
      .forEach(e => canvas.removeShape(e));
    const { svg } = await viewer.saveSVG();
    document.getElementById('svg').textContent = svg;
  } catch (e) {
    document.getElementById('svg').textContent = 'ERROR ' + e.message;
  }
})();
</script></body></html>`;
}

function run(args) {
  return execFileSync(chromium, [...flags, ...args], { cwd: work, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'] });
}

const files = readdirSync(join(root, 'processes')).filter(f => f.endsWith('.bpmn'));
for (const file of files) {
  const name = basename(file, '.bpmn');
  writeFileSync(join(work, `${name}.html`), page(readFileSync(join(root, 'processes', file), 'utf8')));
  const dom = run(['--virtual-time-budget=10000', '--dump-dom', `file://${join(work, name + '.html')}`]);
  const text = /<pre id="svg">([\s\S]*?)<\/pre>/.exec(dom)?.[1] ?? '';
  const svg = text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  if (!svg.startsWith('<?xml') && !svg.startsWith('<svg')) {
    throw new Error(`${file}: bpmn-js did not render it: ${svg.slice(0, 300)}`);
  }
  writeFileSync(join(out, `${name}.svg`), svg + '\n');
  const [w, h] = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg).slice(1).map(v => Math.ceil(Number(v)));
  writeFileSync(join(work, `${name}-png.html`), `<!DOCTYPE html><html><body style="margin:0;background:#fff">
<img src="${name}.svg" width="${w}" height="${h}"></body></html>`);
  writeFileSync(join(work, `${name}.svg`), svg);
  run([`--window-size=${w},${h}`, '--virtual-time-budget=5000', `--screenshot=${join(out, name + '.png')}`,
    `file://${join(work, name + '-png.html')}`]);
  console.log(`docs/images/${name}.svg, docs/images/${name}.png (${w}x${h})`);
}
rmSync(work, { recursive: true, force: true });
