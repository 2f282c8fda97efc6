/* Kompas finder, after GOV.UK's finder pattern. Without JavaScript the form works as it is:
   filters open, results after a full page load. With it:
   - after the reader filters (the form's action ends in #finder), focus moves to the result
     count, so a screen reader announces "5 instruments" and keyboard users continue there;
   - on narrow screens the filters fold behind a "Filters (n)" button with aria-expanded. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kompas-finder]");
  if (!form) return;
  var results = document.getElementById("kompas-finder-results");
  var toggle = form.querySelector("[data-kompas-finder-toggle]");
  var filters = document.getElementById("kompas-finder-filters");

  if (results && window.location.hash === "#finder" && window.location.search) {
    // After the load: the browser's own scroll to #finder would otherwise undo the focus.
    var focusResults = function () { results.focus(); };
    if (document.readyState === "complete") focusResults();
    else window.addEventListener("load", function () { window.setTimeout(focusResults, 0); });
  }

  if (!toggle || !filters || !window.matchMedia) return;
  var narrow = window.matchMedia("(max-width: 47.99rem)");

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    filters.hidden = !open;
  }
  function layout() {
    if (narrow.matches) {
      toggle.hidden = false;
      setOpen(false);
    } else {
      toggle.hidden = true;
      setOpen(true);
    }
  }
  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  if (narrow.addEventListener) narrow.addEventListener("change", layout);
  layout();
})();
