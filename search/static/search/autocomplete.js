// Progressive enhancement for the search box: suggest titles as people type, from /search/suggest/.
// Without JavaScript the form works as it is; with it, a native <datalist> offers the suggestions.
(function () {
  "use strict";
  var input = document.querySelector('[data-module="library-autocomplete"]');
  if (!input || !window.fetch) return;
  var list = document.createElement("datalist");
  list.id = input.id + "-suggestions";
  input.parentNode.appendChild(list);
  input.setAttribute("list", list.id);
  var timer = null;
  var latest = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) { list.innerHTML = ""; return; }
    timer = setTimeout(function () {
      latest = text;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (data.query !== latest) return;  // a later keystroke has already asked again
          list.innerHTML = "";
          data.suggestions.forEach(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.title;
            list.appendChild(option);
          });
        })
        .catch(function () { list.innerHTML = ""; });
    }, 150);
  });
})();
