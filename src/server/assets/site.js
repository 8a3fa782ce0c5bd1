// Motionera: makes the pages livelier. Everything works without it; its text comes from the
// page (data attributes, <template> elements), never from here.
// Type-checked by `tsc -p tsconfig.site.json` (JSDoc types, checkJs).
// @ts-check
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  /**
   * @param {() => void} fn
   * @param {number} ms
   * @returns {() => void}
   */
  var debounce = function (fn, ms) {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    var timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  };

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (!(summary instanceof HTMLElement)) summary = null;
    if (summary) summary.focus();
    // Long filter lists start closed on a narrow screen; the results come first into view.
    if (window.matchMedia("(max-width: 56rem)").matches) {
      document.querySelectorAll("details[data-collapse-narrow]").forEach(function (d) {
        if (!(d instanceof HTMLDetailsElement)) return;
        d.open = false;
      });
    }
    var form = document.querySelector("form[data-draft-form]");
    if (!(form instanceof HTMLFormElement)) form = null;
    if (form) draftForm(form);
  });

  /**
   * Replaces `target`'s children with those in `html`, keeping the nodes that did not
   * change, so a live region announces only what changed.
   * @param {Element} target
   * @param {string} html
   */
  function patch(target, html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    morph(target, tpl.content);
  }

  /**
   * @param {Node} oldParent
   * @param {Node} newParent
   */
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

  /** @param {HTMLFormElement} form */
  function draftForm(form) {
    var preview = document.getElementById("forhandsvisning");
    var status = document.querySelector("[data-preview-status]");
    var factsBox = document.getElementById("fakta-innehall");
    var factsPanel = document.getElementById("fakta");
    var kommun = /** @type {HTMLInputElement | null} */ (form.querySelector("[data-kommun]"));
    var templateSelect = /** @type {HTMLSelectElement | null} */ (form.querySelector("[data-choose-template]"));
    var chooseButton = /** @type {HTMLButtonElement | null} */ (form.querySelector('[data-action="choose-template"]'));
    var rows = /** @type {HTMLElement | null} */ (form.querySelector("[data-signer-rows]"));
    var rowTemplate = /** @type {HTMLTemplateElement | null} */ (document.getElementById("signer-row-template"));
    var addButton = /** @type {HTMLButtonElement | null} */ (form.querySelector('[data-action="add-row"]'));
    var changingTemplate = false;

    // ── Preview ────────────────────────────────────────────────────────────────────
    /** @type {AbortController | null} */
    var previewController = null;
    var previewSeq = 0;
    function refreshPreview() {
      var url = preview && preview.getAttribute("data-preview-url");
      if (!preview || !url) return;
      var target = preview;
      if (previewController) previewController.abort();
      previewController = new AbortController();
      var seq = ++previewSeq;
      var data = new FormData(form);
      data.delete("format");
      target.setAttribute("aria-busy", "true");
      if (status) status.textContent = target.getAttribute("data-loading") || "";
      fetch(url, {
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
          patch(target, html);
          placeReview();
          target.removeAttribute("aria-busy");
          if (status) status.textContent = "";
        })
        .catch(function (err) {
          if (err && err.name === "AbortError") return;
          target.removeAttribute("aria-busy");
          if (status) status.textContent = target.getAttribute("data-failed") || "";
        });
    }
    var schedulePreview = debounce(refreshPreview, 400);

    // The preview brings the "Att göra innan du lämnar in" list for the facts panel too; it
    // goes there (or the panel's list is emptied when the preview has none, e.g. errors).
    var reviewSlot = document.querySelector("[data-review-slot]");
    function placeReview() {
      if (!reviewSlot || !preview) return;
      var source = preview.querySelector("template[data-review-for-facts]");
      patch(reviewSlot, source ? source.innerHTML : "");
    }

    // ── Facts panel ────────────────────────────────────────────────────────────────
    var lastFactsKey = kommun ? kommun.value.trim() : "";
    /** @type {AbortController | null} */
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
          if (factsBox) patch(factsBox, html);
          if (factsPanel) factsPanel.classList.remove("has-error");
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
      var el = e.target;
      if (el instanceof Element && el.matches("[data-party-select]")) syncParty(el.closest("[data-signer-row]"));
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
      var oneLine = "input:not([type=checkbox]):not([type=radio]):not([type=hidden])";
      if (e.key !== "Enter" || e.isComposing || !(el instanceof Element) || !el.matches(oneLine)) return;
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
        var section = preview && preview.closest("section");
        if (section) section.scrollIntoView({ block: "start", behavior: "smooth" });
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
        var remove = /** @type {HTMLButtonElement | null} */ (row.querySelector('[data-action="remove-row"]'));
        if (remove) {
          remove.value = String(i);
          remove.setAttribute("aria-label", removePattern.replace("{n}", String(i + 1)));
        }
      });
    }

    /** @param {Element} row */
    function isEmptyRow(row) {
      var select = row.querySelector("select");
      return Array.prototype.every.call(row.querySelectorAll("input[type=text]"), function (/** @type {HTMLInputElement} */ x) {
        return x.value.trim() === "";
      }) && !(select && select.value) && !row.classList.contains("has-error");
    }

    /** @param {Element | null | undefined} row */
    function syncParty(row) {
      if (!row) return;
      var select = /** @type {HTMLSelectElement | null} */ (row.querySelector("[data-party-select]"));
      var other = /** @type {HTMLElement | null} */ (row.querySelector("[data-party-other]"));
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
      var first = added && /** @type {HTMLInputElement | null} */ (added.querySelector("input[type=text]"));
      if (first) first.focus();
    }

    /** @param {Element | null} row */
    function removeRow(row) {
      if (!rows || !row) return;
      var all = rows.querySelectorAll("[data-signer-row]");
      var index = Array.prototype.indexOf.call(all, row);
      if (all.length <= 1) {
        row.querySelectorAll("input[type=text]").forEach(function (x) {
          if (x instanceof HTMLInputElement) x.value = "";
        });
        var select = row.querySelector("select");
        if (select) select.value = "";
        syncParty(row);
        var firstInput = /** @type {HTMLInputElement | null} */ (row.querySelector("input[type=text]"));
        if (firstInput) firstInput.focus();
      } else {
        row.remove();
        renumber();
        var rest = rows.querySelectorAll("[data-signer-row]");
        var next = rest[Math.min(index, rest.length - 1)];
        var target = next && /** @type {HTMLInputElement | null} */ (next.querySelector("input[type=text]"));
        if (target) target.focus();
      }
      schedulePreview();
    }

    if (rows) {
      // Start with the rows in use (at least one); more come with "Lägg till undertecknare".
      var list = Array.prototype.slice.call(rows.querySelectorAll("[data-signer-row]"));
      list.slice(1).forEach(function (/** @type {Element} */ row) {
        if (isEmptyRow(row)) row.remove();
      });
      renumber();
      rows.querySelectorAll("[data-signer-row]").forEach(syncParty);
      rows.addEventListener("click", function (e) {
        var btn = e.target instanceof Element ? e.target.closest('[data-action="remove-row"]') : null;
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
