/* comensha-content storytelling blocks: progressive enhancement only.
 *
 * Without this script every block still works: warned content shows after its warning, video
 * and audio are plain links to the other site, transcripts and answers use <details>.
 *
 * - Content warnings: hides the passage behind a button (aria-expanded, aria-controls). The
 *   choice to show warned passages is remembered in this tab only when the reader ticks
 *   "Remember in this tab" (sessionStorage, gone when the tab closes; unticking or the quick
 *   exit forgets it). A story-level warning hides
 *   the whole story the same way; a link to an anchor behind a warning opens it.
 * - In-page links (href="#..." or this page's URL with a #fragment) replace the history entry instead of adding one and move focus
 *   to their target (see followInPage).
 * - Video/audio: nothing is requested from the other site until the reader presses
 *   "Load video from <host>"; then the player's iframe replaces the placeholder.
 */
(function () {
  "use strict";

  var REMEMBER_KEY = "comensha_content.content-warnings";

  // The choice lasts while this tab is open (sessionStorage), not on the device for good: a
  // reader's phone may be checked. Earlier versions kept it in localStorage; that is removed.
  function forgetOldChoice() {
    try {
      window.localStorage.removeItem(REMEMBER_KEY);
    } catch (error) {
      /* storage disabled: nothing was kept */
    }
  }

  function rememberedShow() {
    try {
      return window.sessionStorage.getItem(REMEMBER_KEY) === "show";
    } catch (error) {
      return false; // storage disabled: nothing is remembered
    }
  }

  function remember(show) {
    try {
      if (show === null) {
        window.sessionStorage.removeItem(REMEMBER_KEY);
      } else {
        window.sessionStorage.setItem(REMEMBER_KEY, show ? "show" : "hide");
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

  // An in-page link (contents, footnote, back-link, chapter anchor) moves within the page
  // without adding a history entry: Back then leaves the page instead of stepping through its
  // anchors, so fewer entries show which page was read. location.replace with the #fragment
  // scrolls like a plain anchor (scroll padding, :target) and replaces this entry. Focus moves
  // to the target, so the keyboard continues from there. Without JavaScript the links are
  // plain anchors. A click with a modifier key (new tab or window) is left to the browser.
  function followInPage(link, hash, event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    if ((link.target && link.target !== "_self") || link.hasAttribute("download")) {
      return;
    }
    var target = targetOf(hash);
    if (!target) {
      return; // "#" or a missing anchor: nothing to move to
    }
    event.preventDefault();
    try {
      window.location.replace(hash);
    } catch (error) {
      target.scrollIntoView();
    }
    if (!target.hasAttribute("tabindex") && !isFocusable(target)) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true });
  }

  // The #fragment of a link to a place on this page ("#fn-1", or this page's full URL with a
  // fragment, like a Kompas section's share link); null for a link elsewhere.
  function inPageHash(link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) === "#") {
      return href;
    }
    var here = window.location;
    if (link.hash && link.origin === here.origin && link.pathname === here.pathname && link.search === here.search) {
      return link.hash;
    }
    return null;
  }

  function isFocusable(element) {
    return element.matches("a[href], button, input, select, textarea, summary, [contenteditable]");
  }

  function init() {
    forgetOldChoice();
    document.querySelectorAll("[data-cc-content-warning]").forEach(initContentWarning);
    document.querySelectorAll("[data-cc-media]").forEach(initMedia);
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href]") : null;
      var hash = link ? inPageHash(link) : null;
      if (hash) {
        revealTarget(hash);
        followInPage(link, hash, event);
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
