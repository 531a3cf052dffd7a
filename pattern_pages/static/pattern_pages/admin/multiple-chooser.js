/* Many-to-many fields chosen through Wagtail's snippet chooser, several at once (pattern_pages.widgets).
   Each chosen entry is a list item holding a hidden input of the field's name; "Remove" takes it out. */
(function () {
  'use strict';

  function refresh(widget) {
    const none = widget.querySelector('[data-none-chosen]');
    none.hidden = widget.querySelector('[data-chosen-list] li') !== null;
  }

  function add(widget, result) {
    const list = widget.querySelector('[data-chosen-list]');
    const id = String(result.id);
    if (list.querySelector(`[data-chosen-item="${CSS.escape(id)}"]`)) return;
    const item = widget.querySelector('[data-chosen-template]').content.firstElementChild.cloneNode(true);
    const title = result.string || result.title || id;
    item.dataset.chosenItem = id;
    item.querySelector('input').value = id;
    item.querySelector('.library-multiple-chooser__title').textContent = title;
    item.querySelector('[data-remove] span').textContent = ` ${title}`;
    list.appendChild(item);
  }

  function choose(widget) {
    // eslint-disable-next-line no-undef
    ModalWorkflow({
      url: widget.dataset.chooserUrl,
      urlParams: { multiple: 1 },
      onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
      responses: {
        chosen(results) {
          (Array.isArray(results) ? results : [results]).forEach((result) => add(widget, result));
          refresh(widget);
          widget.dispatchEvent(new Event('change', { bubbles: true }));
        },
      },
    });
  }

  document.addEventListener('click', (event) => {
    const widget = event.target.closest('[data-library-multiple-chooser]');
    if (!widget) return;
    if (event.target.closest('[data-choose]')) {
      event.preventDefault();
      choose(widget);
    } else if (event.target.closest('[data-remove]')) {
      event.preventDefault();
      event.target.closest('li').remove();
      refresh(widget);
      widget.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
})();
