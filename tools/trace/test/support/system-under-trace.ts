import { startOwnSystem, type OwnSystem, type SystemProcess } from '@platform/dev';
import { startTestJaeger, type TestJaeger } from '@platform/infra/testing';

/** The whole system as `npm start` runs it, exporting its spans to a Jaeger of this test's own. */
export interface SystemUnderTrace {
  system: SystemProcess;
  jaeger: TestJaeger;
  /** The Mailpit API the system's notification-service sends through (the shared one `npm start` uses). */
  mailpitApiUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts Jaeger, then the system on free ports with databases and consumer groups of its own
 * (beside a developer's system or another test's; tools/dev's `startOwnSystem`), its services
 * exporting spans to that Jaeger with a short batch delay. `stop()` undoes all of it.
 */
export async function startSystemUnderTrace(): Promise<SystemUnderTrace> {
  const jaeger = await startTestJaeger();
  let own: OwnSystem;
  try {
    own = await startOwnSystem({
      purpose: 'journey test',
      prefix: 'journey',
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpHttpUrl,
        // Spans reach Jaeger sooner; the test still polls, never relies on a delay.
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
    });
  } catch (error) {
    await jaeger.stop();
    throw error;
  }
  const { system } = own;
  const stop = async () => {
    try {
      await own.stop();
    } finally {
      await jaeger.stop();
    }
  };
  const mailpitApiUrl = /captured e-mails: (http:\/\/[^/\s]+)/.exec(system.output())?.[1];
  if (!mailpitApiUrl) {
    await stop();
    throw new Error(`the system did not say where Mailpit is:\n${system.output()}`);
  }
  return {
    system,
    jaeger,
    mailpitApiUrl,
    stop,
  };
}
