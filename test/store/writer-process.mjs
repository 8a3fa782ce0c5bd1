// A writer for the store tests, run as its own process on the built store (dist/, made by
// `npm test` before vitest). Usage: node writer-process.mjs <db> <mode> [count]
//   loop  — records facts one after another, printing "ack <id>" after each write returns,
//           until killed (the crash test) or <count> writes are done
//   hold  — records one fact (taking the write lock), prints "held", then waits to be killed
import { LowdbStore } from "../../dist/src/store/lowdb-store.js";

const [db, mode, count] = process.argv.slice(2);
const store = await LowdbStore.open(db);
const fact = (i) => ({
  subject: "0186",
  key: "population",
  value: { type: "number", value: 40000 + i },
  asOf: `${String(1000 + (i % 9000)).padStart(4, "0")}`,
  source: { title: `Crash test ${process.pid}-${i}`, publisher: "Motionera test", date: null },
});

try {
  if (mode === "hold") {
    await store.addFact(fact(0));
    process.stdout.write("held\n");
    setInterval(() => {}, 1000);
  } else {
    const n = count ? Number(count) : Infinity;
    for (let i = 0; i < n; i++) {
      const stored = await store.addFact(fact(i));
      process.stdout.write(`ack ${stored.source.title}\n`);
    }
  }
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(3);
}
