// Test helpers of the logging library, for the tests of every project: `@platform/logging/testing`.
export { captureLogs, LogCapture } from './log-capture.js';
