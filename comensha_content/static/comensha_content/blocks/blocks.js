/* comensha-content storytelling blocks: progressive enhancement only.
 *
 * Without this script every block still works: warned content shows after its warning, video
 * and audio are plain links to the other site, transcripts and answers use <details>.
 *
 * - Content warnings: hides the passage behind a button (aria-expanded, aria-controls). The
 *   choice to show warned passages is remembered on this device only when the reader ticks
 *   "Remember on this device" (localStorage; unticking forgets it). A story-level warning hides
 *   the whole story the same way; a link to an anchor behind a warning opens it.
 * - Video/audio: nothing is requested from the other site until the reader presses
 *   "Load video from <host>"; then the player's iframe replaces the placeholder.
 */
(function () {
  "use strict";

  var REMEMBER_KEY = "comensha_content.content-warnings";

  function rememberedShow() {
    try {
      return window.localStorage.getItem(REMEMBER_KEY) === "show";
    } catch (error) {
      return false; // storage disabled: nothing is remembered
    }
  }

  function remember(show) {
    try {
      if (show === null) {
        window.localStorage.removeItem(REMEMBER_KEY);
      } else {
        window.localStorage.setItem(REMEMBER_KEY, show ? "show" : "hide");
      }
    } catch (error) {
      /* storage disabled: the choice lasts for this page only */
    }
  }

  function initContentWarning(section) {
    var notice = section.querySelector("[data-cc-warning-notice]");
    var controls = section.querySelector("[data-cc-warning-controls]");
    var button = section.querySelector("[data-cc-warning-toggle]");
    var action = section.querySelector("[data-cc-warning-action]");
    var rememberBox = section.querySelector("[data-cc-warning-remember]");
    // The warned content is the element the button controls: inside the section for a passage,
    // after it for a whole story (whose contents list sits above the warning).
    var content = button ? document.getElementById(button.getAttribute("aria-controls")) : null;
    if (!controls || !button || !content) {
      return;
    }

    function setShown(shown) {
      content.hidden = !shown;
      button.setAttribute("aria-expanded", shown ? "true" : "false");
      if (action) {
        action.textContent = button.getAttribute(shown ? "data-label-hide" : "data-label-show");
      }
    }

    var remembered = rememberedShow();
    if (notice) {
      notice.hidden = true; // the button carries the warning now
    }
    controls.hidden = false;
    if (rememberBox) {
      rememberBox.checked = remembered;
    }
    setShown(remembered);
    content.ccReveal = function () {
      setShown(true);
    };

    button.addEventListener("click", function () {
      var shown = button.getAttribute("aria-expanded") !== "true";
      setShown(shown);
      if (rememberBox && rememberBox.checked) {
        remember(shown);
      }
    });

    if (rememberBox) {
      rememberBox.addEventListener("change", function () {
        remember(rememberBox.checked ? button.getAttribute("aria-expanded") === "true" : null);
      });
    }
  }

  function initMedia(figure) {
    var url = figure.getAttribute("data-embed-url");
    var placeholder = figure.querySelector("[data-cc-media-placeholder]");
    var button = figure.querySelector("[data-cc-media-load]");
    var fallback = figure.querySelector("[data-cc-media-fallback]");
    if (!url || !placeholder || !button || url.indexOf("https://") !== 0) {
      return;
    }
    button.hidden = false;
    if (fallback) {
      fallback.hidden = true;
    }
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "cc-media__frame";
      frame.src = url;
      frame.title = figure.getAttribute("data-embed-title") || "";
      frame.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      placeholder.replaceWith(frame);
      frame.focus();
    });
  }

  // A link to a place behind a warning (the story's contents list, a shared #anchor) is the
  // reader's choice to go there: open every warning around the target before the browser jumps.
  function targetOf(hash) {
    try {
      return hash && hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    } catch (error) {
      return null; // a malformed #fragment
    }
  }

  function revealTarget(hash) {
    var target = targetOf(hash);
    var content = target ? target.closest("[data-cc-warning-content]") : null;
    while (content) {
      if (content.ccReveal) {
        content.ccReveal();
      }
      content = content.parentElement ? content.parentElement.closest("[data-cc-warning-content]") : null;
    }
  }

  function init() {
    document.querySelectorAll("[data-cc-content-warning]").forEach(initContentWarning);
    document.querySelectorAll("[data-cc-media]").forEach(initMedia);
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (link) {
        revealTarget(link.getAttribute("href"));
      }
    });
    window.addEventListener("hashchange", function () {
      revealTarget(window.location.hash);
    });
    if (window.location.hash) {
      revealTarget(window.location.hash);
      var target = targetOf(window.location.hash);
      if (target) {
        target.scrollIntoView();
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
