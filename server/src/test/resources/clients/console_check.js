// Loads the PhantomDB web console in headless Chromium (playwright-core, Debian's /usr/bin/chromium), runs a
// query, checks the rows appear, shows its EXPLAIN ANALYZE tree, waits for the live charts and saves screenshots
// (SCREENSHOT and SCREENSHOT with -plan before .png).
// Usage: node console_check.js URL SCREENSHOT SQL EXPECTED_TEXT
const { chromium } = require('playwright-core');

async function main() {
  const [url, screenshot, sql, expected] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', error => errors.push(error.message));
    await page.goto(url);
    await page.fill('#sql', sql);
    await page.click('#run');
    await page.waitForSelector('#rows td', { timeout: 15000 });
    const table = await page.textContent('#rows');
    if (!table.includes(expected)) {
      throw new Error(`result table lacks "${expected}": ${table}`);
    }
    await page.click('#explain');
    await page.waitForSelector('#plan .node', { timeout: 15000 });
    const plan = await page.textContent('#plan');
    console.log('plan: ' + plan);
    await page.screenshot({ path: screenshot.replace(/\.png$/, '-plan.png'), fullPage: true });
    await page.click('#run');
    await page.waitForSelector('#rows td', { timeout: 15000 });
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('statements'));
    await page.waitForTimeout(2500);
    await page.screenshot({ path: screenshot, fullPage: true });
    if (errors.length) {
      throw new Error('page errors: ' + errors.join('; '));
    }
    console.log('rows: ' + table);
    console.log('OK');
  } finally {
    await browser.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
