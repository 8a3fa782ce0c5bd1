/** The processes below one, read from /proc (Linux): the bench and the tests watch a command and its children. */
import { readdirSync, readFileSync } from "node:fs";

/** `pid` and the pids of its descendants (its children's, and theirs); a process that has just ended is left out. */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let k = 0; k < out.length; k++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${out[k]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks)
      try {
        for (const c of readFileSync(`/proc/${out[k]}/task/${tid}/children`, "utf8").split(" "))
          if (c.trim()) out.push(Number(c));
      } catch {
        // The task has just ended.
      }
  }
  return out;
}
