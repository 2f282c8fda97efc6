/* comensha-content quick exit: progressive enhancement of a plain link to a neutral site.
 *
 * Without this script the button is a link that opens the neutral site. With it, pressing the
 * button (or Shift three times within a second) covers the page at once and replaces this
 * page in the tab's history with the neutral site (location.replace), so Back does not return
 * here. Before leaving it deletes what this app keeps in the browser's storage for this site
 * (STORED_PREFIXES: the content-warning choice, Kompas notes), in localStorage and
 * sessionStorage. It cannot delete earlier history; the "browse safely" page says so.
 * The "press Shift" hint is shown only with a fine pointer that can hover (a mouse, so most
 * likely a keyboard too); on touch screens the shortcut still works but is not advertised.
 * Escape is deliberately not a shortcut: it stops a page from loading in some browsers.
 */
(function () {
  "use strict";

  // Keys this app writes in localStorage or sessionStorage: blocks/blocks.js (content-warning
  // choice) and kompas/kompas-notes.js (notes). Keep in step with docs/reader-safety.md and
  // the browse-safely page (safety/stored_on_device.html).
  var STORED_PREFIXES = ["comensha_content.", "comensha-kompas-notes:"];
  var HINT_MEDIA = "(hover: hover) and (pointer: fine)";

  function clearStore(name) {
    try {
      var store = window[name];
      for (var index = store.length - 1; index >= 0; index--) {
        var key = store.key(index);
        if (key && STORED_PREFIXES.some(function (prefix) { return key.indexOf(prefix) === 0; })) {
          store.removeItem(key);
        }
      }
    } catch (error) {
      /* storage disabled: nothing was kept */
    }
  }

  function clearStoredData() {
    clearStore("localStorage");
    clearStore("sessionStorage");
  }

  function initQuickExit(bar) {
    var button = bar.querySelector("[data-cc-quick-exit-button]");
    var hint = bar.querySelector("[data-cc-quick-exit-hint]");
    var status = bar.querySelector("[data-cc-quick-exit-status]");
    var overlay = document.querySelector("[data-cc-quick-exit-overlay]");
    if (!button) {
      return;
    }
    var windowMs = parseInt(bar.getAttribute("data-shift-window"), 10) || 1000;
    var needed = parseInt(bar.getAttribute("data-shift-presses"), 10) || 3;
    var presses = [];
    var resetTimer = null;

    function announce(text) {
      if (status) {
        status.textContent = text || "";
      }
    }

    function leave() {
      if (overlay) {
        overlay.hidden = false;
      }
      document.body.classList.add("cc-quick-exit--leaving");
      document.title = "";
      clearStoredData();
      window.location.replace(button.href);
    }

    function reset() {
      presses = [];
      announce("");
    }

    button.addEventListener("click", function (event) {
      event.preventDefault(); // also for Ctrl/middle click: never leave this page open
      leave();
    });

    document.addEventListener(
      "keydown",
      function (event) {
        if (event.key !== "Shift") {
          if (presses.length) {
            reset();
          }
          return;
        }
        if (event.repeat) {
          return;
        }
        var now = Date.now();
        presses = presses.filter(function (time) {
          return now - time < windowMs;
        });
        presses.push(now);
        if (presses.length >= needed) {
          reset();
          leave();
          return;
        }
        announce(bar.getAttribute("data-shift-remaining-" + (needed - presses.length)));
        window.clearTimeout(resetTimer);
        resetTimer = window.setTimeout(reset, windowMs);
      },
      true
    );

    // A page restored from the back/forward cache shows its content again, not a blank cover.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && overlay) {
        overlay.hidden = true;
        document.body.classList.remove("cc-quick-exit--leaving");
      }
    });

    if (hint && window.matchMedia && window.matchMedia(HINT_MEDIA).matches) {
      hint.hidden = false;
    }
    keepTargetsClearOf(bar);
  }

  // Headings reached by a link, and focused elements, scroll clear of the sticky bar
  // (WCAG 2.4.11), however high it wraps; the stylesheet's 5rem is the fallback.
  function keepTargetsClearOf(bar) {
    function update() {
      document.documentElement.style.scrollPaddingTop = bar.offsetHeight + 16 + "px";
    }
    update();
    if (window.ResizeObserver) {
      new window.ResizeObserver(update).observe(bar);
    } else {
      window.addEventListener("resize", update);
    }
  }

  function init() {
    var bar = document.querySelector("[data-cc-quick-exit]");
    if (bar) {
      initQuickExit(bar);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
