import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Store, Transactions } from './store';

/** The open database as the app hands it over; only this module and repositories know it is TypeORM's. */
export type OpenDatabase = DataSource;

/** Closes the database last, after sockets and timers are gone. */
@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.db.isInitialized) await this.db.destroy();
  }
}

/** The open database, made before Nest starts: repositories reach it through the Store, services through Transactions. */
@Global()
@Module({})
export class DatabaseModule {
  static with(db: DataSource): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DataSource, useValue: db }, Store, Transactions, DatabaseCloser],
      exports: [Store, Transactions],
    };
  }
}
