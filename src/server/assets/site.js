// Motionera: makes the pages livelier. Everything works without it; its text comes from the
// page (data attributes, <template> elements), never from here.
// Type-checked by `tsc -p tsconfig.site.json` (JSDoc types, checkJs).
// @ts-check
(() => {
  document.documentElement.classList.add("js");

  /**
   * @param {() => void} fn
   * @param {number} ms
   * @returns {() => void}
   */
  const debounce = (fn, ms) => {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  };

  document.addEventListener("DOMContentLoaded", () => {
    let summary = document.querySelector("[data-error-summary]");
    if (!(summary instanceof HTMLElement)) summary = null;
    if (summary) summary.focus();
    // Long filter lists start closed on a narrow screen; the results come first into view.
    if (window.matchMedia("(max-width: 56rem)").matches) {
      document.querySelectorAll("details[data-collapse-narrow]").forEach((d) => {
        if (!(d instanceof HTMLDetailsElement)) return;
        d.open = false;
      });
    }
    let form = document.querySelector("form[data-draft-form]");
    if (!(form instanceof HTMLFormElement)) form = null;
    if (form) draftForm(form);
    const campaign = document.querySelector("form[data-campaign-form]");
    if (campaign instanceof HTMLFormElement) campaignForm(campaign);
    const placeFilterForm = document.querySelector("form[data-place-filter]");
    if (placeFilterForm instanceof HTMLFormElement) placeFilter(placeFilterForm);
    let editor = document.querySelector("form[data-template-editor]");
    if (!(editor instanceof HTMLFormElement)) editor = null;
    if (editor) templateEditor(editor);
    const notice = document.querySelector("[data-notice]");
    if (!summary && notice instanceof HTMLElement) notice.focus();
    const search = document.querySelector("form[data-corpus-search]");
    if (search instanceof HTMLFormElement) corpusSearch(search);
    if (form) savedDrafts(form);
  });

  /**
   * The corpus search: a ticked or unticked facet submits the form (the page says so first),
   * and empty fields stay out of the address, so a shared URL holds only what was chosen.
   * @param {HTMLFormElement} form
   */
  function corpusSearch(form) {
    document.querySelectorAll("[data-auto-submit-note]").forEach((n) => {
      if (n instanceof HTMLElement) n.hidden = false;
    });
    document.addEventListener("change", (e) => {
      const el = e.target;
      if (el instanceof HTMLInputElement && el.type === "checkbox" && el.form === form) form.requestSubmit();
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (typeof value === "string" && value.trim() !== "") params.append(name, value.trim());
      }
      const qs = params.toString();
      window.location.assign(`${form.action}${qs ? `?${qs}` : ""}`);
    });
  }

  /**
   * Replaces `target`'s children with those in `html`, keeping the nodes that did not
   * change, so a live region announces only what changed.
   * @param {Element} target
   * @param {string} html
   */
  function patch(target, html) {
    const tpl = document.createElement("template");
    tpl.innerHTML = html;
    morph(target, tpl.content);
  }

  /**
   * @param {Node} oldParent
   * @param {Node} newParent
   */
  function morph(oldParent, newParent) {
    const olds = Array.prototype.slice.call(oldParent.childNodes);
    const news = Array.prototype.slice.call(newParent.childNodes);
    const sameShape = olds.length === news.length && olds.every((o, i) => o.nodeName === news[i].nodeName);
    if (!sameShape) {
      while (oldParent.firstChild) oldParent.removeChild(oldParent.firstChild);
      news.forEach((n) => {
        oldParent.appendChild(n);
      });
      return;
    }
    olds.forEach((o, i) => {
      const n = news[i];
      if (o.nodeType === 1 && n.nodeType === 1) {
        if (o.outerHTML === n.outerHTML) return;
        const sameAttrs =
          o.attributes.length === n.attributes.length &&
          Array.prototype.every.call(o.attributes, (a) => n.getAttribute(a.name) === a.value);
        if (sameAttrs && /^(ARTICLE|SECTION|DIV|OL|UL)$/.test(o.nodeName)) morph(o, n);
        else o.replaceWith(n);
      } else if (o.nodeType === 3 && n.nodeType === 3) {
        if (o.data !== n.data) o.data = n.data;
      } else {
        o.replaceWith(n);
      }
    });
  }

  /**
   * The template editor: line numbers beside the text, the caret's line and column, the
   * check's problems leading to their line, and the preview of the text as it is typed.
   * @param {HTMLFormElement} form
   */
  function templateEditor(form) {
    const text = /** @type {HTMLTextAreaElement | null} */ (form.querySelector("[data-template-text]"));
    const gutter = form.querySelector("[data-line-numbers]");
    const position = document.getElementById("m-position");
    const preview = document.getElementById("forhandsvisning");
    const status = document.querySelector("[data-preview-status]");
    if (!text) return;
    const field = text;

    // ── Line numbers and the caret's place ───────────────────────────────────────────
    let lineCount = 0;
    function syncGutter() {
      if (!gutter) return;
      const count = field.value.split("\n").length;
      if (count !== lineCount) {
        lineCount = count;
        const numbers = [];
        for (let i = 1; i <= count; i++) numbers.push(String(i));
        gutter.textContent = numbers.join("\n");
      }
      gutter.scrollTop = field.scrollTop;
    }
    function showPosition() {
      if (!position) return;
      const before = field.value.slice(0, field.selectionStart);
      const line = before.split("\n").length;
      const column = before.length - before.lastIndexOf("\n");
      const pattern = position.getAttribute("data-position-pattern") || "{line}:{column}";
      position.textContent = pattern.replace("{line}", String(line)).replace("{column}", String(column));
    }
    if (position) position.hidden = false;
    syncGutter();
    showPosition();
    field.addEventListener("scroll", syncGutter);
    ["keyup", "click", "select", "focus"].forEach((type) => {
      field.addEventListener(type, showPosition);
    });

    /**
     * Focuses the text and selects line `line` (1-based), scrolled into view.
     * @param {number} line
     */
    function gotoLine(line) {
      const lines = field.value.split("\n");
      const index = Math.max(0, Math.min(line, lines.length) - 1);
      let start = 0;
      for (let i = 0; i < index; i++) start += (lines[i] || "").length + 1;
      const length = (lines[index] || "").length;
      field.focus();
      field.setSelectionRange(start, start + length);
      const lineHeight = parseFloat(getComputedStyle(field).lineHeight) || 20;
      field.scrollTop = Math.max(0, index * lineHeight - field.clientHeight / 3);
      field.scrollLeft = 0;
      syncGutter();
      showPosition();
    }
    // Problems are in the check's list and in the preview (which the script replaces): one listener.
    document.addEventListener("click", (e) => {
      const link = e.target instanceof Element ? e.target.closest("a[data-goto-line]") : null;
      if (!link) return;
      e.preventDefault();
      gotoLine(Number(link.getAttribute("data-goto-line")) || 1);
    });

    // ── Live preview ────────────────────────────────────────────────────────────────
    const refreshPreview = livePreview(form, preview, status, {
      urlAttribute: "data-template-preview-url",
      drop: "atgard",
      // The check of the same text comes along: it replaces the one under the form.
      after(target) {
        const check = target.querySelector("template[data-check-for-editor]");
        const slot = document.querySelector("[data-check-content]");
        if (check && slot) patch(slot, check.innerHTML);
      },
    });
    const schedulePreview = debounce(refreshPreview, 600);
    form.addEventListener("input", (e) => {
      if (e.target === field) syncGutter();
      schedulePreview();
    });
    form.addEventListener("change", schedulePreview);
    // "Förhandsgranska" refreshes the preview in place; "Kontrollera" and "Spara" go to the server.
    form.addEventListener("submit", (e) => {
      if (e.submitter?.getAttribute("value") !== "forhandsgranska") return;
      e.preventDefault();
      refreshPreview();
    });
  }

  /**
   * A preview refreshed in place from the form's fields, posted to the URL in the preview's
   * `urlAttribute` (without the submit button's field `drop`); a newer refresh gives up the
   * one before; `status` says it is loading or failed; `after` runs once the answer is in.
   * @param {HTMLFormElement} form
   * @param {HTMLElement | null} preview
   * @param {Element | null} status
   * @param {{ urlAttribute: string, drop: string, after: (target: HTMLElement) => void }} how
   * @returns {() => void}
   */
  function livePreview(form, preview, status, how) {
    /** @type {AbortController | null} */
    let controller = null;
    let seq = 0;
    return function refreshPreview() {
      const url = preview?.getAttribute(how.urlAttribute);
      if (!preview || !url) return;
      const target = preview;
      if (controller) controller.abort();
      controller = new AbortController();
      const mine = ++seq;
      const data = new FormData(form);
      data.delete(how.drop);
      target.setAttribute("aria-busy", "true");
      if (status) status.textContent = target.getAttribute("data-loading") || "";
      fetch(url, { method: "POST", body: data, credentials: "same-origin", signal: controller.signal })
        .then((res) => {
          if (!res.ok) throw new Error(String(res.status));
          return res.text();
        })
        .then((html) => {
          if (mine !== seq) return;
          patch(target, html);
          how.after(target);
          target.removeAttribute("aria-busy");
          if (status) status.textContent = "";
        })
        .catch((err) => {
          if (err && err.name === "AbortError") return;
          target.removeAttribute("aria-busy");
          if (status) status.textContent = target.getAttribute("data-failed") || "";
        });
    };
  }

  /**
   * The municipality list filtered as the user types (the form's GET does the same without the
   * script); the address follows, so the filtered list can be shared.
   * @param {HTMLFormElement} form
   */
  function placeFilter(form) {
    const text = /** @type {HTMLInputElement | null} */ (form.querySelector("[data-filter-text]"));
    const withFacts = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="med"]'));
    const count = document.querySelector("[data-filter-count]");
    // As src/lang/normalize.ts `fold`: lower case, no diacritics, hyphens as spaces.
    const fold = (/** @type {string} */ s) =>
      s
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[-_\u2010\u2011\u2013]/g, " ")
        .replace(/\s+/g, " ")
        .trim();
    function apply() {
      const q = fold(text ? text.value : "");
      const onlyFacts = !!withFacts?.checked;
      let shown = 0;
      let total = 0;
      document.querySelectorAll("[data-county]").forEach((section) => {
        let any = false;
        section.querySelectorAll("li[data-place]").forEach((li) => {
          const match =
            (q === "" || (li.getAttribute("data-place") || "").includes(q)) &&
            (!onlyFacts || Number(li.getAttribute("data-facts")) > 0);
          li.toggleAttribute("hidden", !match);
          total++;
          if (match) {
            shown++;
            any = true;
          }
        });
        section.toggleAttribute("hidden", !any);
      });
      if (count) {
        const pattern = shown === total ? count.getAttribute("data-all") : count.getAttribute("data-some");
        count.textContent = (pattern || "").replace("{n}", String(shown));
      }
      const params = new URLSearchParams();
      if (text?.value.trim()) params.set("q", text.value.trim());
      if (onlyFacts) params.set("med", "1");
      const query = params.toString();
      history.replaceState(null, "", query ? `?${query}` : location.pathname);
    }
    text?.addEventListener("input", debounce(apply, 150));
    withFacts?.addEventListener("change", apply);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      apply();
    });
  }

  /** @param {HTMLFormElement} form */
  function draftForm(form) {
    const preview = document.getElementById("forhandsvisning");
    const status = document.querySelector("[data-preview-status]");
    const factsBox = document.getElementById("fakta-innehall");
    const factsPanel = document.getElementById("fakta");
    const kommun = /** @type {HTMLInputElement | null} */ (form.querySelector("[data-kommun]"));
    const templateSelect = /** @type {HTMLSelectElement | null} */ (form.querySelector("[data-choose-template]"));
    const chooseButton = /** @type {HTMLButtonElement | null} */ (
      form.querySelector('[data-action="choose-template"]')
    );
    const picker = factPicker(form);
    const editedText = form.querySelector("textarea[data-edited-text]");
    if (editedText instanceof HTMLTextAreaElement) protectMarks(editedText);

    // ── Preview ────────────────────────────────────────────────────────────────────
    const refreshPreview = livePreview(form, preview, status, {
      urlAttribute: "data-preview-url",
      drop: "format",
      after: () => placeReview(),
    });
    const schedulePreview = debounce(refreshPreview, 400);

    // The preview brings the "Att göra innan du lämnar in" list for the facts panel too; it
    // goes there (or the panel's list is emptied when the preview has none, e.g. errors).
    const reviewSlot = document.querySelector("[data-review-slot]");
    function placeReview() {
      if (!reviewSlot || !preview) return;
      const source = preview.querySelector("template[data-review-for-facts]");
      patch(reviewSlot, source ? source.innerHTML : "");
    }

    // ── Facts panel ────────────────────────────────────────────────────────────────
    let lastFactsKey = kommun ? kommun.value.trim() : "";
    /** @type {AbortController | null} */
    let factsController = null;
    function refreshFacts() {
      if (!factsBox || !kommun || !factsPanel) return;
      const value = kommun.value.trim();
      if (value === lastFactsKey) return;
      lastFactsKey = value;
      picker.refresh(value);
      if (factsController) factsController.abort();
      factsController = new AbortController();
      const url =
        factsPanel.getAttribute("data-fragment-url") +
        "?" +
        new URLSearchParams({ template: templateSelect ? templateSelect.value : "", kommun: value }).toString();
      fetch(url, { credentials: "same-origin", signal: factsController.signal })
        .then((res) => res.text())
        .then((html) => {
          if (factsBox) patch(factsBox, html);
          if (factsPanel) factsPanel.classList.remove("has-error");
          placeKommunHint();
        })
        .catch(() => {});
    }
    const scheduleFacts = debounce(refreshFacts, 400);

    // "Menade du …" under the municipality field, from the facts panel's answer; a suggested
    // name, pressed, goes into the field (and the panel and preview follow it).
    const kommunHint = form.querySelector("[data-kommun-hint-slot]");
    function placeKommunHint() {
      if (!kommunHint || !factsBox) return;
      const source = factsBox.querySelector("template[data-kommun-hint]");
      patch(kommunHint, source ? source.innerHTML : "");
    }
    document.addEventListener("click", (e) => {
      const target = e.target instanceof Element ? e.target.closest("[data-fill-kommun]") : null;
      if (!target || !kommun) return;
      kommun.value = target.getAttribute("data-fill-kommun") || "";
      kommun.focus();
      kommun.dispatchEvent(new Event("input", { bubbles: true }));
    });

    // "Lägg till" on a missing fact comes back to the draft as it is now, with what was typed.
    form.addEventListener("click", (e) => {
      const link = e.target instanceof Element ? e.target.closest("a[data-add-fact]") : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      const state = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (typeof value === "string") state.append(name, value);
      const url = new URL(link.href);
      url.searchParams.set("till", "/?" + state.toString());
      link.href = url.toString();
    });

    form.addEventListener("input", (e) => {
      if (e.target === templateSelect || picker.owns(e.target)) return;
      if (e.target === kommun) scheduleFacts();
      schedulePreview();
    });
    form.addEventListener("change", (e) => {
      if (e.target === templateSelect || picker.owns(e.target)) return;
      if (e.target === kommun) scheduleFacts();
      schedulePreview();
    });

    // ── Template: a new template means new fields, fetched by "Välj mall" ───────────
    // Choosing in the list never loads a page by itself (WCAG 3.2.2 On Input: arrow keys move
    // through the list); the button turns primary while the list names another template.
    if (templateSelect && chooseButton) {
      const shown = templateSelect.value;
      templateSelect.addEventListener("change", () => {
        const other = templateSelect.value !== shown;
        chooseButton.classList.toggle("secondary", !other);
      });
    }

    // Enter in a one-line field refreshes the preview instead of submitting the form (whose
    // first submit button, "Välj mall", is hidden when the script runs).
    form.addEventListener("keydown", (e) => {
      const el = e.target;
      const oneLine = "input:not([type=checkbox]):not([type=radio]):not([type=hidden])";
      if (e.key !== "Enter" || e.isComposing || !(el instanceof Element) || !el.matches(oneLine)) return;
      e.preventDefault();
      if (!picker.owns(el)) refreshPreview();
    });

    // "Förhandsgranska" (and any implicit submission) refreshes the preview in place.
    form.addEventListener("submit", (e) => {
      const by = e.submitter;
      const action = by?.getAttribute("data-action");
      if (action === "choose-template") {
        return; // the page for the chosen template, what was typed carried along
      } else if (action === "preview") {
        e.preventDefault();
        refreshPreview();
        const section = preview?.closest("section");
        if (section) section.scrollIntoView({ block: "start", behavior: "smooth" });
      }
    });

    signerRows(form, schedulePreview);
  }

  /**
   * The signer rows, on the draft form and the campaign form alike: "Lägg till undertecknare" and
   * "Ta bort" work in the page, and a row's "Annat parti" field shows only when it is chosen. Without
   * the script both buttons post the form and the server adds or removes the row.
   * @param {HTMLFormElement} form
   * @param {() => void} changed called when a row is removed
   */
  function signerRows(form, changed) {
    const rows = /** @type {HTMLElement | null} */ (form.querySelector("[data-signer-rows]"));
    const rowTemplate = /** @type {HTMLTemplateElement | null} */ (document.getElementById("signer-row-template"));
    const addButton = /** @type {HTMLButtonElement | null} */ (form.querySelector('[data-action="add-row"]'));
    form.addEventListener("change", (e) => {
      const el = e.target;
      if (el instanceof Element && el.matches("[data-party-select]")) syncParty(el.closest("[data-signer-row]"));
    });

    function renumber() {
      if (!rows) return;
      const rowPattern = rows.getAttribute("data-row-pattern") || "{n}";
      const removePattern = rows.getAttribute("data-remove-pattern") || "{n}";
      const list = rows.querySelectorAll("[data-signer-row]");
      list.forEach((row, i) => {
        row.querySelectorAll("[name],[id],[for],[aria-describedby]").forEach((el) => {
          ["name", "id", "for", "aria-describedby"].forEach((attr) => {
            const v = el.getAttribute(attr);
            if (!v) return;
            const next = v
              .replace(/\b(name|party|partyOther|role)\.\d+\b/g, `$1.${i}`)
              .replace(/\b([a-z]+)-(name|party|partyOther|role)-\d+\b/g, `$1-$2-${i}`);
            if (next !== v) el.setAttribute(attr, next);
          });
        });
        const legend = row.querySelector("legend");
        if (legend) legend.textContent = rowPattern.replace("{n}", String(i + 1));
        const remove = /** @type {HTMLButtonElement | null} */ (row.querySelector('[data-action="remove-row"]'));
        if (remove) {
          remove.value = String(i);
          remove.setAttribute("aria-label", removePattern.replace("{n}", String(i + 1)));
        }
      });
    }

    /** @param {Element} row */
    function isEmptyRow(row) {
      const select = row.querySelector("select");
      return (
        Array.prototype.every.call(
          row.querySelectorAll("input[type=text]"),
          (/** @type {HTMLInputElement} */ x) => x.value.trim() === "",
        ) &&
        !select?.value &&
        !row.classList.contains("has-error")
      );
    }

    /** @param {Element | null | undefined} row */
    function syncParty(row) {
      if (!row) return;
      const select = /** @type {HTMLSelectElement | null} */ (row.querySelector("[data-party-select]"));
      const other = /** @type {HTMLElement | null} */ (row.querySelector("[data-party-other]"));
      if (!select || !other) return;
      const input = other.querySelector("input");
      const show =
        select.value === "annat" || (input && input.value.trim() !== "") || other.classList.contains("has-error");
      other.hidden = !show;
    }

    function addRow() {
      if (!rows || !rowTemplate) return;
      const fragment = rowTemplate.content.cloneNode(true);
      rows.appendChild(fragment);
      renumber();
      const added = rows.lastElementChild;
      syncParty(added);
      const first = added && /** @type {HTMLInputElement | null} */ (added.querySelector("input[type=text]"));
      if (first) first.focus();
    }

    /** @param {Element | null} row */
    function removeRow(row) {
      if (!rows || !row) return;
      const all = rows.querySelectorAll("[data-signer-row]");
      const index = Array.prototype.indexOf.call(all, row);
      if (all.length <= 1) {
        row.querySelectorAll("input[type=text]").forEach((x) => {
          if (x instanceof HTMLInputElement) x.value = "";
        });
        const select = row.querySelector("select");
        if (select) select.value = "";
        syncParty(row);
        const firstInput = /** @type {HTMLInputElement | null} */ (row.querySelector("input[type=text]"));
        if (firstInput) firstInput.focus();
      } else {
        row.remove();
        renumber();
        const rest = rows.querySelectorAll("[data-signer-row]");
        const next = rest[Math.min(index, rest.length - 1)];
        const target = next && /** @type {HTMLInputElement | null} */ (next.querySelector("input[type=text]"));
        if (target) target.focus();
      }
      changed();
    }

    if (rows) {
      // Start with the rows in use (at least one); more come with "Lägg till undertecknare".
      const list = Array.prototype.slice.call(rows.querySelectorAll("[data-signer-row]"));
      list.slice(1).forEach((/** @type {Element} */ row) => {
        if (isEmptyRow(row)) row.remove();
      });
      renumber();
      rows.querySelectorAll("[data-signer-row]").forEach(syncParty);
      rows.addEventListener("click", (e) => {
        const btn = e.target instanceof Element ? e.target.closest('[data-action="remove-row"]') : null;
        if (!btn) return;
        e.preventDefault();
        removeRow(btn.closest("[data-signer-row]"));
      });
    }
    if (addButton) {
      const label = addButton.getAttribute("data-js-label");
      if (label) addButton.textContent = label;
      addButton.addEventListener("click", (e) => {
        e.preventDefault();
        addRow();
      });
    }
  }

  /**
   * "Redigera texten": a note mark ([^3]) or a part from the form (⟦underskrifter⟧) is deleted
   * whole, never broken by one key, and nothing is typed inside one. (The server refuses a broken
   * mark anyway; this only keeps a slip from causing it.)
   * @param {HTMLTextAreaElement} area
   */
  function protectMarks(area) {
    area.addEventListener("beforeinput", (e) => {
      const start = area.selectionStart;
      const end = area.selectionEnd;
      const deleting = e.inputType.startsWith("delete");
      let from = start;
      let to = end;
      if (deleting && start === end) {
        if (e.inputType === "deleteContentBackward") from = start - 1;
        else if (e.inputType === "deleteContentForward") to = end + 1;
        else return;
      }
      let touched = false;
      for (const m of area.value.matchAll(/\[\^\d+\]|⟦[^⟦⟧\n]*⟧/g)) {
        const a = m.index;
        const b = a + m[0].length;
        // A deletion that reaches into a mark takes all of it; typing strictly inside one is ignored.
        if (deleting ? from < b && to > a : from > a && from < b) {
          touched = true;
          from = Math.min(from, a);
          to = Math.max(to, b);
        }
      }
      if (!touched) return;
      e.preventDefault();
      if (!deleting) return;
      area.setRangeText("", from, to, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  /**
   * The campaign form: a condition row's value control follows the fact chosen (the registry's
   * values, or a box to type in), and "Ladda ner zip-fil" shows how far the zip has come
   * ("12 av 49 kommuner klara") while it downloads. Without the script the row's values follow
   * after "Visa urvalet" and the download is a plain POST.
   * @param {HTMLFormElement} form
   */
  function campaignForm(form) {
    signerRows(form, () => {});
    const rows = form.querySelector("[data-condition-rows]");
    const valueUrl = rows?.getAttribute("data-value-url");
    rows?.addEventListener("change", (e) => {
      const select = e.target;
      if (!(select instanceof HTMLSelectElement) || !select.matches("[data-condition-fact]") || !valueUrl) return;
      const row = select.closest("[data-condition-row]");
      const slot = row?.querySelector("[data-value-slot]");
      const i = /\.(\d+)$/.exec(select.name)?.[1] ?? "0";
      if (!slot) return;
      fetch(`${valueUrl}?${new URLSearchParams({ rad: i, fakta: select.value }).toString()}`, {
        credentials: "same-origin",
      })
        .then((res) => (res.ok ? res.text() : Promise.reject(new Error(String(res.status)))))
        .then((html) => patch(slot, html))
        .catch(() => {});
    });

    const box = /** @type {HTMLElement | null} */ (form.querySelector("[data-campaign-progress]"));
    const bar = /** @type {HTMLProgressElement | null} */ (box?.querySelector("progress") ?? null);
    const text = box?.querySelector("[data-progress-text]");
    const progressUrl = form.getAttribute("data-progress-url");
    /** @param {string} name */
    const say = (name) => {
      if (text) text.textContent = text.getAttribute(name) || "";
    };
    let running = false;
    form.addEventListener("submit", (e) => {
      if (e.submitter?.getAttribute("data-action") !== "download-zip" || !box || !bar || !progressUrl) return;
      e.preventDefault();
      if (running) return;
      running = true;
      box.hidden = false;
      bar.removeAttribute("value");
      say("data-starting");
      const poll = setInterval(() => {
        fetch(progressUrl, { credentials: "same-origin" })
          .then((res) => res.json())
          .then((/** @type {{ done: number, total: number }} */ p) => {
            // A count that comes after the end says nothing new.
            if (!running || !p.total || !text) return;
            bar.max = p.total;
            bar.value = p.done;
            text.textContent = (text.getAttribute("data-pattern") || "")
              .replace("{done}", String(p.done))
              .replace("{total}", String(p.total));
          })
          .catch(() => {});
      }, 500);
      const stop = () => {
        clearInterval(poll);
        running = false;
      };
      fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then((res) => {
          if (!res.ok || !(res.headers.get("content-type") || "").startsWith("application/zip")) {
            // Errors and refusals: the page says them, as without the script.
            stop();
            box.hidden = true;
            form.submit();
            return undefined;
          }
          const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") || "")?.[1] || "kampanj.zip";
          return res.blob().then((blob) => {
            stop();
            bar.max = 1;
            bar.value = 1;
            say("data-done");
            const a = document.createElement("a");
            a.href = URL.createObjectURL(blob);
            a.download = name;
            document.body.appendChild(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
          });
        })
        .catch(() => {
          stop();
          say("data-failed");
        });
    });
  }

  /**
   * The fact picker: "Infoga" writes a key's {fakta:…} reference where the cursor was in the
   * text field used last (or the first one), and says so in a live region; the search box
   * narrows the list. A new municipality brings the list with its values again.
   * @param {HTMLFormElement} form
   */
  function factPicker(form) {
    const box = document.querySelector("[data-fact-picker]");
    const none = { owns: (/** @type {unknown} */ _el) => false, refresh: (/** @type {string} */ _kommun) => {} };
    if (!(box instanceof HTMLElement)) return none;
    const picker = box;
    const search = /** @type {HTMLInputElement | null} */ (picker.querySelector("[data-picker-search]"));
    const status = picker.querySelector("[data-picker-status]");
    const list = picker.querySelector("[data-picker-list]");
    /** @type {HTMLInputElement | HTMLTextAreaElement | null} */
    let target = null;

    /** @param {string} text */
    function say(text) {
      if (!status) return;
      // A new text node each time, so the same words are announced again.
      status.textContent = "";
      window.setTimeout(() => {
        status.textContent = text;
      }, 50);
    }

    /** @param {Element} field */
    function labelOf(field) {
      const label = field.id ? document.querySelector(`label[for="${field.id}"]`) : null;
      if (!label) return "";
      const copy = /** @type {Element} */ (label.cloneNode(true));
      copy.querySelectorAll(".required").forEach((x) => {
        x.remove();
      });
      return (copy.textContent || "").trim();
    }

    function filter() {
      const q = search ? search.value.trim().toLocaleLowerCase("sv") : "";
      const items = picker.querySelectorAll("[data-picker-item]");
      let shown = 0;
      items.forEach((item) => {
        if (!(item instanceof HTMLElement)) return;
        const hit = !q || (item.getAttribute("data-search") || "").includes(q);
        item.hidden = !hit;
        if (hit) shown++;
      });
      return { shown, total: items.length };
    }

    form.addEventListener("focusin", (e) => {
      const el = e.target;
      if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.matches("[data-fact-target]"))
        target = el;
    });

    picker.addEventListener("click", (e) => {
      const button = e.target instanceof Element ? e.target.closest("[data-insert]") : null;
      if (!button) return;
      e.preventDefault();
      const ref = button.getAttribute("data-insert") || "";
      const fallback = /** @type {HTMLInputElement | HTMLTextAreaElement | null} */ (
        form.querySelector("[data-fact-target]")
      );
      const field = target?.isConnected ? target : fallback;
      if (!field) {
        say(picker.getAttribute("data-no-field") || "");
        return;
      }
      const start = field.selectionStart ?? field.value.length;
      const end = field.selectionEnd ?? start;
      field.setRangeText(ref, start, end, "end");
      field.focus();
      field.dispatchEvent(new Event("input", { bubbles: true }));
      const pattern = picker.getAttribute("data-inserted") || "{ref}";
      say(pattern.replace("{ref}", ref).replace("{field}", labelOf(field)));
    });

    if (search) {
      search.addEventListener(
        "input",
        debounce(() => {
          const { shown, total } = filter();
          const pattern = picker.getAttribute("data-count") || "";
          say(pattern.replace("{n}", String(shown)).replace("{total}", String(total)));
        }, 300),
      );
    }

    /** @type {AbortController | null} */
    let controller = null;
    return {
      /** @param {unknown} el */
      owns: (el) => el instanceof Node && picker.contains(el),
      /** @param {string} kommun */
      refresh: (kommun) => {
        const url = picker.getAttribute("data-fragment-url");
        if (!url || !list) return;
        if (controller) controller.abort();
        controller = new AbortController();
        fetch(`${url}?${new URLSearchParams({ kommun }).toString()}`, {
          credentials: "same-origin",
          signal: controller.signal,
        })
          .then((res) => {
            if (!res.ok) throw new Error(String(res.status));
            return res.text();
          })
          .then((html) => {
            patch(list, html);
            filter();
          })
          .catch(() => {});
      },
    };
  }

  /**
   * Saved drafts (pages/saved-draft/): without a write sign-in "Spara utkast" keeps the form in this browser
   * (localStorage) and lists the drafts kept ("Mina sparade utkast") to open or remove; on a saved draft's page
   * "Kopiera länken" copies the link to share. The words come from the page's data attributes.
   * @param {HTMLFormElement} form
   */
  function savedDrafts(form) {
    const copy = document.querySelector("[data-copy-link]");
    const link = document.querySelector("[data-share-link]");
    if (copy instanceof HTMLButtonElement && link instanceof HTMLInputElement) {
      copy.hidden = false;
      const copyStatus = document.querySelector("[data-copy-status]");
      copy.addEventListener("click", () => {
        link.select();
        const done = () => {
          if (copyStatus) copyStatus.textContent = copy.getAttribute("data-copy-link") || "";
        };
        if (navigator.clipboard) navigator.clipboard.writeText(link.value).then(done, () => {});
        else if (document.execCommand("copy")) done();
      });
    }
    const section = document.querySelector("[data-browser-drafts]");
    const list = document.querySelector("[data-browser-drafts-list]");
    const status = document.querySelector("[data-browser-drafts-status]");
    const button = form.querySelector("[data-save-in-browser]");
    if (!(section instanceof HTMLElement) || !list || !(button instanceof HTMLButtonElement)) return;
    const key = "motionera.sparadeUtkast";
    /** @param {string} name */
    const word = (name) => section.getAttribute(`data-text-${name}`) || "";
    /** @typedef {{ id: string, title: string, savedAt: string, fields: [string, string][] }} Kept */
    /** @returns {Kept[]} */
    const read = () => {
      try {
        const parsed = JSON.parse(localStorage.getItem(key) || "[]");
        return Array.isArray(parsed) ? parsed : [];
      } catch {
        return [];
      }
    };
    /** @param {Kept[]} kept */
    const write = (kept) => localStorage.setItem(key, JSON.stringify(kept));
    /** @param {string} text */
    const say = (text) => {
      if (status) status.textContent = text;
    };
    /** @param {Kept} d */
    const open = (d) => {
      const query = new URLSearchParams(d.fields).toString();
      if (query.length < 6000) {
        window.location.assign(`${section.getAttribute("data-form-url") || "/"}?${query}`);
        return;
      }
      // A long draft (an edited text) goes as a form post: an address has no room for it.
      const post = document.createElement("form");
      post.method = "post";
      post.action = form.action;
      post.hidden = true;
      for (const [name, value] of d.fields) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        post.appendChild(input);
      }
      document.body.appendChild(post);
      post.submit();
    };
    const render = () => {
      const kept = read();
      list.textContent = "";
      if (kept.length === 0) {
        const li = document.createElement("li");
        li.textContent = word("empty");
        list.appendChild(li);
      }
      for (const d of kept) {
        const li = document.createElement("li");
        li.setAttribute("data-browser-draft", d.id);
        const title = document.createElement("span");
        title.className = "browser-draft-title";
        title.textContent = d.title;
        const when = document.createElement("span");
        when.className = "muted";
        when.textContent = ` (${word("saved-at")} ${new Date(d.savedAt).toLocaleString("sv-SE", {
          dateStyle: "long",
          timeStyle: "short",
        })}) `;
        const openButton = document.createElement("button");
        openButton.type = "button";
        openButton.className = "button secondary";
        openButton.textContent = word("open");
        openButton.setAttribute("aria-label", `${word("open")}: ${d.title}`);
        openButton.addEventListener("click", () => open(d));
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button link-button";
        remove.textContent = word("remove");
        remove.setAttribute("aria-label", `${word("remove")}: ${d.title}`);
        remove.addEventListener("click", () => {
          write(read().filter((x) => x.id !== d.id));
          render();
          say(word("removed"));
        });
        li.append(title, when, openButton, " ", remove);
        list.appendChild(li);
      }
    };
    section.hidden = false;
    render();
    button.addEventListener("click", (e) => {
      e.preventDefault();
      /** @type {[string, string][]} */
      const fields = [];
      new FormData(form).forEach((value, name) => {
        if (typeof value === "string" && name !== "format" && name !== "faktaVid") fields.push([name, value]);
      });
      const select = form.querySelector("[data-choose-template]");
      const template =
        select instanceof HTMLSelectElement && select.selectedIndex >= 0
          ? select.options[select.selectedIndex]?.text || select.value
          : "";
      const kommun = fields.find(([name]) => name === "kommun")?.[1]?.trim() || word("unnamed");
      const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      const kept = [{ id, title: `${template}, ${kommun}`, savedAt: new Date().toISOString(), fields }, ...read()];
      try {
        write(kept.slice(0, 50));
      } catch {
        say(word("full"));
        return;
      }
      render();
      say(word("saved"));
    });
  }
})();
