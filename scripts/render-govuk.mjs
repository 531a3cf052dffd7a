// Renders screens with GOV.UK Frontend's own Nunjucks macros (the npm packages in node_modules).
//
// Called by pattern_pages.screens.render when a revision is saved, never per request. Reads JSON on
// stdin and writes JSON on stdout:
//   {"screens": [[part, …], …]}  →  {"html": ["…", …]}
// where a part is {"html": "…"} (written and escaped by the library) or a macro call
// {"macro": "govukInput", "component": "input", "params": {…}, "caller": [call, …]?}. A parameter
// value of the form {"macro", "component", "params"} (a conditional reveal) is rendered first and
// passed as HTML. Parameters travel as template context, never as template source.
//   {"templates": ["{% from … %}{{ govukInput({…}) }}", …]}  →  {"html": ["…", …]}
// renders Nunjucks source as a designer would (the equality test uses it on the code the site shows).
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const nunjucks = require(path.join(root, 'node_modules', 'nunjucks'))
const frontend = path.join(root, 'node_modules', 'govuk-frontend', 'dist')

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([frontend]), {
  autoescape: true,
  trimBlocks: true,
  lstripBlocks: true
})
const compiled = new Map()

function template (call, withCaller) {
  const key = `${call.macro}:${withCaller}`
  if (!compiled.has(key)) {
    const from = `{% from "govuk/components/${call.component}/macro.njk" import ${call.macro} %}`
    const body = withCaller
      ? `{% call ${call.macro}(params) %}{{ callerHtml | safe }}{% endcall %}`
      : `{{ ${call.macro}(params) }}`
    compiled.set(key, nunjucks.compile(from + body, env))
  }
  return compiled.get(key)
}

function isCall (value) {
  return value && typeof value === 'object' && !Array.isArray(value) &&
    Object.keys(value).sort().join(',') === 'component,macro,params'
}

function resolve (value) {
  if (Array.isArray(value)) return value.map(resolve)
  if (value && typeof value === 'object') {
    if (isCall(value)) return renderCall(value)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]))
  }
  return value
}

function renderCall (call) {
  if (!/^govuk[A-Za-z]+$/.test(call.macro) || !/^[a-z-]+$/.test(call.component)) {
    throw new Error(`Unknown macro ${call.macro}`)
  }
  const params = resolve(call.params)
  const caller = call.caller ? call.caller.map(renderCall).join('\n') : null
  const html = template(call, caller !== null).render({ params, callerHtml: caller })
  return new nunjucks.runtime.SafeString(html.trim())
}

function renderScreen (parts) {
  return parts.map((part) => ('html' in part ? part.html : String(renderCall(part)))).join('\n')
}

let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => { input += chunk })
process.stdin.on('end', () => {
  const request = JSON.parse(input)
  const html = request.templates
    ? request.templates.map((source) => env.renderString(source, {}))
    : request.screens.map(renderScreen)
  process.stdout.write(JSON.stringify({ html }))
})
