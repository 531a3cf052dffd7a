// The search filters sit behind a disclosure so that, on a phone, the results come first. On a wider
// screen they are a column of their own: open the disclosure there (CSS also shows it open where the
// browser supports ::details-content, so it works without JavaScript too).
(function () {
  "use strict";
  var filters = document.querySelector('[data-module="library-search-filters"]');
  if (!filters || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 40.0625em)");
  function follow() { filters.open = wide.matches; }
  follow();
  if (wide.addEventListener) wide.addEventListener("change", follow);
})();
