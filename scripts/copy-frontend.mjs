// Copy GOV.UK Frontend's built CSS, JavaScript and assets into static/govuk/, served by Django.
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";

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
console.log(`GOV.UK Frontend copied to ${target}/`);
