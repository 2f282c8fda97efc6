/* Kompas reader tools, as progressive enhancement (the pages work fully without this script):
 * - private notes per chapter or instrument, kept in this browser's localStorage only (nothing
 *   is sent to a server), exported as a .txt file with a Blob download. localStorage, not
 *   sessionStorage: the notes are a working tool kept over days. The quick exit
 *   (safety/quick-exit.js) deletes every key with PREFIX; keep the two in step;
 * - an overview of all notes on the Kompas landing page, exported as one .txt file;
 * - a "Copy link" button next to every section's share link (the link itself works without JS);
 * - a "Print card" button on the card page.
 * Interface text comes from data-* attributes the (translated) templates set.
 */
(function () {
  "use strict";

  var PREFIX = "comensha-kompas-notes:";

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function readNote(store, key) {
    try {
      return JSON.parse(store.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  }

  function download(filename, text) {
    var blob = new Blob([text], { type: "text/plain;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function noteAsText(note) {
    return [note.title, note.url, note.updated ? new Date(note.updated).toLocaleString() : "", "", note.text, ""].join("\n");
  }

  function setUpNotes(container, store) {
    var status = container.querySelector("[data-kompas-notes-status]");
    var textarea = container.querySelector("[data-kompas-notes-text]");
    var key = container.dataset.notesKey;
    container.hidden = false;
    if (!store) {
      textarea.disabled = true;
      status.textContent = container.dataset.unavailableLabel;
      container.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
      return;
    }
    var note = readNote(store, key);
    if (note && note.text) {
      textarea.value = note.text;
    }
    var timer = null;
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        if (textarea.value.trim()) {
          store.setItem(key, JSON.stringify({
            title: container.dataset.notesTitle,
            url: container.dataset.notesUrl,
            text: textarea.value,
            updated: new Date().toISOString()
          }));
        } else {
          store.removeItem(key);
        }
        status.textContent = container.dataset.savedLabel;
      }, 400);
    });
    container.querySelector("[data-kompas-notes-export]").addEventListener("click", function () {
      download(container.dataset.notesFilename, noteAsText({
        title: container.dataset.notesTitle,
        url: container.dataset.notesUrl,
        updated: new Date().toISOString(),
        text: textarea.value
      }));
    });
    container.querySelector("[data-kompas-notes-delete]").addEventListener("click", function () {
      if (!window.confirm(container.dataset.confirmDeleteLabel)) {
        return;
      }
      store.removeItem(key);
      textarea.value = "";
      status.textContent = container.dataset.deletedLabel;
    });
  }

  function allNotes(store) {
    var notes = [];
    for (var index = 0; index < store.length; index += 1) {
      var key = store.key(index);
      if (key && key.indexOf(PREFIX) === 0) {
        var note = readNote(store, key);
        if (note && note.text) {
          notes.push(note);
        }
      }
    }
    notes.sort(function (a, b) { return (a.title || "").localeCompare(b.title || ""); });
    return notes;
  }

  function setUpOverview(container, store) {
    if (!store) {
      return;
    }
    var notes = allNotes(store);
    var list = container.querySelector("[data-kompas-notes-list]");
    var button = container.querySelector("[data-kompas-notes-export-all]");
    container.hidden = false;
    if (!notes.length) {
      var empty = document.createElement("li");
      empty.textContent = container.dataset.emptyLabel;
      list.appendChild(empty);
      button.hidden = true;
      return;
    }
    notes.forEach(function (note) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = note.url;
      link.textContent = note.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    button.addEventListener("click", function () {
      download(container.dataset.notesFilename, notes.map(noteAsText).join("\n----------\n\n"));
    });
  }

  function setUpShareLink(link) {
    if (!navigator.clipboard || !window.isSecureContext) {
      return;
    }
    var button = document.createElement("button");
    var status = document.createElement("span");
    var context = link.querySelector(".cc-kompas-visually-hidden");
    button.type = "button";
    button.textContent = link.dataset.copyLabel;
    if (context) {
      // Screen readers hear which section's link is copied: "Copy link: Steps".
      var hidden = document.createElement("span");
      hidden.className = "cc-kompas-visually-hidden";
      hidden.textContent = context.textContent;
      button.appendChild(hidden);
    }
    status.setAttribute("role", "status");
    status.className = "cc-kompas-share__status";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(link.href).then(
        function () { status.textContent = link.dataset.copiedLabel; },
        function () { status.textContent = link.dataset.copyFailedLabel; }
      );
    });
    link.insertAdjacentElement("afterend", status);
    link.insertAdjacentElement("afterend", button);
  }

  function start() {
    var store = storage();
    document.querySelectorAll("[data-kompas-notes]").forEach(function (container) { setUpNotes(container, store); });
    document.querySelectorAll("[data-kompas-notes-overview]").forEach(function (container) { setUpOverview(container, store); });
    document.querySelectorAll("[data-kompas-share]").forEach(setUpShareLink);
    document.querySelectorAll("[data-kompas-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
