// The LRS tests of `counterplay sync` and of the xAPI export, against a real LRS: Learning
// Locker's statements service (npm xapi-statements, in memory, bound to 127.0.0.1) plus small
// local helpers: an auth endpoint for AUTH_REPO=fetch (only one key/secret pair passes) and a
// proxy that answers 503 to the first POSTs. Usage: node lrs-test.js CASE
// (CASE: see `cases` below).
// Environment: COUNTERPLAY_BIN (the counterplay or counterplay-cli binary).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const validate = require('@learninglocker/xapi-validation').default;

const BIN = process.env.COUNTERPLAY_BIN;
const GOOD_KEY = 'counterplay-test-key';
const GOOD_SECRET = 'counterplay-test-secret';
const children = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'counterplay-lrstest-'));

function fail(message) {
  console.error(`FAIL: ${message}`);
  cleanup();
  process.exit(1);
}
function check(cond, message) {
  if (!cond) fail(message);
  console.log(`ok - ${message}`);
}
function cleanup() {
  for (const c of children) {
    try { c.kill('SIGTERM'); } catch (e) { /* already gone */ }
  }
  fs.rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);

/// Runs counterplay (asynchronously: the helper servers live in this process) with its data
/// folder, database and key inside the work folder.
function counterplay(args) {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, {
      env: { ...process.env, XDG_DATA_HOME: path.join(work, 'data'), COUNTERPLAY_DB: path.join(work, 'results.db'),
        COUNTERPLAY_KEY_FILE: path.join(work, 'site.key'), LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    // Decoded as one stream: a chunk boundary inside a UTF-8 character must not become U+FFFD.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, out, err }); });
  });
}

function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

/// Starts the LRS; resolves to its base URL once it answers.
async function startLrs(extraEnv = {}) {
  const portFile = path.join(work, `lrs-port-${children.length}`);
  const child = spawn(process.execPath, [path.join(__dirname, 'lrs-server.js')], {
    cwd: work,
    env: { ...process.env, LRS_PORT_FILE: portFile, AUTH_REPO: 'test', ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  children.push(child);
  for (let i = 0; i < 300; i += 1) {
    if (fs.existsSync(portFile) && fs.readFileSync(portFile, 'utf8').length > 0) {
      const url = `http://127.0.0.1:${fs.readFileSync(portFile, 'utf8')}/xAPI`;
      const r = await fetch(`${url}/about`).catch(() => null);
      if (r && r.ok) return url;
    }
    if (child.exitCode !== null) fail(`the LRS exited: ${stderr}`);
    await sleep(100);
  }
  fail(`the LRS did not start: ${stderr}`);
}

/// A local server (127.0.0.1, free port) with the given handler; resolves to its port.
function startServer(handler) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    children.push({ kill: () => server.close() });
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });
}

/// Counts the statements stored in the LRS (following "more" links).
async function countStatements(url, registration) {
  const auth = 'Basic ' + Buffer.from(`${GOOD_KEY}:${GOOD_SECRET}`).toString('base64');
  let next = `${url}/statements?limit=100` + (registration ? `&registration=${registration}` : '');
  let n = 0;
  const origin = new URL(url).origin;
  while (next) {
    const r = await fetch(next, { headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3' } });
    if (!r.ok) fail(`GET statements: HTTP ${r.status} ${await r.text()}`);
    const body = await r.json();
    n += body.statements.length;
    next = body.more ? origin + body.more : null;
  }
  return n;
}

/// A results database with simulated attempts; returns how many statements they make.
async function makeDb(attempts) {
  const sim = await counterplay(['simulate', '--trainees', '4', '--attempts', String(attempts), '--seed', '7']);
  if (sim.code !== 0) fail(`simulate: ${sim.err}`);
  const out = path.join(work, 'all.xapi');
  const exp = await counterplay(['export', '--format', 'xapi', '--out', out]);
  if (exp.code !== 0) fail(`export: ${exp.err}`);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

/// A two-node scenario for scripted plays (principles from the shipped catalogue).
const MINI_SCENARIO = `format: 1
id: mini-lrs
title: {ko: "짧은 장면", en: "A short scene"}
summary: {ko: "짧은 장면", en: "A short scene."}
setting: boutique
difficulty: 1
source: {seed: 000_4509f5af55c98261.txt, item: "10"}
principles: [trust.small-promises]
pass_threshold: 50
customer:
  name: {ko: "김지현", en: "Kim Ji-hyun"}
  look: {skin: "#f1c8a5", hair: bob, hair_color: "#2b1d14", outfit: coat, outfit_color: "#5a6e8c"}
  mood: 40
  trust: 50
start: ask
nodes:
  ask:
    lines:
      - {text: {ko: "언제 와요?", en: "When will it come?"}}
    choices:
      - id: promise
        text: {ko: "3시까지 전화드릴게요.", en: "I'll call you by 3 pm."}
        points: {trust.small-promises: 2}
        feedback: {ko: "신뢰 10 ‘작은 약속’: 지킬 수 있는 약속.", en: "Trust 10, small promises: one you can keep."}
        next: done
      - id: shrug
        text: {ko: "모르겠어요.", en: "No idea."}
        points: {trust.small-promises: -1}
        feedback: {ko: "신뢰 10 ‘작은 약속’ 놓침: 다음 단계가 없다.", en: "Trust 10, small promises, missed: no next step."}
        next: gone
  done:
    lines:
      - {expression: relieved, text: {ko: "고마워요.", en: "Thanks."}}
    ending: {kind: loyal, title: {ko: "다시 온다", en: "She'll be back"}}
  gone:
    lines:
      - {expression: angry, text: {ko: "됐어요.", en: "Forget it."}}
    ending: {kind: lost, title: {ko: "떠났다", en: "She left"}, recommend: 1}
`;

/// Runs counterplay as another machine (its own data folder, database and keys).
function machine(name, args) {
  return new Promise((resolve) => {
    const home = path.join(work, name);
    const child = spawn(BIN, args, {
      env: { ...process.env, XDG_DATA_HOME: home, COUNTERPLAY_DB: path.join(home, 'results.db'), LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    // Decoded as one stream: a chunk boundary inside a UTF-8 character must not become U+FFFD.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/// Starts counterplay as another machine and returns the child at once (to be killed).
function machineChild(name, args) {
  const home = path.join(work, name);
  return spawn(BIN, args, {
    env: { ...process.env, XDG_DATA_HOME: home, COUNTERPLAY_DB: path.join(home, 'results.db'), LANG: 'C' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
}

const AUTH = 'Basic ' + Buffer.from(`${GOOD_KEY}:${GOOD_SECRET}`).toString('base64');
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';

/// Every statement of the LRS with this verb (following "more").
async function statementsWithVerb(url, verb) {
  const origin = new URL(url).origin;
  let next = `${url}/statements?limit=100&verb=${encodeURIComponent(verb)}`;
  const out = [];
  while (next) {
    const r = await fetch(next, { headers: { Authorization: AUTH, 'X-Experience-API-Version': '1.0.3' } });
    if (!r.ok) fail(`GET statements: HTTP ${r.status} ${await r.text()}`);
    const body = await r.json();
    // Statements that target a matching one (voiding statements) come back too: keep the verb's own.
    out.push(...body.statements.filter((st) => st.verb.id === verb));
    next = body.more ? origin + body.more : null;
  }
  return out;
}

/// Voids the statements with these ids (one voiding statement each, by the LRS's manager).
async function voidStatements(url, ids) {
  const statements = ids.map((id) => ({
    actor: { objectType: 'Agent', name: 'LRS manager', mbox: 'mailto:manager@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
    object: { objectType: 'StatementRef', id },
  }));
  const r = await fetch(`${url}/statements`, {
    method: 'POST',
    headers: { Authorization: AUTH, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
    body: JSON.stringify(statements),
  });
  if (!r.ok) fail(`POST voiding statements: HTTP ${r.status} ${await r.text()}`);
}

/// The attempts of a machine's store as a comparable text: the JSON export's attempts sorted by
/// uuid, without the local row id (which differs by design between stores). Everything else is
/// compared: uuid, trainee, scenario and content hash, times, origin store, fingerprint and
/// source, the seal, the scorecard (per-principle points) and the transcript (every decision
/// with its time).
async function storeContents(name) {
  const r = await machine(name, ['export', '--format', 'json', '--out', '-']);
  if (r.code !== 0) fail(`export from ${name}: ${r.err}`);
  const attempts = JSON.parse(r.out).attempts.map((a) => { const { id, ...rest } = a; return rest; });
  attempts.sort((x, y) => (x.uuid < y.uuid ? -1 : 1));
  return attempts;
}

/// A machine `m` with store name `store`, `n` simulated attempts pushed to the LRS; its public
/// key is trusted by each of `trusting`.
async function pushingMachine(m, store, n, seed, lrs, trusting) {
  await machine(m, ['key', 'name', store]);
  const sim = await machine(m, ['simulate', '--trainees', '4', '--attempts', String(n), '--seed', seed]);
  if (sim.code !== 0) fail(`simulate on ${m}: ${sim.err}`);
  const sent = await machine(m, ['sync', ...lrs, '--batch', '500']);
  if (sent.code !== 0) fail(`sync from ${m}: ${sent.err}`);
  const pub = path.join(work, `${m}.pub`);
  await machine(m, ['key', 'export-public', '--out', pub]);
  for (const t of trusting) await machine(t, ['key', 'trust', pub]);
}

const cases = {

  async 'pull-void'() {
    const url = await startLrs();
    const lrs = ['--lrs', url, '--key', GOOD_KEY, '--secret', GOOD_SECRET];
    await pushingMachine('a', 'Gangnam', 6, '3', lrs, ['hq', 'hq2']);
    const first = await machine('hq', ['sync', '--pull', ...lrs, '--page-size', '2']);
    check(first.code === 0 && /Pulled 6 new attempts/.test(first.out), `head office pulls 6 (${first.out.trim()} ${first.err.trim()})`);
    check((first.err.match(/page \d+:/g) || []).length >= 3, 'paging through `more` happened');
    const completed = await statementsWithVerb(url, COMPLETED);
    check(completed.length === 6, 'the LRS holds 6 completed statements');
    const pulledUuid = completed[1].context.registration;
    // Voiding a statement of an attempt that is not its "completed" one leaves the attempt.
    const answered = (await statementsWithVerb(url, 'http://adlnet.gov/expapi/verbs/responded'))
      .find((st) => st.context.registration === completed[2].context.registration);
    check(answered !== undefined, 'a responded statement of another attempt exists');
    await voidStatements(url, [completed[1].id, answered.id]);
    // Two new attempts; one of them is voided before head office ever pulls it.
    const sim = await machine('a', ['simulate', '--trainees', '2', '--attempts', '2', '--seed', '9']);
    check(sim.code === 0, 'store Gangnam records more attempts');
    const pushed = await machine('a', ['sync', ...lrs]);
    const k = Number((/Sent (\d+) attempts/.exec(pushed.out) || [])[1]);
    check(pushed.code === 0 && k >= 2, `and pushes them (${pushed.out.trim()})`);
    const after = (await statementsWithVerb(url, COMPLETED)).map((st) => st.id);
    check(after.length === 5 + k && !after.includes(completed[1].id), `the voided statement never comes back from a query (${after.length} completed)`);
    const fresh = after.filter((id) => !completed.some((c) => c.id === id));
    check(fresh.length === k, `${k} new completed statements`);
    const neverPulled = (await statementsWithVerb(url, COMPLETED)).find((st) => st.id === fresh[0]).context.registration;
    await voidStatements(url, [fresh[0]]);
    const second = await machine('hq', ['sync', '--pull', ...lrs, '--page-size', '2']);
    check(second.code === 0 && new RegExp(`Pulled ${k - 1} new attempt`).test(second.out) && /1 removed as voided/.test(second.out),
      `the next pull adds the one new attempt and removes the voided one (${second.out.trim()})`);
    const have = (await storeContents('hq')).map((a) => a.uuid);
    check(have.length === 6 + k - 2, `head office now holds ${6 + k - 2} attempts (${have.length})`);
    check(!have.includes(pulledUuid), 'the attempt whose completed statement was voided is gone');
    check(!have.includes(neverPulled), 'the attempt voided before it was pulled never arrives');
    check(have.includes(completed[2].context.registration), 'voiding another statement of an attempt leaves it');
    const third = await machine('hq', ['sync', '--pull', ...lrs, '--page-size', '2']);
    check(third.code === 0 && /Pulled 0 new attempts/.test(third.out) && !/removed/.test(third.out),
      `a third pull changes nothing (${third.out.trim()})`);
    const clean = await machine('hq2', ['sync', '--pull', ...lrs, '--page-size', '2']);
    check(clean.code === 0 && new RegExp(`Pulled ${6 + k - 2} new attempts`).test(clean.out), `a store that pulls for the first time gets the same ones (${clean.out.trim()})`);
    check(JSON.stringify(await storeContents('hq2')) === JSON.stringify(await storeContents('hq')), 'both stores hold the same attempts');
    const local = await storeContents('a');
    check(local.length === 6 + k, 'voiding in the LRS never removes the attempts of the store that made them');
  },

  async 'pull-503'() {
    const url = await startLrs();
    const lrs = ['--lrs', url, '--key', GOOD_KEY, '--secret', GOOD_SECRET];
    await pushingMachine('a', 'Gangnam', 12, '3', lrs, ['hq', 'hq2']);
    // A proxy in front of the LRS: after two pages it answers 503 with Retry-After: 1 twice;
    // after two more it "restarts": 503 without Retry-After for 1.5 s.
    const target = new URL(url);
    let gets = 0;
    let retryAfterAnswers = 0;
    let restartUntil = 0;
    let restartAnswers = 0;
    const proxyPort = await startServer((req, res) => {
      if (req.method === 'GET' && req.url.includes('/statements')) {
        gets += 1;
        if (gets >= 3 && retryAfterAnswers < 2) {
          retryAfterAnswers += 1;
          res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' });
          res.end('busy');
          return;
        }
        if (gets === 7 && restartUntil === 0) restartUntil = Date.now() + 1500;
        if (Date.now() < restartUntil) {
          restartAnswers += 1;
          res.writeHead(503, { 'Content-Type': 'text/plain' });
          res.end('restarting');
          return;
        }
      }
      const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
      req.pipe(up);
    });
    const proxied = ['--lrs', `http://127.0.0.1:${proxyPort}/xAPI`, '--key', GOOD_KEY, '--secret', GOOD_SECRET];
    const started = Date.now();
    const r = await machine('hq', ['sync', '--pull', ...proxied, '--page-size', '2', '--retry-delay-ms', '200', '--retries', '6']);
    const took = Date.now() - started;
    check(retryAfterAnswers === 2 && restartAnswers >= 2, `the LRS answered 503 (Retry-After ${retryAfterAnswers}, restarting ${restartAnswers})`);
    check(r.code === 0 && /Pulled 12 new attempts/.test(r.out), `the pull retried and completed (${r.out.trim()})`);
    check((r.err.match(/trying again in 1000 ms/g) || []).length === 2, 'it waited as long as Retry-After asked');
    check(/HTTP 503\).*trying again in 200 ms/.test(r.err) && /trying again in 400 ms/.test(r.err), 'without Retry-After it backed off, doubling');
    check(took >= 2000 + 1500, `it took the waits (${took} ms)`);
    const clean = await machine('hq2', ['sync', '--pull', ...lrs, '--page-size', '2']);
    check(clean.code === 0, 'a clean pull for comparison');
    check(JSON.stringify(await storeContents('hq')) === JSON.stringify(await storeContents('hq2')), 'the store equals a clean pull');
  },

  async 'pull-sigkill'() {
    const url = await startLrs();
    const lrs = ['--lrs', url, '--key', GOOD_KEY, '--secret', GOOD_SECRET];
    const n = Number(process.env.PULL_KILL_ATTEMPTS || 200);
    const kills = Number(process.env.PULL_KILLS || 50);
    await pushingMachine('a', 'Gangnam', n / 2, '3', lrs, ['clean', 'killed']);
    await pushingMachine('b', 'Jamsil', n / 2, '4', lrs, ['clean', 'killed']);
    const completed = await statementsWithVerb(url, COMPLETED);
    check(completed.length === n, `the LRS holds ${n} attempts`);
    await voidStatements(url, [completed[5].id, completed[n - 3].id]);
    const pull = ['sync', '--pull', ...lrs, '--page-size', '7'];
    const started = Date.now();
    const clean = await machine('clean', pull);
    const cleanMs = Date.now() - started;
    check(clean.code === 0 && new RegExp(`Pulled ${n - 2} new attempts`).test(clean.out), `a clean pull takes ${cleanMs} ms (${clean.out.trim()} ${clean.err.split("\n").filter((l) => /refused/.test(l)).slice(0, 3).join(" / ")})`);
    // SIGKILL the pull at random moments, each run going on from where the last one stopped.
    let seed = 12345;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    let killed = 0;
    let finished = 0;
    while (killed < kills) {
      const child = machineChild('killed', pull);
      const at = Math.floor(random() * cleanMs * 1.1);
      const code = await new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), at);
        child.on('close', (c, signal) => { clearTimeout(timer); resolve(signal === 'SIGKILL' ? 'killed' : c); });
      });
      if (code === 'killed') killed += 1;
      else if (code === 0) {
        // It got to the end before the kill: start this store again from nothing, so that the
        // kills keep landing mid-pull (the final store is the one the last round builds).
        finished += 1;
        for (const f of fs.readdirSync(path.join(work, 'killed'))) if (f.startsWith('results.db')) fs.rmSync(path.join(work, 'killed', f));
      } else fail(`a pull exited ${code}`);
    }
    console.log(`  ${killed} runs SIGKILLed, ${finished} got to the end first (the store was then emptied)`);
    const last = await machine('killed', pull);
    check(last.code === 0, `the pull, run once more, completes (${last.out.trim()})`);
    const checked = await machine('killed', ['check']);
    check(checked.code === 0 && new RegExp(`${n - 2} ok`).test(checked.out), `every attempt keeps its seal (${checked.out.trim()})`);
    const a = await storeContents('clean');
    const b = await storeContents('killed');
    check(a.length === n - 2 && b.length === n - 2, `both stores hold ${n - 2} attempts (${a.length}, ${b.length})`);
    const differs = a.findIndex((x, i) => JSON.stringify(x) !== JSON.stringify(b[i]));
    if (differs >= 0) {
      for (const k of Object.keys(a[differs])) {
        if (JSON.stringify(a[differs][k]) !== JSON.stringify(b[differs][k]))
        {
          const x = JSON.stringify(a[differs][k]);
          const y = JSON.stringify(b[differs][k]);
          let i = 0;
          while (i < x.length && x[i] === y[i]) i += 1;
          console.error(`attempt ${a[differs].uuid} differs in ${k} at ${i}: ${x.slice(Math.max(0, i - 150), i + 150)}\n  vs ${y.slice(Math.max(0, i - 150), i + 150)}`);
        }
      }
    }
    check(differs < 0, 'the killed-and-resumed store equals the clean pull (attempts, seals, scorecards, transcripts)');
  },
  async 'pull'() {
    const url = await startLrs();
    const lrs = ['--lrs', url, '--key', GOOD_KEY, '--secret', GOOD_SECRET];
    for (const [m, store, n, seed] of [['a', 'Gangnam', 7, '3'], ['b', 'Jamsil', 5, '4']]) {
      await machine(m, ['key', 'name', store]);
      const sim = await machine(m, ['simulate', '--trainees', '3', '--attempts', String(n), '--seed', seed]);
      check(sim.code === 0, `store ${store} records ${n} attempts`);
      const sent = await machine(m, ['sync', ...lrs]);
      check(sent.code === 0, `store ${store} pushes them (${sent.out.trim()})`);
      await machine(m, ['key', 'export-public', '--out', path.join(work, `${m}.pub`)]);
    }
    const untrusted = await machine('hq', ['sync', '--pull', ...lrs, '--page-size', '3']);
    check(untrusted.code === 1 && /does not trust/.test(untrusted.err), 'attempts sealed by unknown keys are refused, exit 1');
    for (const m of ['a', 'b']) await machine('hq', ['key', 'trust', path.join(work, `${m}.pub`)]);
    const pulled = await machine('hq', ['sync', '--pull', '--full', ...lrs, '--page-size', '3']);
    check(pulled.code === 0 && /Pulled 12 new attempts/.test(pulled.out), `head office pulls all 12 (${pulled.out.trim()})`);
    check((pulled.err.match(/page \d+:/g) || []).length >= 4, 'paging through `more` happened, one progress line a page');
    const again = await machine('hq', ['sync', '--pull', ...lrs, '--page-size', '3']);
    check(again.code === 0 && /Pulled 0 new attempts/.test(again.out), `a second pull adds nothing (${again.out.trim()})`);
    const report = await machine('hq', ['report', '--json']);
    check(report.code === 0 && JSON.parse(report.out).attempts === 12, 'the report covers both stores');
    const checked = await machine('hq', ['check']);
    check(checked.code === 0 && /12 ok/.test(checked.out), `every pulled attempt keeps its seal (${checked.out.trim()})`);
    const resent = await machine('hq', ['sync', ...lrs, '--dry-run']);
    check(/Would send 0 attempts/.test(resent.out), 'pulled attempts are never pushed back');
  },

  async 'send-after-each'() {
    const url = await startLrs();
    const file = path.join(work, 'mini-lrs.yaml');
    fs.writeFileSync(file, MINI_SCENARIO);
    const catalogue = path.join(__dirname, '..', '..', 'scenarios', 'principles.yaml');
    const play = (trainee) => counterplay(['play', file, '--catalogue', catalogue, '--choices', '1', '--trainee', trainee, '--lang', 'en']);
    const before = await play('Kim');
    check(before.code === 0 && !/LRS/.test(before.err), `without the setting nothing is sent (${before.err.trim()})`);
    check(await countStatements(url) === 0, 'the LRS holds nothing yet');
    const save = await counterplay(['sync', '--lrs', url, '--key', GOOD_KEY, '--secret', GOOD_SECRET, '--save', '--send-after-each', 'on']);
    check(save.code === 0 && /sending after each attempt: on/.test(save.err), `sync --save --send-after-each on (${save.err.trim()})`);
    const mode = fs.statSync(path.join(work, 'data', 'counterplay', 'lrs.json')).mode & 0o777;
    check(mode === 0o600, `the saved settings are private (mode ${mode.toString(8)})`);
    const sentByFirstSync = await countStatements(url);
    check(sentByFirstSync > 0, `the first sync sent the earlier attempt (${sentByFirstSync} statements)`);
    const after = await play('Lee');
    check(after.code === 0 && after.err.includes(`Sent to the LRS ${url}`), `a new attempt is sent at once (${after.err.trim()})`);
    check(await countStatements(url) === 2 * sentByFirstSync, 'the LRS holds both attempts');
    const again = await counterplay(['sync']);
    check(again.code === 0 && again.out.includes('Sent 0 attempts'), `a later sync with the saved LRS sends nothing twice (${again.out.trim()})`);
    const off = await counterplay(['sync', '--send-after-each', 'off', '--dry-run']);
    check(off.code === 0 && /sending after each attempt: off/.test(off.err), 'the setting can be turned off');
    const quiet = await play('Park');
    check(quiet.code === 0 && !/Sent to the LRS/.test(quiet.err), 'then attempts wait for the next sync');
  },

  async 'sync-twice'() {
    const statements = await makeDb(12);
    const url = await startLrs();
    const first = await counterplay(['sync', '--lrs', url, '--key', GOOD_KEY, '--secret', GOOD_SECRET, '--batch', '25']);
    check(first.code === 0, `first sync exits 0 (${first.out.trim()} ${first.err.trim()})`);
    check(first.out.includes(`(${statements.length} statements)`), `first sync reports ${statements.length} statements`);
    const stored = await countStatements(url);
    check(stored === statements.length, `the LRS holds ${statements.length} statements (GET counted ${stored})`);
    const second = await counterplay(['sync', '--lrs', url, '--key', GOOD_KEY, '--secret', GOOD_SECRET]);
    check(second.code === 0 && second.out.includes('Sent 0 attempts (0 statements)'), `second sync sends nothing new (${second.out.trim()})`);
    check(await countStatements(url) === statements.length, 'the LRS still holds the same statements');
    const reg = statements[0].context.registration;
    const perAttempt = statements.filter((s) => s.context.registration === reg).length;
    check(await countStatements(url, reg) === perAttempt, `one attempt is one registration (${perAttempt} statements)`);
    // New attempts after a sync: only those are sent.
    await counterplay(['simulate', '--trainees', '2', '--attempts', '3', '--seed', '8']);
    const third = await counterplay(['sync', '--lrs', url, '--key', GOOD_KEY, '--secret', GOOD_SECRET]);
    check(third.code === 0 && third.out.includes('Sent 3 attempts'), `a later sync sends only the 3 new attempts (${third.out.trim()})`);
  },

  async 'bad-credentials'() {
    await makeDb(3);
    const authPort = await startServer((req, res) => {
      const good = 'Basic ' + Buffer.from(`${GOOD_KEY}:${GOOD_SECRET}`).toString('base64');
      if (req.headers.authorization !== good) { res.writeHead(404); res.end('{}'); return; }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ _id: '5988f0f00000000000000002', title: 'counterplay test',
        organisation: '5988f0f00000000000000000', lrs_id: '5988f0f00000000000000001',
        authority: { objectType: 'Agent', name: 'counterplay test', mbox: 'mailto:lrs@example.com' },
        isTrusted: true, scopes: ['all'] }));
    });
    const url = await startLrs({ AUTH_REPO: 'fetch', LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${authPort}/auth` });
    const bad = await counterplay(['sync', '--lrs', url, '--key', GOOD_KEY, '--secret', 'wrong', '--retry-delay-ms', '50']);
    check(bad.code === 1, `bad credentials exit 1 (got ${bad.code})`);
    check(/refused the credentials/.test(bad.err) && /HTTP 40[13]/.test(bad.err), `the message says why: ${bad.err.trim().split('\n')[0]}`);
    check(await countStatements(url) === 0, 'nothing was stored');
    const good = await counterplay(['sync', '--lrs', url, '--key', GOOD_KEY, '--secret', GOOD_SECRET]);
    check(good.code === 0 && /Sent 3 attempts/.test(good.out), `the right credentials then send everything (${good.out.trim()})`);
  },

  async 'retry-5xx'() {
    const statements = await makeDb(4);
    const url = await startLrs();
    const target = new URL(url);
    let failures = 0;
    const proxyPort = await startServer((req, res) => {
      if (req.method === 'POST' && failures < 2) {
        failures += 1;
        req.resume();
        res.writeHead(503, { 'Content-Type': 'text/plain' });
        res.end('try again later');
        return;
      }
      const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
      req.pipe(up);
    });
    const r = await counterplay(['sync', '--lrs', `http://127.0.0.1:${proxyPort}/xAPI`, '--key', GOOD_KEY, '--secret', GOOD_SECRET, '--retry-delay-ms', '100']);
    check(failures === 2, 'the LRS answered 503 twice');
    check(r.code === 0, `sync retried and succeeded (${r.out.trim()} ${r.err.trim()})`);
    check(await countStatements(url) === statements.length, `all ${statements.length} statements arrived once`);
  },

  async 'network-error'() {
    await makeDb(2);
    const port = await new Promise((resolve) => {  // a port nobody listens on
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    });
    const started = Date.now();
    const r = await counterplay(['sync', '--lrs', `http://127.0.0.1:${port}/xAPI`, '--key', 'k', '--secret', 's', '--retries', '3', '--retry-delay-ms', '50']);
    check(r.code === 1, `an unreachable LRS exits 1 (got ${r.code})`);
    check(/network error/.test(r.err) && /gave up after 4 tries/.test(r.err), `it retried, then said why: ${r.err.trim().split('\n')[0]}`);
    check(Date.now() - started >= 50 + 100 + 200, 'it backed off between tries');
    const again = await counterplay(['sync', '--lrs', `http://127.0.0.1:${port}/xAPI`, '--key', 'k', '--secret', 's', '--dry-run']);
    check(/Would send 2 attempts/.test(again.out), 'nothing was recorded as sent');
  },

  async 'validate-exports'() {
    const statements = await makeDb(40);
    let invalid = 0;
    for (const s of statements) {
      const warnings = validate(s);
      if (warnings.length) {
        invalid += 1;
        if (invalid < 4) console.error(JSON.stringify({ statement: s.id, warnings }));
      }
    }
    check(statements.length > 40 * 3, `the export has ${statements.length} statements`);
    check(invalid === 0, `every statement passes Learning Locker's validator (${invalid} invalid)`);
    const ids = new Set(statements.map((s) => s.id));
    check(ids.size === statements.length, 'statement ids are unique');
    const again = JSON.parse(fs.readFileSync(path.join(work, 'all.xapi'), 'utf8'));
    await counterplay(['export', '--format', 'xapi', '--out', path.join(work, 'again.xapi')]);
    const second = JSON.parse(fs.readFileSync(path.join(work, 'again.xapi'), 'utf8'));
    check(JSON.stringify(second.map((s) => s.id)) === JSON.stringify(again.map((s) => s.id)), 'statement ids are the same on every export');
    const v = await counterplay(['verify', path.join(work, 'all.xapi')]);
    check(v.code === 0, `the export verifies (${v.out.trim()})`);
    const url = await startLrs();
    const r = await counterplay(['sync', '--lrs', url, '--key', GOOD_KEY, '--secret', GOOD_SECRET]);
    check(r.code === 0 && await countStatements(url) === statements.length, 'the LRS accepts every statement');
  },
};

(async () => {
  if (!BIN) fail('set COUNTERPLAY_BIN');
  const name = process.argv[2];
  if (!cases[name]) fail(`unknown case ${name}; one of ${Object.keys(cases).join(', ')}`);
  await cases[name]();
  console.log(`PASS ${name}`);
  cleanup();
  process.exit(0);
})().catch((e) => fail(e.stack || String(e)));
