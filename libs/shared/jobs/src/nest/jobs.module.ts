import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobRunner, type JobRunnerOptions } from '../runner/job-runner.js';

/** What a Nest service says about its jobs; the DataSource defaults to TypeORM's. */
export interface JobsModuleOptions extends Omit<JobRunnerOptions, 'dataSource'> {
  dataSource?: DataSource;
  /** Run the timers (default true); false leaves only admin triggers, e.g. on API-only instances. */
  schedule?: boolean;
}

/** `JobsModule.forRootAsync`: jobs built from injected use cases and configuration. */
export interface JobsModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => JobsModuleOptions | Promise<JobsModuleOptions>;
}

const OPTIONS = Symbol('jobs.options');

/** Starts the timers once the app is up; stops them and waits for running batches before the pools close. */
@Injectable()
class JobsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(JobRunner) private readonly runner: JobRunner,
    @Inject(OPTIONS) private readonly options: JobsModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.schedule ?? true) await this.runner.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }
}

/**
 * The jobs of a Nest service: one `JobRunner` (injectable, for an admin controller's `trigger`)
 * started with the application and stopped before TypeORM closes its pool.
 */
@Module({})
export class JobsModule {
  /** Jobs known up front (no injected dependencies). */
  static forRoot(options: JobsModuleOptions): DynamicModule {
    return JobsModule.forRootAsync({ useFactory: () => options });
  }

  /** Jobs built by a factory from injected providers. */
  static forRootAsync(options: JobsModuleAsyncOptions): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: JobRunner,
          inject: [OPTIONS, { token: DataSource, optional: true }],
          useFactory: (settings: JobsModuleOptions, dataSource: DataSource | undefined) => {
            const source = settings.dataSource ?? dataSource;
            if (!source) throw new Error('JobsModule needs a DataSource: import TypeOrmModule or pass dataSource');
            return new JobRunner({ ...settings, dataSource: source });
          },
        },
        JobsLifecycle,
      ],
      exports: [JobRunner],
    };
  }
}
