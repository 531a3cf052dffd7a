// Live examples on a pattern page: each framed example grows to its content's height, and each code
// panel gets a copy button whose result is announced to screen readers. Without JavaScript the
// examples keep a fixed height and the code stays selectable under its tab links.
function fitFrame (frame) {
  try {
    const doc = frame.contentDocument
    const content = doc.querySelector('.govuk-width-container') || doc.body
    // The content's own height: the document's scrollHeight is never less than the frame's height.
    const height = Math.ceil(content.getBoundingClientRect().bottom) + 20
    if (height > 20) frame.style.height = `${height}px`
  } catch (error) {
    // A frame from another origin cannot be measured; it keeps its CSS height.
  }
}

function watchFrame (frame) {
  fitFrame(frame)
  try {
    // Refit whenever the example's content changes size (a conditional reveal, a narrower window).
    new frame.contentWindow.ResizeObserver(() => fitFrame(frame)).observe(frame.contentDocument.body)
  } catch (error) {
    // Without ResizeObserver the frame keeps the height it had when it loaded.
  }
}

document.querySelectorAll('.library-example__frame').forEach((frame) => {
  frame.addEventListener('load', () => watchFrame(frame))
  if (frame.contentDocument && frame.contentDocument.readyState === 'complete' &&
      frame.contentDocument.querySelector('.govuk-width-container')) watchFrame(frame)
})

document.querySelectorAll('.library-code code[data-copy-label]').forEach((code) => {
  const pre = code.parentElement
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'govuk-button govuk-button--secondary library-code__copy'
  button.textContent = code.dataset.copyLabel
  const status = document.createElement('span')
  status.className = 'govuk-visually-hidden'
  status.setAttribute('role', 'status')
  status.setAttribute('aria-live', 'polite')
  pre.before(button, status)
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent)
      status.textContent = 'Code copied'
      button.textContent = 'Code copied'
    } catch (error) {
      status.textContent = 'Could not copy: select the code and copy it'
    }
    window.setTimeout(() => { button.textContent = code.dataset.copyLabel }, 3000)
  })
})
