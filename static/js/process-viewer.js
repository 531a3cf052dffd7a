// The interactive process diagram: progressive enhancement over the static SVG. Without JavaScript, or
// when the viewer cannot load, the page keeps its SVG diagram and its steps table. With them, a button
// opens the process's BPMN file in bpmn-js (served from this site's static files: the CSP allows no
// other origin and no inline script), to pan and zoom.
const section = document.querySelector("[data-process-viewer]");

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.appendChild(script);
  });
}

function loadStyle(href) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.appendChild(link);
}

async function open(button, canvas) {
  button.disabled = true;
  const { viewerScript, viewerStyles, bpmnUrl } = section.dataset;
  try {
    viewerStyles.split(" ").forEach(loadStyle);
    if (!window.BpmnJS) await loadScript(viewerScript);
    const response = await fetch(bpmnUrl, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`${bpmnUrl}: ${response.status}`);
    canvas.hidden = false;
    const viewer = new window.BpmnJS({ container: canvas });
    const { warnings } = await viewer.importXML(await response.text());
    viewer.get("canvas").zoom("fit-viewport");
    section.dataset.viewerState = warnings.length ? "warnings" : "ready";
    button.hidden = true;
    canvas.focus();
  } catch (error) {
    canvas.hidden = true;
    button.disabled = false;
    section.dataset.viewerState = "failed";
    console.info("The interactive diagram could not open; the diagram above shows the same process.", error);
  }
}

if (section) {
  const button = section.querySelector("[data-process-viewer-open]");
  const canvas = section.querySelector("[data-process-viewer-canvas]");
  button.hidden = false;
  button.addEventListener("click", () => open(button, canvas));
}
