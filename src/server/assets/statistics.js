// Motionera: follows a statistics fetch on its job page. The page works without it (it then
// reloads itself); its text comes from the status endpoint, never from here.
// Type-checked by `tsc -p tsconfig.site.json` (JSDoc types, checkJs).
// @ts-check
(() => {
  document.addEventListener("DOMContentLoaded", () => {
    const box = document.querySelector("[data-job-status]");
    if (!(box instanceof HTMLElement)) return;
    const url = box.dataset.jobStatus;
    const bar = box.querySelector("progress");
    const text = box.querySelector("[data-job-text]");
    if (!url || !(bar instanceof HTMLProgressElement) || !(text instanceof HTMLElement)) return;

    const tick = async () => {
      try {
        const res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
        // Ended (or gone): the page itself shows the report or says what happened.
        if (res.status === 404) return window.location.reload();
        if (res.ok) {
          /** @type {{ state: string, done: number, expected: number, text: string }} */
          const s = await res.json();
          if (s.state !== "running") return window.location.reload();
          bar.max = Math.max(1, s.expected);
          bar.value = Math.min(s.done, bar.max);
          bar.textContent = `${s.done} / ${s.expected}`;
          if (text.textContent !== s.text) text.textContent = s.text;
        }
      } catch {
        // The service did not answer this time: ask again.
      }
      setTimeout(tick, 700);
    };
    setTimeout(tick, 300);
  });
})();
