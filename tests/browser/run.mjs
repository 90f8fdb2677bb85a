#!/usr/bin/env node
// tests/browser/run.mjs — the browser journeys of 云会计 CloudAcct: Debian's chromium driven by
// playwright-core (tests/browser/node_modules, no browser download) against one dev-host site.
//
//   node tests/browser/run.mjs --ext=PATH/cloudacct.so [--php=php8.2] [--chromium=/usr/bin/chromium]
//
// Lays out one 微擎-like site (dev/host/setup.php + seed.php + demo_notices.php), starts the fake
// WeChat/SMS servers (dev/fakes/server.php) and PHP's built-in server with dev/host/router.php, then
// runs every journey in order with one browser. The database: the private MariaDB whose
// CLOUDACCT_TEST_DB_* variables are set (dev/test's), else one started here with dev/lib/mariadb.sh.
// Prints TAP (one "ok"/"not ok" per journey); screenshots go to /tmp/cloudacct-browser-<pid>/shots,
// which is kept; everything else (site, servers, database) is removed at the end.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  if (!m) { console.error(`run.mjs: unknown argument ${a}`); process.exit(2); }
  return [m[1], m[2] ?? '1'];
}));
const EXT = args.ext || process.env.CLOUDACCT_TEST_EXT || '';
const PHP = args.php || 'php8.2';
const CHROMIUM = args.chromium || '/usr/bin/chromium';
if (!EXT || !fs.existsSync(EXT)) { console.error('run.mjs: --ext=PATH/cloudacct.so (the built module) is required'); process.exit(2); }

const { chromium } = await import(path.join(HERE, 'node_modules/playwright-core/index.mjs'));

const WORK = `/tmp/cloudacct-browser-${process.pid}`;
const SHOTS = `${WORK}/shots`;
const SITE = `${WORK}/site`;
fs.mkdirSync(SHOTS, { recursive: true });
const DB_NAME = 'cloudacct_t_browser';
const children = [];
let ownDb = '';
let browser = null;

function log(...a) { console.log('#', ...a); }

// ------------------------------------------------------------------ cleanup
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  // the children stay in our process group (dev/test kills the group if it is interrupted);
  // php -S's workers are the server's children
  for (const c of children) {
    spawnSync('pkill', ['-TERM', '-P', String(c.pid)]);
    try { c.kill('SIGTERM'); } catch { /* gone */ }
  }
  if (ownDb) {
    spawnSync(path.join(ROOT, 'dev/lib/mariadb.sh'), ['stop', ownDb], { stdio: ['ignore', 'ignore', 'inherit'] });
  } else if (process.env.CLOUDACCT_DB_SOCKET) {
    mysql(`DROP DATABASE IF EXISTS ${DB_NAME}`);
  }
  for (const entry of fs.readdirSync(WORK)) {
    if (entry !== 'shots') fs.rmSync(path.join(WORK, entry), { recursive: true, force: true });
  }
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { cleanup(); process.exit(130); });

function mysql(sql) {
  const client = ['mariadb', 'mysql'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
  const r = spawnSync(client, ['--no-defaults', '--protocol=socket', `--socket=${process.env.CLOUDACCT_DB_SOCKET}`,
    `-u${process.env.CLOUDACCT_TEST_DB_ROOT_USER || 'root'}`, '-e', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mariadb: ${sql}: ${r.stderr}`);
}

// ------------------------------------------------------------------ the site
function phpArgs() {
  const a = ['-n', '-d', `extension=${EXT}`];
  const extDir = execFileSync(PHP, ['-n', '-r', 'echo ini_get("extension_dir");'], { encoding: 'utf8' });
  if (fs.existsSync(`${extDir}/simplexml.so`)) a.push('-d', 'extension=simplexml');
  return a;
}
let PHP_ARGS;

function runPhp(script, extra = [], opts = {}) {
  const r = spawnSync(PHP, [...PHP_ARGS, ...(opts.ini || []), script, ...extra], { cwd: ROOT, encoding: 'utf8', env: process.env });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Runs PHP code against the site's database through the extension's own API (never SQL on module tables). */
function api(code) {
  const prelude = `require ${JSON.stringify(ROOT + '/dev/host/lib/db.php')}; $store = new CloudAcct\\Store(cloudacct_demo_connect(), 1);`
    + ' $admin = CloudAcct\\Actor::admin(1, "127.0.0.1"); $system = CloudAcct\\Actor::system("127.0.0.1");';
  const r = spawnSync(PHP, [...PHP_ARGS, '-d', 'cloudacct.clock_settable=1', '-r', prelude + code], { cwd: ROOT, encoding: 'utf8', env: process.env });
  if (r.status !== 0) throw new Error(`php api call failed (${r.status}):\n${code}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

async function waitFor(check, what, ms = 15000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function portOpen(port) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => { c.destroy(); resolve(true); });
    c.on('error', () => resolve(false));
  });
}

function start(cmd, argv, logFile, env = process.env) {
  const out = fs.openSync(logFile, 'a');
  const c = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', out, out] });
  children.push(c);
  return c;
}

let BASE = '';
let SECRET = '';
async function bringUp() {
  if (!process.env.CLOUDACCT_TEST_DB_SOCKET) {
    ownDb = `${WORK}/db`;
    const out = execFileSync(path.join(ROOT, 'dev/lib/mariadb.sh'), ['start', ownDb], { encoding: 'utf8' });
    for (const m of out.matchAll(/^export (\w+)='?([^'\n]*)'?$/gm)) process.env[m[1]] = m[2];
  }
  Object.assign(process.env, {
    CLOUDACCT_DB_SOCKET: process.env.CLOUDACCT_TEST_DB_SOCKET, CLOUDACCT_DB_USER: process.env.CLOUDACCT_TEST_DB_USER || 'cloudacct',
    CLOUDACCT_DB_PASSWORD: process.env.CLOUDACCT_TEST_DB_PASSWORD || 'cloudacct-dev', CLOUDACCT_DB_NAME: DB_NAME, CLOUDACCT_DB_PREFIX: 'ims_',
  });
  mysql(`DROP DATABASE IF EXISTS ${DB_NAME}; CREATE DATABASE ${DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  PHP_ARGS = phpArgs();
  // the front-end packages the pages link (Bootstrap 3/jQuery for the host, WeUI/ECharts for the module), from npm
  for (const s of ['dev/host/assets.sh', 'php-glue/tools/assets.sh']) execFileSync(path.join(ROOT, s), [], { stdio: ['ignore', 'ignore', 'inherit'] });
  log(runPhp('dev/host/setup.php', [SITE]).trim().split('\n').pop());
  log(runPhp('dev/host/seed.php', [SITE]).trim().split('\n').pop());
  const account = runPhp('dev/host/demo_notices.php', [SITE]).trim();

  const fakePort = await freePort();
  start(PHP, ['-n', 'dev/fakes/server.php', '--host=127.0.0.1', `--port=${fakePort}`, `--record=${WORK}/fakes.jsonl`,
    `--config={"wechat": ${account}}`], `${WORK}/fakes.log`);
  await waitFor(() => /^listening/m.test(fs.readFileSync(`${WORK}/fakes.log`, 'utf8')), 'the fake WeChat/SMS servers');

  const port = await freePort();
  start(PHP, [...PHP_ARGS, '-d', 'cloudacct.http.test_transport=1', '-d', `cloudacct.http.test_route=127.0.0.1:${fakePort}`,
    '-d', 'display_errors=1', '-d', 'error_reporting=-1', '-d', 'html_errors=0', '-d', 'upload_max_filesize=20M', '-d', 'post_max_size=24M',
    '-S', `127.0.0.1:${port}`, '-t', SITE, 'dev/host/router.php'], `${WORK}/server.log`,
  { ...process.env, PHP_CLI_SERVER_WORKERS: '2', CLOUDACCT_FAKE_BASE: `http://127.0.0.1:${fakePort}` });
  await waitFor(() => portOpen(port), 'the PHP server');
  BASE = `http://127.0.0.1:${port}`;
  const config = fs.readFileSync(`${SITE}/data/config.php`, 'utf8');
  SECRET = (/\['scheduler_secret'\] = '([^']+)'/.exec(config) || [])[1] || '';
  if (!SECRET) throw new Error('no scheduler secret in data/config.php');
}

// ------------------------------------------------------------------ helpers for the journeys
const web = (doName, q = {}) => `${BASE}/web/index.php?` + new URLSearchParams({ c: 'site', a: 'entry', m: 'cloudacct', do: doName, ...q });
const app = (doName, q = {}) => `${BASE}/app/index.php?` + new URLSearchParams({ i: '1', c: 'entry', m: 'cloudacct', do: doName, ...q });
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' };
const DESKTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' };

class Failure extends Error {}
function check(ok, what) { if (!ok) throw new Failure(what); }

/** A browser context acting as someone, switched with the dev host's /switch.php like a person would. */
async function as(who) {
  const ctx = await browser.newContext(who.kind === 'admin' ? DESKTOP : PHONE);
  ctx.setDefaultTimeout(20000);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${BASE}/switch.php`);
  const form = who.kind === 'admin' ? { kind: 'admin', uid: '1' } : { kind: 'fan', openid: who.openid, nickname: who.openid };
  const r = await ctx.request.post(`${BASE}/switch.php`, { form, maxRedirects: 0 });
  check(r.status() === 302, `switching to ${who.openid || 'admin'}: HTTP ${r.status()}`);
  return { ctx, page, errors };
}
const ADMIN = { kind: 'admin' };
const LIUYANG = { openid: 'oDEMO_client_liuyang' };   // contact of 北京星辰 and 北京远航
const SUNLI = { openid: 'oDEMO_client_sunli' };
const LIQIANG = { openid: 'oDEMO_staff_liqiang' };
const WANGFANG = { openid: 'oDEMO_staff_wangfang' };

async function text(page, sel = 'body') { return (await page.locator(sel).first().innerText()).replace(/\s+/g, ' '); }
async function shot(page, name) { await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true }); }
async function noPhpErrors(page, where) {
  const t = await text(page);
  const m = /(Fatal error|Warning|Notice|Deprecated|Parse error|Uncaught)[^\n]{0,160}/.exec(t);
  check(!m, `${where}: PHP error on the page: ${m && m[0]}`);
}
async function messageText(page) {
  const l = page.locator('#we7-message-text');
  return (await l.count()) ? (await l.innerText()).trim() : '';
}
/** Clicks a submit control and returns the text of the message page it leads to, read from the
 * response itself: the page goes on by itself after 3 s, like 微擎's message(), which on a loaded
 * machine can happen before the DOM is read. */
async function submitForMessage(page, selector) {
  const [resp] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  const m = resp && /id="we7-message-text">([^<]*)</.exec(await resp.text());
  if (!m) return messageText(page);
  return m[1].replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&').trim();
}
async function scheduler() {
  const r = await fetch(`${BASE}/app/index.php?i=1&c=entry&m=cloudacct&do=scheduler&key=${encodeURIComponent(SECRET)}`);
  const body = await r.text();
  check(r.status === 200, `scheduler entry: HTTP ${r.status} ${body.slice(0, 200)}`);
  return JSON.parse(body);
}
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

// ------------------------------------------------------------------ the journeys
const state = {};
const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

journey('a client orders and pays a service: catalogue → order → 微擎 cashier → back; the order is paid and a job appears', async () => {
  const { ctx, page } = await as(LIUYANG);
  await page.goto(app('home'));
  await noPhpErrors(page, 'client home');
  await shot(page, 'client-home');
  await page.goto(app('services'));
  check((await text(page)).includes('公司注册'), 'the catalogue lists 公司注册');
  await shot(page, 'client-services');
  await page.getByText('公司注册', { exact: false }).first().click();
  await page.waitForLoadState();
  check((await text(page)).includes('800.00'), 'the service page shows its price 800.00');
  await shot(page, 'client-service');
  // the detail page links to the order form
  const orderLink = page.locator('a[href*="do=orders"][href*="op=new"]').first();
  if (await orderLink.count()) await orderLink.click(); else await page.goto(app('orders', { op: 'new', service_id: '3' }));
  await page.waitForSelector('#order-form');
  await page.fill('#f-title', '浏览器测试：设立子公司');
  await page.fill('#order-form textarea[name="description"]', '注册地海淀区，三名股东');
  await shot(page, 'client-order-new');
  await Promise.all([page.waitForURL(/c=mc|cash|op=pay/), page.click('#order-submit')]);
  await page.waitForSelector('#paycenter-pay');
  check((await text(page)).includes('800.00'), 'the cashier shows 800.00');
  await shot(page, 'cashier');
  const msg = await submitForMessage(page, '#paycenter-pay');
  check(msg === '支付成功', `the return page says 支付成功 (got "${msg}")`);
  // the return page goes on to the order after 3 s, like 微擎's message()
  await page.waitForURL(/op=detail/, { timeout: 10000 });
  await page.waitForSelector('#order-detail');
  check((await text(page, '#order-request')).includes('浏览器测试：设立子公司'), 'the return leads to the order just paid');
  check((await text(page, '#order-status')) === '已支付', `order status 已支付 (got ${await text(page, '#order-status')})`);
  await shot(page, 'client-order-paid');
  await page.goto(app('orders'));
  check((await text(page)).includes('已支付'), 'my orders lists paid orders');
  await shot(page, 'client-orders');
  await page.goBack();
  await page.click('#order-job');
  await page.waitForSelector('#job-detail');
  const jobUrl = new URL(page.url());
  state.orderJobId = jobUrl.searchParams.get('id');
  check(/^\d+$/.test(state.orderJobId || ''), 'the order links to its job');
  check((await text(page, '#job-status')).includes('待抢单'), `the new job waits in the pool (got ${await text(page, '#job-status')})`);
  await shot(page, 'client-job-new');
  await page.goto(app('jobs'));
  check(await page.locator(`a[href*="id=${state.orderJobId}"]`).count() >= 1, 'my jobs lists the new job');
  await shot(page, 'client-jobs');
  await ctx.close();
});

journey('a client raises a business request with a file upload', async () => {
  const { ctx, page } = await as(LIUYANG);
  await page.goto(app('request'));
  await page.waitForSelector('#request-form');
  await page.fill('#f-title', '浏览器测试：补开发票');
  await page.fill('#request-form textarea[name="description"]', '上月少开一张普票，附客户开票信息');
  await page.setInputFiles('#request-form input[type="file"]', [{ name: '开票信息.png', mimeType: 'image/png', buffer: PNG }]);
  await shot(page, 'client-request');
  const msg = await submitForMessage(page, '#request-submit');
  log('request submitted:', msg || page.url());
  check(msg === '' || msg.includes('成功') || msg.includes('已提交'), `submitting the request: "${msg}"`);
  await page.goto(app('jobs'));
  await page.getByText('浏览器测试：补开发票').first().click();
  await page.waitForSelector('#job-detail');
  state.requestJobId = new URL(page.url()).searchParams.get('id');
  const body = await page.content();
  check(body.includes('/attachment/'), 'the request shows its uploaded file');
  check((await text(page, '#job-status')).includes('待抢单'), `the request waits in the pool (got ${await text(page, '#job-status')})`);
  await shot(page, 'client-request-job');
  await ctx.close();
});

journey('two employees race to grab the same job: exactly one wins, the other sees 已被抢走', async () => {
  check(state.orderJobId, 'needs the job of journey 1');
  // test setup through the extension's API: 王芳 learns 工商 too, so both may take the 公司注册 job
  api('(new CloudAcct\\People\\Staff($store))->update($admin, 1, ["skills" => ["记账", "报税", "工商"]]);');
  const a = await as(LIQIANG);
  const b = await as(WANGFANG);
  for (const [who, name] of [[a, 'liqiang'], [b, 'wangfang']]) {
    await who.page.goto(app('pool'));
    await who.page.waitForSelector(`#pool-job-${state.orderJobId}`);
    await shot(who.page, `staff-pool-${name}`);
  }
  const grab = async (who) => {
    return submitForMessage(who.page, `#pool-job-${state.orderJobId} button[type="submit"]`);
  };
  const [ma, mb] = await Promise.all([grab(a), grab(b)]);
  const won = [ma, mb].filter((m) => m.includes('抢单成功')).length;
  const lost = [ma, mb].filter((m) => m.includes('已被抢走')).length;
  check(won === 1 && lost === 1, `one wins, one is told 已被抢走 (got "${ma}" / "${mb}")`);
  const [winner, loser] = ma.includes('抢单成功') ? [a, b] : [b, a];
  state.winner = ma.includes('抢单成功') ? LIQIANG : WANGFANG;
  await shot(loser.page, 'staff-grab-lost');
  await shot(winner.page, 'staff-grab-won');
  // the loser's pool no longer offers it; the winner opens it
  await loser.page.goto(app('pool'));
  check(!(await loser.page.locator(`#pool-job-${state.orderJobId} button`).count()), 'the loser\'s pool no longer offers the job');
  await winner.page.goto(app('work', { op: 'detail', id: state.orderJobId }));
  check(await winner.page.locator('#work-job').count() === 1, 'the winner opens the job');
  await loser.page.goto(app('work', { op: 'detail', id: state.orderJobId }));
  check(await loser.page.locator('#work-job').count() === 0, 'the loser cannot open it');
  await a.ctx.close(); await b.ctx.close();
});

journey('the winner posts progress and the client sees it on the job timeline', async () => {
  check(state.winner, 'needs the winner of journey 3');
  const { ctx, page } = await as(state.winner);
  await page.goto(app('work', { op: 'detail', id: state.orderJobId }));
  await page.waitForSelector('#work-job');
  const startBtn = page.locator('form[action*="op=start"] button');
  if (await startBtn.count()) await Promise.all([page.waitForNavigation(), startBtn.click()]);
  await page.goto(app('work', { op: 'detail', id: state.orderJobId }));
  await page.fill('#progress-form textarea[name="text"]', '浏览器测试：名称已核准，下周提交材料');
  await page.setInputFiles('#progress-form input[type="file"]', [{ name: '核名通知.png', mimeType: 'image/png', buffer: PNG }]);
  await Promise.all([page.waitForNavigation(), page.click('#progress-form button[type="submit"]')]);
  await page.goto(app('work', { op: 'detail', id: state.orderJobId }));
  check((await text(page)).includes('名称已核准'), 'the staff page shows the new progress');
  await shot(page, 'staff-job');
  await page.goto(app('home'));
  await shot(page, 'staff-home');
  await ctx.close();
  const c = await as(LIUYANG);
  await c.page.goto(app('jobs', { op: 'detail', id: state.orderJobId }));
  const timeline = await text(c.page, '#job-timeline');
  check(timeline.includes('浏览器测试：名称已核准，下周提交材料'), 'the client timeline shows the progress');
  check((await text(c.page, '#job-status')).includes('办理中'), `the client sees the job in progress (got ${await text(c.page, '#job-status')})`);
  await shot(c.page, 'client-job-progress');
  await c.ctx.close();
});

journey('an unclaimed request times out to the admin\'s escalated queue and the admin assigns it', async () => {
  check(state.requestJobId, 'needs the request of journey 2');
  const { ctx, page } = await as(ADMIN);
  await page.goto(web('jobs', { view: 'escalated' }));
  check(await page.locator(`#job-${state.requestJobId}`).count() === 0, 'before the deadline the request is not in the escalated queue');
  // time moves on: the work scheduler (the extension's, as the scheduler entry runs it) one week later
  const r = JSON.parse(api('CloudAcct\\Clock::advance(7 * 86400); echo json_encode((new CloudAcct\\Work\\Scheduler($store))->runDue($system, 100));'));
  log('work scheduler a week later:', JSON.stringify(r));
  check((r.escalated ?? 0) >= 1, `the work scheduler escalated the unclaimed jobs (got ${JSON.stringify(r)})`);
  await page.goto(web('jobs', { view: 'escalated' }));
  await noPhpErrors(page, 'escalated queue');
  const row = page.locator(`#job-${state.requestJobId}`);
  check(await row.count() === 1, 'the request is in the escalated queue');
  check((await row.innerText()).includes('浏览器测试：补开发票'), 'the queue row names the request');
  await shot(page, 'admin-jobs-escalated');
  await page.goto(web('jobs', { op: 'detail', id: state.requestJobId }));
  await page.waitForSelector('#assign-form');
  await page.selectOption('#assign-form select[name="staff_id"]', { index: 1 });
  const chosen = (await page.locator('#assign-form select[name="staff_id"] option:checked').innerText()).trim();
  await page.fill('#assign-form input[name="note"]', '超时未抢，指派处理');
  await Promise.all([page.waitForNavigation(), page.click('#assign-form button[type="submit"]')]);
  await page.goto(web('jobs', { op: 'detail', id: state.requestJobId }));
  const detail = await text(page);
  check(detail.includes(chosen.split(/[\s（(]/)[0]), `the job names its assignee ${chosen}`);
  await shot(page, 'admin-job-assigned');
  await page.goto(web('jobs', { view: 'escalated' }));
  check(await page.locator(`#job-${state.requestJobId}`).count() === 0, 'the escalated queue no longer lists it');
  await ctx.close();
});

journey('the client rates the finished job, and files a complaint that the admin handles', async () => {
  check(state.winner && state.orderJobId, 'needs the job of journeys 1–4');
  const w = await as(state.winner);
  await w.page.goto(app('work', { op: 'detail', id: state.orderJobId }));
  const complete = w.page.locator('form[action*="op=complete"] button');
  check(await complete.count() === 1, 'the winner may complete the job');
  await Promise.all([w.page.waitForNavigation(), complete.click()]);
  await w.ctx.close();

  const c = await as(LIUYANG);
  await c.page.goto(app('jobs', { op: 'detail', id: state.orderJobId }));
  await c.page.waitForSelector('#rate-form');
  // WeUI hides the radio itself: a person taps its label
  await c.page.locator('#rate-form label:has(input[name="overall"][value="good"])').click();
  check(await c.page.locator('#rate-form input[name="overall"][value="good"]').isChecked(), '好评 is chosen');
  const dims = await c.page.locator('#rate-form input[type="radio"][name^="score_"]').evaluateAll((els) => [...new Set(els.map((e) => e.name))]);
  check(dims.length >= 1, 'the rating form has score dimensions');
  for (const d of dims) await c.page.locator(`#rate-form label:has(input[name="${d}"][value="5"])`).click();
  await c.page.fill('#rate-form textarea[name="comment"]', '浏览器测试：办得很快，谢谢');
  await shot(c.page, 'client-rate');
  await Promise.all([c.page.waitForNavigation(), c.page.click('#rate-form button[type="submit"]')]);
  await c.page.goto(app('jobs', { op: 'detail', id: state.orderJobId }));
  check(await c.page.locator('#job-rating').count() === 1 && (await text(c.page, '#job-rating')).includes('浏览器测试：办得很快'), 'the job shows the rating');
  check(await c.page.locator('#rate-form').count() === 0, 'and no second rating form');
  await shot(c.page, 'client-job-rated');

  await c.page.goto(app('complaints'));
  await Promise.all([c.page.waitForNavigation(), c.page.click('#new-complaint')]);
  await c.page.waitForSelector('#complaint-form');
  if (await c.page.locator(`#f-job option[value="${state.orderJobId}"]`).count()) await c.page.selectOption('#f-job', state.orderJobId);
  await c.page.fill('#complaint-form textarea[name="description"]', '浏览器测试：会计回复太慢');
  await c.page.setInputFiles('#complaint-form input[type="file"]', [{ name: '聊天截图.png', mimeType: 'image/png', buffer: PNG }]);
  await shot(c.page, 'client-complaint-new');
  const msg = await submitForMessage(c.page, '#complaint-submit');
  check(msg.includes('投诉已提交'), `the complaint is accepted (got "${msg}")`);
  await c.page.goto(app('complaints'));
  const item = c.page.locator('#complaints-list a[id^="complaint-"]', { hasText: '浏览器测试：会计回复太慢' }).first();
  check(await item.count() === 1, 'my complaints lists it');
  const cid = (await item.getAttribute('id')).replace('complaint-', '');
  await shot(c.page, 'client-complaints');

  const { ctx, page } = await as(ADMIN);
  await page.goto(web('complaints'));
  check(await page.locator(`#complaint-${cid}`).count() === 1, 'the admin\'s complaints queue lists it');
  await shot(page, 'admin-complaints');
  await page.goto(web('complaints', { op: 'detail', id: cid }));
  if (await page.locator('#process-form').count()) await Promise.all([page.waitForNavigation(), page.click('#process-form button[type="submit"]')]);
  await page.goto(web('complaints', { op: 'detail', id: cid }));
  await page.fill('#resolve-form textarea[name="text"]', '浏览器测试：已提醒会计当天回复，并致歉');
  await Promise.all([page.waitForNavigation(), page.click('#resolve-form button[type="submit"]')]);
  await page.goto(web('complaints', { op: 'detail', id: cid }));
  check((await text(page, '#complaint-status')).includes('已解决'), `the complaint is resolved (got ${await text(page, '#complaint-status')})`);
  await shot(page, 'admin-complaint-resolved');
  await page.goto(web('ratings'));
  check((await text(page)).includes('浏览器测试：办得很快'), 'the admin\'s ratings list shows the rating');
  await shot(page, 'admin-ratings');
  await ctx.close();

  await c.page.goto(app('complaints', { op: 'detail', id: cid }));
  check((await text(c.page, '#complaint-thread')).includes('已提醒会计当天回复'), 'the client sees the answer');
  await shot(c.page, 'client-complaint-answered');
  await c.ctx.close();
});

journey('an admin runs billing, a client pays a bill, and the dunning reminder queued for it is skipped because it was paid', async () => {
  const { ctx, page } = await as(ADMIN);
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const period = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
  await page.goto(web('money', { op: 'billing' }));
  await page.fill('#run-form input[name="period"]', period);
  await Promise.all([page.waitForNavigation(), page.click('#run-button')]);
  await page.waitForSelector('#billing-progress[data-status="done"]', { timeout: 30000 });
  const progress = await text(page, '#billing-progress');
  const bills = Number((/生成账单 (\d+) 张/.exec(progress) || [])[1]);
  check(progress.includes('已完成') && bills >= 4, `billing ${period} done with the 4 plans' bills (got "${progress}")`);
  await shot(page, 'admin-billing');
  await page.goto(web('money'));
  await noPhpErrors(page, 'arrears');
  await shot(page, 'admin-arrears');

  // the dunning pass queues reminders for the overdue bills (the scheduler's task, through the API)
  const d = JSON.parse(api('echo json_encode((new CloudAcct\\Ledger\\Dunning($store))->runDue($system, 100));'));
  log('dunning pass:', JSON.stringify(d));
  check((d.queued ?? 0) >= 1, `the dunning pass queued reminders (got ${JSON.stringify(d)})`);

  // 孙丽 pays everything her company owes before the sender runs
  const c = await as(SUNLI);
  await c.page.goto(app('bills'));
  await shot(c.page, 'client-bills');
  check(await c.page.locator('#pay-all').count() === 1, '孙丽 has bills to pay');
  await Promise.all([c.page.waitForURL(/cash|op=pay/), c.page.click('#pay-all')]);
  await c.page.waitForSelector('#paycenter-pay');
  const paid = await submitForMessage(c.page, '#paycenter-pay');
  check(paid === '支付成功', `the bill payment returns 支付成功 (got "${paid}")`);
  await c.page.goto(app('bills'));
  check(await c.page.locator('#pay-all').count() === 0, 'nothing left to pay');
  await shot(c.page, 'client-bills-paid');
  await c.ctx.close();

  // the scheduler entry sends the queue: 孙丽's reminder is cancelled, the unpaid companies' go out
  const rep = await scheduler();
  log('scheduler pass:', JSON.stringify(rep.tasks.notices));
  check((rep.tasks.notices?.cancelled ?? 0) >= 1, `the sender cancelled the paid reminder (got ${JSON.stringify(rep.tasks.notices)})`);
  await page.goto(`${BASE}/fakes.php`);
  const fakes = await page.content();
  await shot(page, 'fakes');
  check(fakes.includes('DEMO_DUN_TPL'), 'reminders of the unpaid companies reached WeChat');
  const rows = await page.locator('tr').allInnerTexts();
  check(!rows.some((r) => r.includes('DEMO_DUN_TPL') && r.includes('oDEMO_client_sunli')), 'no reminder reached 孙丽');
  await page.goto(web('money', { op: 'dunning' }));
  await noPhpErrors(page, 'dunning log');
  check(!(await text(page, '#dunning-table')).includes('没有催费记录'), 'the dunning log lists the pass');
  await shot(page, 'admin-dunning');
  await ctx.close();
});

journey('the admin adds an announcement in the DIY home editor and the client home shows it', async () => {
  const NOTICE = '浏览器测试：国庆假期 10 月 1 日至 7 日休息';
  const { ctx, page } = await as(ADMIN);
  await page.goto(web('diy'));
  await page.waitForSelector('#diy-editor');
  await noPhpErrors(page, 'diy editor');
  await page.click('#diy-add button[data-add="notice"]');
  const input = page.locator('#diy-blocks input.form-control').last();
  check((await input.inputValue()) === '公告内容', 'the new notice block starts with its placeholder text');
  await input.fill(NOTICE);
  check((await text(page, '#diy-preview')).includes(NOTICE), 'the phone preview shows the announcement');
  await shot(page, 'admin-diy');
  await Promise.all([page.waitForNavigation(), page.click('#diy-save')]);
  await page.goto(web('diy'));
  check((await page.locator('#diy-layout').inputValue()).includes(NOTICE), 'the saved layout holds the announcement');
  await ctx.close();
  const c = await as(SUNLI);
  await c.page.goto(app('home'));
  const notice = c.page.locator('[data-type="notice"]', { hasText: NOTICE });
  check(await notice.count() === 1, 'the client home shows the announcement');
  await shot(c.page, 'client-home-diy');
  await c.ctx.close();
});

journey('backend main pages render for the admin', async () => {
  const { ctx, page } = await as(ADMIN);
  for (const [doName, q, want] of [['clients', {}, '客户'], ['staff', {}, '王芳'], ['catalog', {}, '公司注册'], ['orders', {}, '订单'],
    ['jobs', {}, '工单'], ['books', {}, '账'], ['audit', {}, ''], ['dashboard', {}, ''], ['performance', {}, '']]) {
    await page.goto(web(doName, q));
    await noPhpErrors(page, `web ${doName}`);
    if (want) check((await text(page)).includes(want), `web ${doName} shows ${want}`);
    await shot(page, `admin-${doName}`);
  }
  await ctx.close();
});

// ------------------------------------------------------------------ run
let failed = 0;
try {
  await bringUp();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [] });
  log(`site ${BASE}, chromium ${browser.version()}, screenshots in ${SHOTS}`);
} catch (e) {
  console.log(`1..${journeys.length}`);
  console.log(`Bail out! could not bring the site or the browser up: ${String(e.message || e).split('\n').join(' | ')}`);
  for (const f of ['server.log', 'fakes.log']) if (fs.existsSync(`${WORK}/${f}`)) log(f, fs.readFileSync(`${WORK}/${f}`, 'utf8').slice(-2000));
  process.exit(1);
}
console.log(`1..${journeys.length}`);
let n = 0;
for (const j of journeys) {
  n++;
  const t0 = Date.now();
  try {
    await j.fn();
    console.log(`ok ${n} - ${j.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`not ok ${n} - ${j.name}`);
    for (const line of String(e instanceof Failure ? e.message : e.stack || e).split('\n')) console.log(`#   ${line}`);
    for (const c of browser.contexts()) {
      for (const p of c.pages()) await p.screenshot({ path: `${SHOTS}/FAILED-${n}-${c.pages().indexOf(p)}.png`, fullPage: true }).catch(() => {});
      await c.close().catch(() => {});
    }
  }
}
await browser.close();
const serverLog = fs.existsSync(`${WORK}/server.log`) ? fs.readFileSync(`${WORK}/server.log`, 'utf8') : '';
const phpErrors = serverLog.split('\n').filter((l) => /PHP (Fatal|Warning|Notice|Deprecated)/.test(l));
if (phpErrors.length) log('PHP errors in the server log:\n#   ' + phpErrors.slice(0, 20).join('\n#   '));
log(`screenshots: ${SHOTS}`);
process.exit(failed ? 1 : 0);
