// Opens Swagger UI in headless Chromium, reads the API's description off the page, expands
// GET /api/v1/concessions and then GET /api/v1/summits/busan-2025/readout-differences, uses "Try it out" and
// Execute twice on each, and prints what the page showed as one JSON line; the test decides what is right.
// Saves a full-page screenshot.
//   node swagger-ui-check.mjs http://127.0.0.1:5080 /path/to/screenshot.png [/usr/bin/chromium]
import { chromium } from "playwright-core";

const [baseUrl, screenshot, executablePath = "/usr/bin/chromium"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  // As root and on a machine with no network beyond loopback: no sandbox, no background connections.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const seen = { consoleErrors: [], cspViolations: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  page.setDefaultTimeout(30_000);
  page.on("console", (message) => { if (message.type() === "error") seen.consoleErrors.push(message.text()); });
  page.on("pageerror", (error) => seen.consoleErrors.push(String(error)));
  await page.exposeFunction("reportCspViolation", (text) => seen.cspViolations.push(text));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation",
    (e) => window.reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`)));

  await page.goto(`${baseUrl}/swagger/index.html`);
  const info = page.locator(".information-container");
  await info.locator(".title").waitFor();
  seen.title = (await info.locator(".title").innerText()).trim();
  seen.description = (await info.locator(".description").innerText()).trim();
  seen.contact = (await info.locator(".info__contact").innerText()).trim();
  seen.contactHref = await info.locator(".info__contact a").first().getAttribute("href");
  seen.license = (await info.locator(".info__license").innerText()).trim();
  seen.licenseHref = await info.locator(".info__license a").getAttribute("href");
  const definitions = page.locator(".topbar select");
  seen.definitions = await definitions.locator("option").allInnerTexts();
  seen.selectedDefinition = await definitions.evaluate((select) => select.options[select.selectedIndex]?.text ?? null);

  // Each operation is executed twice: the second answer may come from the API's response cache, and the browser
  // asks for it compressed, so a mislabelled cached body shows up as a response that does not parse.
  seen.executions = [];
  const tryOut = async (id, fill) => {
    const operation = page.locator(`#operations-${id}`);
    await operation.locator(".opblock-summary").first().click();
    await operation.locator("button.try-out__btn").click();
    if (fill) await fill(operation);
    for (let time = 1; time <= 2; time++) {
      // Swagger UI replaces the response when Execute is clicked again: clear it first to wait for the new one.
      if (time > 1) await operation.locator("button.btn-clear").click();
      await operation.locator("button.execute").click();
      const response = operation.locator(".live-responses-table .response").first();
      await response.waitFor();
      seen.executions.push({
        operation: id,
        time,
        requestUrl: (await operation.locator(".request-url pre").innerText()).trim(),
        responseStatus: (await response.locator(".response-col_status").innerText()).trim(),
        responseBody: await response.locator(".response-col_description pre").first().innerText(),
      });
    }
  };
  await tryOut("Concessions-ListConcessions");
  await tryOut("Readouts-GetReadoutDifferences",
    (operation) => operation.locator('tr[data-param-name="summitId"] input').fill("busan-2025"));
  await page.screenshot({ path: screenshot, fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
