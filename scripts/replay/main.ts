// `npm run replay`: the replay server as a command, for trying the scraper by hand against a
// local huggingface.co. Runs until SIGINT or SIGTERM.
import { parseReplayArgs, USAGE, UsageError } from './flags.ts';
import { startReplayServer } from './server.ts';

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseReplayArgs>;
  try {
    // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
    parsed = parseReplayArgs(argv, process.env['INIT_CWD'] ?? process.cwd());
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // The same two lines as every `papers` usage error: what is wrong, then where help is.
    process.stderr.write(`replay: ${e.message}\nRun 'npm run replay -- --help' for usage.\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const server = await startReplayServer(parsed.options);
  const s = server.summary();
  process.stdout.write(
    `Replay of huggingface.co at ${server.url} (${s.days} days, ${s.first ?? '-'}..${s.last ?? '-'})\n` +
      `try: npm run papers -- scrape --base-url ${server.url} --date ${s.last ?? s.today}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`replay: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 1;
});
