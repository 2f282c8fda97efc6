/* After a refused save: error counts on the right tab, errors read with their field, and focus on
   the first error.

   Wagtail counts a tab's errors once, when the tab bar appears. StreamField draws its blocks, and
   their errors, after that (client-side), so a story whose body was invalid showed no count on
   its own tab, only on another tab with a plain field error (wagtail/wagtail#12823). This script
   counts again whenever errors appear or go, with Wagtail's own selector.

   A block's error message is not in its field's accessible description (Wagtail sets only
   aria-invalid), so a screen reader heard "invalid" without the reason: the message is added to
   aria-describedby. "Go to the first error" focused the bare message; it now focuses the field,
   on its tab (or in the publishing schedule dialog, opened), and so does the page itself after
   a refused save. */
(function () {
  "use strict";

  var ERRORS = ":not([hidden]):is(.error-message,.help-critical)";
  var BADGES = '.w-tabs__errors[data-controller~="w-count"], .messages [data-controller~="w-count"]';
  var FOCUSABLE =
    'input:not([type="hidden"]), select, textarea, [contenteditable="true"], button, [tabindex]';

  function count(selector, containers) {
    var total = 0;
    document.querySelectorAll(containers || "body").forEach(function (container) {
      total += container.querySelectorAll(selector).length;
    });
    return total;
  }

  function recount() {
    document.querySelectorAll(BADGES).forEach(function (badge) {
      var total = String(
        count(
          badge.getAttribute("data-w-count-find-value") || ERRORS,
          badge.getAttribute("data-w-count-container-value")
        )
      );
      // A Stimulus value is its data attribute: the badge and its screen-reader label follow.
      if (badge.getAttribute("data-w-count-total-value") !== total) {
        badge.setAttribute("data-w-count-total-value", total);
      }
    });
  }

  function describeWithErrors() {
    document.querySelectorAll("[data-field]").forEach(function (field) {
      var errors = field.querySelector(":scope > [data-field-errors]");
      if (!errors || !errors.id) return;
      var hasError = !!errors.querySelector(ERRORS);
      field.querySelectorAll('[aria-invalid="true"], [aria-invalid="false"]').forEach(function (input) {
        if (input.closest("[data-field]") !== field) return; // a nested block's own field
        var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
        var listed = ids.indexOf(errors.id) !== -1;
        if (hasError && !listed) ids.push(errors.id);
        if (!hasError && listed) ids.splice(ids.indexOf(errors.id), 1);
        if (hasError !== listed) input.setAttribute("aria-describedby", ids.join(" "));
      });
    });
  }

  function fieldControl(message) {
    var field = message.closest("[data-field]");
    if (!field) return null;
    var input = field.querySelector('[aria-invalid="true"]');
    if (input && input.closest("[data-field]") === field && input.type !== "hidden") return input;
    var area = field.querySelector(":scope > [data-field-input]") || field;
    return area.querySelector(FOCUSABLE);
  }

  /* An error in a closed dialog (Wagtail's publishing schedule: go-live and expiry dates) is
     on no tab and cannot be seen: open the dialog with its own toggle. */
  function openDialogOf(message) {
    var dialog = message.closest('[data-controller~="w-dialog"][id]');
    if (!dialog || message.getClientRects().length) return;
    var toggle = document.querySelector('[data-a11y-dialog-show="' + dialog.id + '"]');
    if (toggle) toggle.click();
  }

  /* Show the message's tab (Wagtail's tabs select themselves on w-focus:focus from inside),
     then focus its field: the listener in start() does the focusing. */
  function focusError(message) {
    openDialogOf(message);
    var event = new CustomEvent("w-focus:focus", { bubbles: true, cancelable: true });
    message.dispatchEvent(event);
    if (!event.defaultPrevented) {
      window.requestAnimationFrame(function () {
        if (!message.hasAttribute("tabindex")) message.setAttribute("tabindex", "-1");
        message.focus();
      });
    }
  }

  var pending = null;
  var counted = true; // until the first count
  function update() {
    if (pending) return;
    pending = window.setTimeout(function () {
      pending = null;
      // Typing changes the DOM all the time: nothing to do while no error is shown or counted
      var errors = document.querySelector(ERRORS);
      if (!errors && !counted) return;
      counted = !!errors;
      recount();
      describeWithErrors();
    }, 100);
  }

  function start() {
    if (!document.querySelector("[role=tablist], [data-field]")) return;
    new MutationObserver(update).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["hidden", "aria-invalid"],
    });
    // "Go to the first error" (and focusError): to the field, not only its message.
    document.addEventListener(
      "w-focus:focus",
      function (event) {
        var message = event.target;
        if (!(message instanceof Element) || !message.matches(ERRORS)) return;
        var control = message.closest("form") && fieldControl(message);
        if (!control) return;
        event.preventDefault(); // Wagtail's controller would focus the bare message
        openDialogOf(message);
        window.requestAnimationFrame(function () {
          control.focus();
        });
      },
      true
    );
    window.addEventListener("load", function () {
      window.setTimeout(function () {
        recount();
        describeWithErrors();
        var refused = document.querySelector(".messages li.error");
        var first = document.querySelector("form " + ERRORS);
        if (refused && first && document.activeElement === document.body) focusError(first);
      }, 0);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
