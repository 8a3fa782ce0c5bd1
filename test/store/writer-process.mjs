// A writer for the store tests, run as its own process on the built code (dist/, made by
// `npm test` before vitest). Usage: node writer-process.mjs <db> <mode> [count]
//   loop  — an import loop until killed (the crash test) or <count> rounds are done: each
//           round imports a small CSV of three municipalities through the real
//           `facts import` core (one atomic write), then prints "ack <source title>"
//   hold  — records one fact (taking the write lock), prints "held", then waits to be killed
import { importFacts } from "../../dist/src/facts/import/import-facts.js";
import { LowdbStore } from "../../dist/src/store/lowdb-store.js";

const [db, mode, count] = process.argv.slice(2);
const store = await LowdbStore.open(db);
const title = (i) => `Crash test ${process.pid}-${i}`;

try {
  if (mode === "hold") {
    await store.addFact({
      subject: "0186",
      key: "population",
      value: { type: "number", value: 40000 },
      asOf: "2024",
      source: { title: title(0), publisher: "Motionera test", date: null },
    });
    process.stdout.write("held\n");
    setInterval(() => {}, 1000);
  } else {
    const n = count ? Number(count) : Infinity;
    for (let i = 0; i < n; i++) {
      // Values unique to this process and round, so no row is a repeat the import would skip.
      const v = process.pid * 1000 + i;
      const csv = `Kommun;Folkmängd\nLidingö;${v}\n0180;"${v} 000"\nSolna;${v},5\n`;
      await importFacts(store, {
        key: "population",
        fileName: "befolkning.csv",
        bytes: new TextEncoder().encode(csv),
        sourceTitle: title(i),
        publisher: "Motionera test",
        asOf: String(1000 + (i % 9000)),
        commit: true,
      });
      process.stdout.write(`ack ${title(i)}\n`);
    }
  }
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(3);
}
