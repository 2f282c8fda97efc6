/* A character count under textareas with data-cc-soft-limit (SoftLimitTextBlock), and a warning
   past the limit. It never blocks saving. StreamField adds blocks after load, so fields are found
   when they appear (MutationObserver) and counted on every input. */
(function () {
  "use strict";

  function format(template, count, limit) {
    return template.replace("%(count)s", count).replace("%(limit)s", limit);
  }

  function statusFor(field) {
    var status = field.ccSoftLimitStatus;
    if (!status) {
      status = document.createElement("p");
      status.className = "help cc-soft-limit";
      status.id = (field.id || "cc-soft-limit") + "-count";
      status.setAttribute("aria-live", "polite");
      field.insertAdjacentElement("afterend", status);
      var described = field.getAttribute("aria-describedby");
      field.setAttribute("aria-describedby", (described ? described + " " : "") + status.id);
      field.ccSoftLimitStatus = status;
    }
    return status;
  }

  function update(field) {
    var limit = parseInt(field.dataset.ccSoftLimit, 10);
    var count = Array.from(field.value).length;
    var status = statusFor(field);
    var over = count > limit;
    status.textContent = format(field.dataset.ccSoftLimitCount, count, limit);
    if (over) {
      status.textContent += " " + format(field.dataset.ccSoftLimitWarning, count, limit);
    }
    status.classList.toggle("help-warning", over);
    status.dataset.ccOverLimit = over ? "true" : "false";
  }

  function scan(root) {
    if (root.matches && root.matches("textarea[data-cc-soft-limit]")) {
      update(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll("textarea[data-cc-soft-limit]").forEach(update);
    }
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea[data-cc-soft-limit]")) {
      update(event.target);
    }
  });

  function start() {
    scan(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(scan);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
