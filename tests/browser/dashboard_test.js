// Loads the live dashboard in Debian's chromium (puppeteer-core) while the
// pipeline runs and checks what a person would see:
//   - all six charts render with data;
//   - the likes tiles and the engagement chart show exactly what gold holds
//     (direct SQL on gold.mart_likes_last_5_minutes and gold.mart_engagement_minute);
//   - a new minute appears without reloading the page;
//   - the page reads nothing from outside the server (works offline).
// Saves screenshots (laptop and phone) as test artifacts.
//   node dashboard_test.js URL ARTIFACT_DIR      (SMELT_DATABASE: conninfo for psql)
'use strict';
const puppeteer = require('puppeteer-core');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [url, artifacts] = process.argv.slice(2);
const CHARTS = ['engagement', 'likes', 'sentiment', 'trending', 'campaigns', 'voice'];
let passed = 0;
let failed = 0;

function check(name, ok, detail) {
  if (ok) { passed += 1; console.log('ok - ' + name); } else { failed += 1; console.log('not ok - ' + name + (detail ? ': ' + detail : '')); }
}

function sql(query) {
  return execFileSync('psql', ['-X', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1', '-d', process.env.SMELT_DATABASE, '-c', query],
                      { encoding: 'utf8' }).trim();
}

async function likesMatchGold(page) {
  // The tiles and the view move together at each refresh: compare when both show the same window.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const shown = await page.evaluate(() => {
      const tiles = document.getElementById('likes-tiles');
      const out = {};
      tiles.querySelectorAll('.tile').forEach((t) => { out[t.getAttribute('data-platform')] = t.querySelector('.value').textContent; });
      return { windowEnd: tiles.getAttribute('data-window-end'), values: out };
    });
    const rows = sql("select extract(epoch from window_end)::bigint || ' ' || platform || ' ' || likes_gained " +
                     'from gold.mart_likes_last_5_minutes order by platform').split('\n');
    const goldEnd = Number(rows[0].split(' ')[0]);
    if (Math.round(Date.parse(shown.windowEnd) / 1000) !== goldEnd) {
      await page.waitForFunction((end) => Date.parse(document.getElementById('likes-tiles').getAttribute('data-window-end')) / 1000 >= end,
                                 { timeout: 60000 }, goldEnd);
      continue;
    }
    const expected = {};
    rows.forEach((r) => { const [, platform, likes] = r.split(' '); expected[platform] = new Intl.NumberFormat('en-US').format(Number(likes)); });
    const total = rows.reduce((s, r) => s + Number(r.split(' ')[2]), 0);
    return { shown: shown.values, expected, total };
  }
  throw new Error('the likes tiles never showed the window gold shows');
}

async function engagementMatchesGold(page) {
  const shown = await page.evaluate(() => {
    const option = window.smeltDashboard.charts.engagement.getOption();
    const minutes = window.smeltDashboard.data.engagementMinutes;
    const values = {};
    option.series.forEach((s) => { values[s.name] = s.data; });
    return { minutes, values };
  });
  const names = { x: 'X', instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube', reddit: 'Reddit' };
  const first = shown.minutes[0];
  const last = shown.minutes[shown.minutes.length - 1];
  const rows = sql(`select to_char(minute at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') || ' ' || platform || ' ' || engagement_gained
                    from gold.mart_engagement_minute where minute >= '${first}' and minute <= '${last}'`).split('\n').filter(Boolean);
  const mismatches = [];
  rows.forEach((r) => {
    const [minute, platform, engagement] = r.split(' ');
    const index = shown.minutes.findIndex((m) => new Date(m).toISOString().slice(0, 16) === minute);
    const series = shown.values[names[platform] || platform];
    const value = index >= 0 && series ? series[index] : undefined;
    if (value !== Number(engagement)) mismatches.push(`${minute} ${platform}: page ${value}, gold ${engagement}`);
  });
  return { points: rows.length, mismatches };
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'smelt-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.SMELT_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           `--user-data-dir=${profile}`],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
    const outside = [];
    page.on('request', (request) => { if (!request.url().startsWith(url) && !request.url().startsWith('data:')) outside.push(request.url()); });
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(url + '?refresh=2', { waitUntil: 'load' });
    await page.evaluate(() => { window.__notReloaded = true; });

    const chartPoints = () => page.evaluate((charts) => charts.map((n) => n + '=' + document.getElementById('chart-' + n).getAttribute('data-points')).join(' ') +
                                            ' updates=' + window.smeltDashboard.updates + ' error=' + window.smeltDashboard.lastError, CHARTS);
    try {
      await page.waitForFunction((charts) => charts.every((n) => Number(document.getElementById('chart-' + n).getAttribute('data-points')) > 0),
                                 { timeout: 240000, polling: 500 }, CHARTS);
    } finally {
      console.log('chart points: ' + await chartPoints());
    }
    check('all six charts render with data', true);
    const canvases = await page.evaluate((charts) => charts.filter((n) => document.querySelector('#chart-' + n + ' canvas')).length, CHARTS);
    check('six chart canvases drawn', canvases === 6, `${canvases} canvases`);

    const likes = await likesMatchGold(page);
    console.log('likes shown: ' + JSON.stringify(likes.shown) + ' gold: ' + JSON.stringify(likes.expected));
    check('likes tiles equal gold.mart_likes_last_5_minutes', JSON.stringify(likes.shown) === JSON.stringify(likes.expected));
    check('likes in the last 5 minutes are not all zero', likes.total > 0);

    const engagement = await engagementMatchesGold(page);
    console.log(`engagement chart compared with gold: ${engagement.points} minute x platform values`);
    check('engagement chart equals gold.mart_engagement_minute', engagement.points > 0 && engagement.mismatches.length === 0,
          engagement.mismatches.slice(0, 5).join('; '));

    const freshness = await page.evaluate(() => document.getElementById('freshness-summary').textContent);
    console.log('freshness strip: ' + freshness);
    check('freshness strip shows complete_through and refresh', /complete up to .* ago · last refresh/.test(freshness));

    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'dashboard.png'), fullPage: true });

    const lastMinute = await page.evaluate(() => document.getElementById('chart-engagement').getAttribute('data-last-minute'));
    console.log('newest minute on the page: ' + lastMinute + '; waiting for the next one');
    await page.waitForFunction((minute) => document.getElementById('chart-engagement').getAttribute('data-last-minute') > minute,
                               { timeout: 240000, polling: 1000 }, lastMinute);
    const after = await page.evaluate(() => ({ minute: document.getElementById('chart-engagement').getAttribute('data-last-minute'),
                                               notReloaded: window.__notReloaded === true,
                                               navigations: performance.getEntriesByType('navigation').length,
                                               updates: window.smeltDashboard.updates }));
    console.log(`newest minute now ${after.minute} after ${after.updates} updates`);
    check('a new minute appears without reloading', after.notReloaded && after.navigations === 1 && after.minute > lastMinute);

    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.waitForFunction(() => window.smeltDashboard.updates > 0, { timeout: 30000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check('fits a phone screen without sideways scrolling', overflow <= 0, `${overflow}px too wide`);
    await page.screenshot({ path: path.join(artifacts, 'dashboard-phone.png'), fullPage: true });

    check('no request leaves the server (works offline)', outside.length === 0, outside.slice(0, 3).join(' '));
    check('no script errors on the page', pageErrors.length === 0, pageErrors.slice(0, 3).join(' '));
    console.log('screenshots: ' + path.join(artifacts, 'dashboard.png') + ', dashboard-phone.png');
  } catch (error) {
    check('dashboard test ran to the end', false, String(error && error.stack || error));
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})();
