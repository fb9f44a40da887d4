import { ServiceConfig } from '@platform/bootstrap';
import { IsIdentitySigningKey } from '@platform/identity';
import { IsKafkaBrokerList } from '@platform/messaging';
import { IsOptional, Matches } from 'class-validator';

/** The business-service's settings, read from the environment and validated at start-up. */
export class BusinessConfig extends ServiceConfig {
  override PORT = 3002;
  override MANAGEMENT_PORT = 9002;

  /** Its own database, e.g. postgres://business@127.0.0.1:5432/business. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Comma-separated host:port list. */
  @IsKafkaBrokerList()
  KAFKA_BROKERS!: string;

  /** Shared with the gateway: verifies the identity headers it signs (docs/decisions/0007); ≥ 32 bytes. */
  @IsIdentitySigningKey()
  IDENTITY_SIGNING_KEY!: string;

  /** Consumer group of the event consumer: its inbox rows, offsets and parked events belong to it. */
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'KAFKA_CONSUMER_GROUP must be 1 to 100 of A-Z a-z 0-9 . _ -' })
  KAFKA_CONSUMER_GROUP = 'business-service';

  /** The summary cache; without it every summary is computed from PostgreSQL. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;
}
