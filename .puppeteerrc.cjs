// Puppeteer must never download a browser: the e2e tests use the system's
// Chromium / Firefox ESR (or CHROME_PATH / FIREFOX_PATH).
module.exports = { skipDownload: true };
