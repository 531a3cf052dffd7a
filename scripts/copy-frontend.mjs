// Copy GOV.UK Frontend's built CSS, JavaScript and assets into static/govuk/, served by Django.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const dist = "node_modules/govuk-frontend/dist/govuk";
const target = "static/govuk";
if (!existsSync(dist)) {
  console.error(`${dist} is missing: run npm ci first`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const name of ["govuk-frontend.min.css", "govuk-frontend.min.css.map", "govuk-frontend.min.js", "govuk-frontend.min.js.map", "assets"]) {
  if (existsSync(`${dist}/${name}`)) cpSync(`${dist}/${name}`, `${target}/${name}`, { recursive: true });
}
// The built CSS points at /assets/ on the site root; Django serves the assets under STATIC_URL, next to
// the stylesheet, so the URLs become relative. The library is not on GOV.UK, so it must not use the
// GDS Transport font (restricted to GOV.UK): drop the font faces and let the stack fall back to Arial.
const css = `${target}/govuk-frontend.min.css`;
writeFileSync(
  css,
  readFileSync(css, "utf8")
    .replaceAll("url(/assets/", "url(assets/")
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, "")
    .replaceAll("font-family:GDS Transport,", "font-family:")
    .replaceAll("font-family:GDS Transport}", "font-family:arial,sans-serif}")
    .replaceAll("font-family:GDS Transport;", "font-family:arial,sans-serif;"),
);
rmSync(`${target}/assets/fonts`, { recursive: true, force: true });
console.log(`GOV.UK Frontend copied to ${target}/`);

// bpmn-js's viewer, for the interactive process diagram (static/js/process-viewer.js loads it on request).
const bpmnDist = "node_modules/bpmn-js/dist";
const bpmnTarget = "static/bpmn-js";
if (existsSync(bpmnDist)) {
  rmSync(bpmnTarget, { recursive: true, force: true });
  mkdirSync(bpmnTarget, { recursive: true });
  for (const name of ["bpmn-navigated-viewer.production.min.js", "assets/diagram-js.css", "assets/bpmn-js.css"]) {
    cpSync(`${bpmnDist}/${name}`, `${bpmnTarget}/${name.replace("assets/", "")}`);
  }
  console.log(`bpmn-js viewer copied to ${bpmnTarget}/`);
} else {
  console.error(`${bpmnDist} is missing (run npm ci): process pages keep their static diagram only`);
}
