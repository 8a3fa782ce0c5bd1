// Motionera: makes the pages livelier. Everything works without it; its text comes from the
// page (data attributes, <template> elements), never from here.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var debounce = function (fn, ms) {
    var timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  };

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
    // Long filter lists start closed on a narrow screen; the results come first into view.
    if (window.matchMedia("(max-width: 56rem)").matches) {
      document.querySelectorAll("details[data-collapse-narrow]").forEach(function (d) {
        d.open = false;
      });
    }
    var form = document.querySelector("form[data-draft-form]");
    if (form) draftForm(form);
  });

  /**
   * Replaces `target`'s children with those in `html`, keeping the nodes that did not
   * change, so a live region announces only what changed.
   */
  function patch(target, html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    morph(target, tpl.content);
  }

  function morph(oldParent, newParent) {
    var olds = Array.prototype.slice.call(oldParent.childNodes);
    var news = Array.prototype.slice.call(newParent.childNodes);
    var sameShape =
      olds.length === news.length &&
      olds.every(function (o, i) {
        return o.nodeName === news[i].nodeName;
      });
    if (!sameShape) {
      while (oldParent.firstChild) oldParent.removeChild(oldParent.firstChild);
      news.forEach(function (n) {
        oldParent.appendChild(n);
      });
      return;
    }
    olds.forEach(function (o, i) {
      var n = news[i];
      if (o.nodeType === 1 && n.nodeType === 1) {
        if (o.outerHTML === n.outerHTML) return;
        var sameAttrs =
          o.attributes.length === n.attributes.length &&
          Array.prototype.every.call(o.attributes, function (a) {
            return n.getAttribute(a.name) === a.value;
          });
        if (sameAttrs && /^(ARTICLE|SECTION|DIV|OL|UL)$/.test(o.nodeName)) morph(o, n);
        else o.replaceWith(n);
      } else if (o.nodeType === 3 && n.nodeType === 3) {
        if (o.data !== n.data) o.data = n.data;
      } else {
        o.replaceWith(n);
      }
    });
  }

  function draftForm(form) {
    var preview = document.getElementById("forhandsvisning");
    var status = document.querySelector("[data-preview-status]");
    var factsBox = document.getElementById("fakta-innehall");
    var factsPanel = document.getElementById("fakta");
    var kommun = form.querySelector("[data-kommun]");
    var templateSelect = form.querySelector("[data-choose-template]");
    var chooseButton = form.querySelector('[data-action="choose-template"]');
    var rows = form.querySelector("[data-signer-rows]");
    var rowTemplate = document.getElementById("signer-row-template");
    var addButton = form.querySelector('[data-action="add-row"]');
    var changingTemplate = false;

    // ── Preview ────────────────────────────────────────────────────────────────────
    var previewController = null;
    var previewSeq = 0;
    function refreshPreview() {
      if (!preview) return;
      if (previewController) previewController.abort();
      previewController = new AbortController();
      var seq = ++previewSeq;
      var data = new FormData(form);
      data.delete("format");
      preview.setAttribute("aria-busy", "true");
      if (status) status.textContent = preview.getAttribute("data-loading") || "";
      fetch(preview.getAttribute("data-preview-url"), {
        method: "POST",
        body: data,
        credentials: "same-origin",
        signal: previewController.signal,
      })
        .then(function (res) {
          if (!res.ok) throw new Error(String(res.status));
          return res.text();
        })
        .then(function (html) {
          if (seq !== previewSeq) return;
          patch(preview, html);
          placeReview();
          preview.removeAttribute("aria-busy");
          if (status) status.textContent = "";
        })
        .catch(function (err) {
          if (err && err.name === "AbortError") return;
          preview.removeAttribute("aria-busy");
          if (status) status.textContent = preview.getAttribute("data-failed") || "";
        });
    }
    var schedulePreview = debounce(refreshPreview, 400);

    // The preview brings the "Att göra innan du lämnar in" list for the facts panel too; it
    // goes there (or the panel's list is emptied when the preview has none, e.g. errors).
    var reviewSlot = document.querySelector("[data-review-slot]");
    function placeReview() {
      if (!reviewSlot) return;
      var source = preview.querySelector("template[data-review-for-facts]");
      patch(reviewSlot, source ? source.innerHTML : "");
    }

    // ── Facts panel ────────────────────────────────────────────────────────────────
    var lastFactsKey = kommun ? kommun.value.trim() : "";
    var factsController = null;
    function refreshFacts() {
      if (!factsBox || !kommun || !factsPanel) return;
      var value = kommun.value.trim();
      if (value === lastFactsKey) return;
      lastFactsKey = value;
      if (factsController) factsController.abort();
      factsController = new AbortController();
      var url = factsPanel.getAttribute("data-fragment-url") + "?" + new URLSearchParams({ template: templateSelect ? templateSelect.value : "", kommun: value }).toString();
      fetch(url, { credentials: "same-origin", signal: factsController.signal })
        .then(function (res) {
          return res.text();
        })
        .then(function (html) {
          patch(factsBox, html);
          factsPanel.classList.remove("has-error");
        })
        .catch(function () {});
    }
    var scheduleFacts = debounce(refreshFacts, 400);

    form.addEventListener("input", function (e) {
      if (e.target === templateSelect) return;
      if (e.target === kommun) scheduleFacts();
      schedulePreview();
    });
    form.addEventListener("change", function (e) {
      if (e.target === templateSelect) return;
      if (e.target === kommun) scheduleFacts();
      if (e.target.matches && e.target.matches("[data-party-select]")) syncParty(e.target.closest("[data-signer-row]"));
      schedulePreview();
    });

    // ── Template: a new template means new fields, so the page is fetched anew ──────
    if (templateSelect && chooseButton) {
      templateSelect.addEventListener("change", function () {
        changingTemplate = true;
        form.requestSubmit(chooseButton);
      });
    }

    // Enter in a one-line field refreshes the preview instead of submitting the form (whose
    // first submit button, "Välj mall", is hidden when the script runs).
    form.addEventListener("keydown", function (e) {
      var el = e.target;
      if (e.key !== "Enter" || e.isComposing || !el.matches || !el.matches("input:not([type=checkbox]):not([type=radio]):not([type=hidden])")) return;
      e.preventDefault();
      refreshPreview();
    });

    // "Förhandsgranska" (and any implicit submission) refreshes the preview in place.
    form.addEventListener("submit", function (e) {
      var by = e.submitter;
      var action = by && by.getAttribute("data-action");
      if (action === "choose-template" && !changingTemplate) {
        e.preventDefault();
        refreshPreview();
      } else if (action === "preview") {
        e.preventDefault();
        refreshPreview();
        preview.closest("section").scrollIntoView({ block: "start", behavior: "smooth" });
      }
    });

    // ── Signer rows ─────────────────────────────────────────────────────────────────
    function renumber() {
      if (!rows) return;
      var rowPattern = rows.getAttribute("data-row-pattern") || "{n}";
      var removePattern = rows.getAttribute("data-remove-pattern") || "{n}";
      var list = rows.querySelectorAll("[data-signer-row]");
      list.forEach(function (row, i) {
        row.querySelectorAll("[name],[id],[for],[aria-describedby]").forEach(function (el) {
          ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
            var v = el.getAttribute(attr);
            if (!v) return;
            var next = v
              .replace(/\b(name|party|partyOther|role)\.\d+\b/g, "$1." + i)
              .replace(/\bf-(name|party|partyOther|role)-\d+\b/g, "f-$1-" + i);
            if (next !== v) el.setAttribute(attr, next);
          });
        });
        var legend = row.querySelector("legend");
        if (legend) legend.textContent = rowPattern.replace("{n}", String(i + 1));
        var remove = row.querySelector('[data-action="remove-row"]');
        if (remove) {
          remove.value = String(i);
          remove.setAttribute("aria-label", removePattern.replace("{n}", String(i + 1)));
        }
      });
    }

    function isEmptyRow(row) {
      return Array.prototype.every.call(row.querySelectorAll("input[type=text]"), function (x) {
        return x.value.trim() === "";
      }) && !row.querySelector("select").value && !row.classList.contains("has-error");
    }

    function syncParty(row) {
      if (!row) return;
      var select = row.querySelector("[data-party-select]");
      var other = row.querySelector("[data-party-other]");
      if (!select || !other) return;
      var input = other.querySelector("input");
      var show = select.value === "annat" || (input && input.value.trim() !== "") || other.classList.contains("has-error");
      other.hidden = !show;
    }

    function addRow() {
      if (!rows || !rowTemplate) return;
      var fragment = rowTemplate.content.cloneNode(true);
      rows.appendChild(fragment);
      renumber();
      var added = rows.lastElementChild;
      syncParty(added);
      var first = added.querySelector("input[type=text]");
      if (first) first.focus();
    }

    function removeRow(row) {
      var all = rows.querySelectorAll("[data-signer-row]");
      var index = Array.prototype.indexOf.call(all, row);
      if (all.length <= 1) {
        row.querySelectorAll("input[type=text]").forEach(function (x) {
          x.value = "";
        });
        row.querySelector("select").value = "";
        syncParty(row);
        row.querySelector("input[type=text]").focus();
      } else {
        row.remove();
        renumber();
        var rest = rows.querySelectorAll("[data-signer-row]");
        var next = rest[Math.min(index, rest.length - 1)];
        var target = next && next.querySelector("input[type=text]");
        if (target) target.focus();
      }
      schedulePreview();
    }

    if (rows) {
      // Start with the rows in use (at least one); more come with "Lägg till undertecknare".
      var list = Array.prototype.slice.call(rows.querySelectorAll("[data-signer-row]"));
      list.slice(1).forEach(function (row) {
        if (isEmptyRow(row)) row.remove();
      });
      renumber();
      rows.querySelectorAll("[data-signer-row]").forEach(syncParty);
      rows.addEventListener("click", function (e) {
        var btn = e.target.closest('[data-action="remove-row"]');
        if (!btn) return;
        e.preventDefault();
        removeRow(btn.closest("[data-signer-row]"));
      });
    }
    if (addButton) {
      var label = addButton.getAttribute("data-js-label");
      if (label) addButton.textContent = label;
      addButton.addEventListener("click", function (e) {
        e.preventDefault();
        addRow();
      });
    }
  }
})();
