export { readPemFile, pemFileProblem } from './pem-file.js';
export { IsPemFile, OnlyWith } from './is-pem-file.validator.js';
export { redisConnection, asRedisConnection } from './redis-tls.js';
export type { RedisConnection } from './redis-tls.js';
export { kafkaSecurity } from './kafka-security.js';
export type { KafkaSecurity, KafkaSasl } from './kafka-security.js';
