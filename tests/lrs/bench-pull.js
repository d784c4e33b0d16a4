// Pull throughput benchmark (not a test; `make bench-pull`, figures in docs/benchmarks.md), against
// the same LRS as the tests (Learning Locker's statements service, in memory, on 127.0.0.1):
//  1. MACHINES simulated stores with ATTEMPTS attempts each push to the LRS at the same time;
//     every statement must arrive exactly once (the LRS holds the sum of what each sync reported,
//     with no id twice);
//  2. a further store pulls them all (`sync --pull`), timed;
//  3. a bare paging loop over the same GET /statements query (same filter, same page size,
//     following `more`, parsing each page) on the same LRS, timed: the floor the pull is held to;
//  4. one machine records NEW more attempts and pushes them; the pull again, timed.
// Usage: node bench-pull.js  (environment: COUNTERPLAY_BIN, MACHINES=5, ATTEMPTS=20000,
// PAGE=200, NEW=100).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const BIN = process.env.COUNTERPLAY_BIN;
const MACHINES = Number(process.env.MACHINES || 5);
const ATTEMPTS = Number(process.env.ATTEMPTS || 20000);
const PAGE = Number(process.env.PAGE || 200);
const NEW = Number(process.env.NEW || 100);
const KEY = 'counterplay-test-key';
const SECRET = 'counterplay-test-secret';
const AUTH = 'Basic ' + Buffer.from(`${KEY}:${SECRET}`).toString('base64');
const BASE = 'https://counterplay.example/xapi';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'counterplay-benchpull-'));
let lrsChild = null;

function cleanup() {
  if (lrsChild) try { lrsChild.kill('SIGTERM'); } catch (e) { /* gone */ }
  fs.rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
function fail(message) { console.error(`FAIL: ${message}`); process.exit(1); }
function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

function machine(name, args) {
  return new Promise((resolve) => {
    const home = path.join(work, name);
    const child = spawn(BIN, args, {
      env: { ...process.env, XDG_DATA_HOME: home, COUNTERPLAY_DB: path.join(home, 'results.db'), LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
async function must(name, args) {
  const r = await machine(name, args);
  if (r.code !== 0) fail(`${name}: counterplay ${args.join(' ')}: ${r.err}`);
  return r;
}

async function startLrs() {
  const portFile = path.join(work, 'lrs-port');
  lrsChild = spawn(process.execPath, ['--max-old-space-size=16000', path.join(__dirname, 'lrs-server.js')], {
    cwd: work, env: { ...process.env, LRS_PORT_FILE: portFile, AUTH_REPO: 'test' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i += 1) {
    if (fs.existsSync(portFile) && fs.readFileSync(portFile, 'utf8').length > 0) {
      const url = `http://127.0.0.1:${fs.readFileSync(portFile, 'utf8')}/xAPI`;
      const r = await fetch(`${url}/about`).catch(() => null);
      if (r && r.ok) return url;
    }
    await sleep(100);
  }
  fail('the LRS did not start');
}

/// Follows `more` from `first`; calls onPage(statements) per page. Returns pages read.
async function pages(url, first, onPage) {
  const origin = new URL(url).origin;
  let next = first;
  let n = 0;
  while (next) {
    const r = await fetch(next, { headers: { Authorization: AUTH, 'X-Experience-API-Version': '1.0.3' } });
    if (!r.ok) fail(`GET ${next}: HTTP ${r.status}`);
    const body = await r.json();
    onPage(body.statements);
    n += 1;
    next = body.more ? origin + body.more : null;
  }
  return n;
}

function seconds(ms) { return (ms / 1000).toFixed(2); }

(async () => {
  if (!BIN) fail('set COUNTERPLAY_BIN');
  const url = await startLrs();
  const lrs = ['--lrs', url, '--key', KEY, '--secret', SECRET];
  const names = Array.from({ length: MACHINES }, (_, i) => `m${i + 1}`);
  let t = Date.now();
  await Promise.all(names.map(async (m, i) => {
    await must(m, ['key', 'name', `Store ${i + 1}`]);
    await must(m, ['simulate', '--trainees', '100', '--attempts', String(ATTEMPTS), '--seed', String(100 + i)]);
    await must(m, ['key', 'export-public', '--out', path.join(work, `${m}.pub`)]);
  }));
  console.log(`simulate: ${MACHINES} stores x ${ATTEMPTS} attempts in ${seconds(Date.now() - t)} s`);

  t = Date.now();
  const pushed = await Promise.all(names.map((m) => must(m, ['sync', ...lrs, '--batch', '1000'])));
  const pushMs = Date.now() - t;
  let sent = 0;
  for (const r of pushed) {
    const m = /Sent (\d+) attempts \((\d+) statements\)/.exec(r.out);
    if (!m || Number(m[1]) !== ATTEMPTS) fail(`a sync sent something else: ${r.out}`);
    sent += Number(m[2]);
  }
  console.log(`push: ${MACHINES} stores at once, ${sent} statements in ${seconds(pushMs)} s`);
  const ids = new Set();
  let held = 0;
  await pages(url, `${url}/statements?limit=1000`, (st) => { held += st.length; for (const s of st) ids.add(s.id); });
  if (held !== sent || ids.size !== sent) fail(`the LRS holds ${held} statements (${ids.size} distinct), ${sent} were sent`);
  console.log(`check: the LRS holds all ${sent} statements, each once`);

  for (const m of names) await must('hq', ['key', 'trust', path.join(work, `${m}.pub`)]);
  t = Date.now();
  const pulled = await must('hq', ['sync', '--pull', ...lrs, '--page-size', String(PAGE)]);
  const pullMs = Date.now() - t;
  const total = MACHINES * ATTEMPTS;
  if (!new RegExp(`Pulled ${total} new attempts`).test(pulled.out)) fail(`the pull: ${pulled.out}`);
  console.log(`pull: ${total} attempts in ${seconds(pullMs)} s (${pulled.out.trim()})`);

  const query = `${url}/statements?verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/completed')}` +
    `&ascending=true&limit=${PAGE}&activity=${encodeURIComponent(BASE)}&related_activities=true`;
  t = Date.now();
  let bare = 0;
  const bareMs0 = Date.now();
  const barePages = await pages(url, query, (st) => { bare += st.length; });
  const bareMs = Date.now() - bareMs0;
  if (bare !== total) fail(`the bare loop read ${bare} statements`);
  console.log(`bare paging loop: ${bare} statements in ${barePages} pages in ${seconds(bareMs)} s; ` +
    `pull / bare = ${(pullMs / bareMs).toFixed(2)}`);

  await must(names[0], ['simulate', '--trainees', '10', '--attempts', String(NEW), '--seed', '999']);
  await must(names[0], ['sync', ...lrs]);
  t = Date.now();
  const again = await must('hq', ['sync', '--pull', ...lrs, '--page-size', String(PAGE)]);
  const incMs = Date.now() - t;
  if (!new RegExp(`Pulled ${NEW} new attempts`).test(again.out)) fail(`the incremental pull: ${again.out}`);
  console.log(`incremental pull: ${NEW} new attempts in ${seconds(incMs)} s (${again.out.trim()})`);
  console.log(JSON.stringify({ machines: MACHINES, attempts: ATTEMPTS, page: PAGE, statements: sent,
    push_s: pushMs / 1000, pull_s: pullMs / 1000, bare_s: bareMs / 1000, incremental_s: incMs / 1000 }));
  process.exit(0);
})().catch((e) => fail(e.stack || String(e)));
