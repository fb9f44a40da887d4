/**
 * `npm run trace -- <traceId>`: prints a trace from Jaeger's query API as a waterfall in the
 * terminal (the Jaeger built from the Go module proxy serves no web UI). JAEGER_QUERY_URL moves
 * Jaeger (default http://127.0.0.1:16686, where `npm start` runs it).
 */
import { fetchTrace, parseTraceId, TraceLookupError } from './jaeger-api.js';
import { renderWaterfall } from './waterfall.js';

const USAGE = `usage: npm run trace -- <traceId>

  <traceId>  32 hex digits, or a whole traceparent / traceresponse value (00-<traceId>-<spanId>-01);
             every answer of the platform names its trace in the traceresponse header, and every
             Problem Details error in its traceId field.

  JAEGER_QUERY_URL  Jaeger's query API (default http://127.0.0.1:16686, the one npm start runs)
`;

async function main(args: string[]): Promise<number> {
  const input = args.find((arg) => !arg.startsWith('-'));
  if (!input || args.includes('--help') || args.includes('-h')) {
    process.stderr.write(USAGE);
    return input ? 0 : 2;
  }
  const queryUrl = process.env['JAEGER_QUERY_URL']?.trim() || 'http://127.0.0.1:16686';
  try {
    const trace = await fetchTrace(queryUrl, parseTraceId(input));
    process.stdout.write(`${renderWaterfall(trace, { barWidth: process.stdout.isTTY ? 24 : 0 })}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof TraceLookupError)) throw error;
    process.stderr.write(`trace: ${error.message}\n`);
    return error.reason === 'bad-id' ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
