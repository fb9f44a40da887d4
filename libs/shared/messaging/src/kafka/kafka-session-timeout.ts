import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** The broker's default bounds of a consumer's session timeout (group.min/max.session.timeout.ms). */
export const KAFKA_SESSION_TIMEOUT_BOUNDS_MS = { min: 6_000, max: 1_800_000 } as const;

/**
 * The rule of a `KAFKA_SESSION_TIMEOUT_MS` setting in a service's configuration class: whole
 * milliseconds within the bounds a broker accepts by default, so a value the broker would refuse
 * at the group join stops the start instead.
 */
export function IsKafkaSessionTimeout(): PropertyDecorator {
  return (target, key) => {
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(KAFKA_SESSION_TIMEOUT_BOUNDS_MS.min)(target, key);
    Max(KAFKA_SESSION_TIMEOUT_BOUNDS_MS.max)(target, key);
  };
}
