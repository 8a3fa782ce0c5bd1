import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { isMotioneraError } from "../../domain/errors.js";
import { allowedHostSchema, splitHosts } from "../../domain/allowed-host.js";
import type { Workspace } from "../../workspace.js";
import { action, parseOptions, UsageError } from "../run.js";
import { databaseUrlFlag, openWorkspace, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";

const t = texts.serve;

const optionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
  templates: z.string().optional(),
  draftsPerMinute: z.coerce.number().int().min(0).max(1_000_000).optional(),
  trustProxy: z.boolean().default(false),
  maxCampaigns: z.coerce.number().int().min(1).max(1000).optional(),
  campaignLimit: z.coerce.number().int().min(0).max(290).optional(),
  allowedHosts: z
    .string()
    .optional()
    .transform((s) => (s === undefined ? [] : splitHosts(s)))
    .pipe(z.array(allowedHostSchema).max(100)),
});

/** What `motionera serve` passes the web service it starts (the service's own options are a superset). */
export interface ServiceOptions {
  token?: string;
  draftsPerMinute?: number;
  previewsPerMinute?: number;
  trustProxy: boolean;
  maxCampaigns?: number;
  campaignLimit?: number;
  allowedHosts: string[];
}

/**
 * Starts the web service; given by the composition root (src/main.ts), so the command line never
 * imports the server (one edge never imports the other).
 */
export type StartService = (
  workspace: Workspace,
  listen: { port: number; host: string },
  options: ServiceOptions,
) => Promise<{ url: string; close(): Promise<void> }>;

export function registerServe(program: Command, startService: StartService): void {
  program
    .command("serve")
    .summary(t.summary)
    .description(t.summary)
    .option("-p, --port <port>", t.port, process.env.PORT ?? "8787")
    .option("--host <host>", t.host, process.env.HOST ?? "127.0.0.1")
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .addOption(sharedOption.templates())
    .option("--drafts-per-minute <antal>", t.draftsPerMinute)
    .option("--trust-proxy", t.trustProxy, false)
    .option("--max-campaigns <antal>", t.maxCampaigns)
    .option("--campaign-limit <antal>", t.campaignLimit)
    .option("--allowed-hosts <namn,…>", t.allowedHosts, process.env.MOTIONERA_ALLOWED_HOSTS)
    .addHelpText("after", t.examples)
    .action(
      action(async (raw: unknown) => {
        const o = parseOptions(optionsSchema, raw);
        const ws = await openWorkspace(o);
        const token = process.env.MOTIONERA_TOKEN;
        let listening: Awaited<ReturnType<typeof startService>>;
        try {
          listening = await startService(
            ws,
            { port: o.port, host: o.host },
            {
              ...(token ? { token } : {}),
              ...(o.draftsPerMinute !== undefined
                ? { draftsPerMinute: o.draftsPerMinute, previewsPerMinute: o.draftsPerMinute * 5 }
                : {}),
              trustProxy: o.trustProxy,
              ...(o.maxCampaigns !== undefined ? { maxCampaigns: o.maxCampaigns } : {}),
              ...(o.campaignLimit !== undefined ? { campaignLimit: o.campaignLimit } : {}),
              allowedHosts: o.allowedHosts,
            },
          );
        } catch (e) {
          // A corrupt database or a templates folder that cannot be listed: the CLI's own message and exit code.
          if (isMotioneraError(e)) throw e;
          const code = (e as NodeJS.ErrnoException).code;
          throw new UsageError(
            code === "EADDRINUSE" ? t.inUse(o.port) : code === "EACCES" ? t.denied(o.port) : (e as Error).message,
          );
        }
        const hosts = o.allowedHosts.length ? t.hostsAllowed(o.allowedHosts) : t.hostsAll;
        const takesTokens = Boolean(token) || (await ws.store.tokens()).some((k) => k.revokedAt === undefined);
        process.stdout.write(
          `${t.listening(listening.url)}\n${takesTokens ? t.writable : t.readOnly}\n${hosts}\n${t.stop}\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.stdout.write(`${t.stopping}\n`);
            void listening.close().then(resolve);
            setTimeout(resolve, 5000).unref();
          };
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
      }),
    );
}
