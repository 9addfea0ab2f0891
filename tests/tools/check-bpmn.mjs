// Opens BPMN files the way bpmn.io does — bpmn-js's viewer in headless
// Chromium — and fails on any import error or warning; saves a screenshot of
// each diagram fitted to the window. Prints a JSON report; exits 1 on a failure.
//
//   node check-bpmn.mjs SCREENSHOT_DIR file.bpmn [file.bpmn ...]
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const [shots, ...files] = process.argv.slice(2);
const viewer = readFileSync(createRequire(import.meta.url).resolve('bpmn-js/dist/bpmn-viewer.development.js'), 'utf8');
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const report = {};
const failures = [];
try {
  for (const file of files) {
    const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const problems = [];
    tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await tab.setContent('<!DOCTYPE html><html><body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
    await tab.addScriptTag({ content: viewer });
    const result = await tab.evaluate(async (xml) => {
      const modeler = new window.BpmnJS({ container: '#canvas' });
      try {
        const { warnings } = await modeler.importXML(xml);
        modeler.get('canvas').zoom('fit-viewport');
        const registry = modeler.get('elementRegistry');
        return {
          warnings: warnings.map((w) => w.message),
          shapes: registry.filter((e) => !e.waypoints).length,
          connections: registry.filter((e) => !!e.waypoints).length,
        };
      } catch (e) {
        return { error: e.message, warnings: (e.warnings || []).map((w) => w.message) };
      }
    }, readFileSync(file, 'utf8'));
    if (result.error) problems.push(`import failed: ${result.error}`);
    for (const w of result.warnings) problems.push(`import warning: ${w}`);
    const shot = join(shots, basename(file).replace(/\.bpmn$/, '.png'));
    await tab.screenshot({ path: shot });
    report[file] = { ...result, problems, screenshot: shot };
    for (const p of problems) failures.push(`${file}: ${p}`);
    await tab.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ files: report, failures }, null, 2));
process.exit(failures.length ? 1 : 0);
