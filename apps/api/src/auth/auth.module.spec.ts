import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SqliteEventStore } from '@vigie/event-store';
import { EVENT_STORE, sha256Hex, type Principal } from '@vigie/runtime';
import * as path from 'node:path';
import { tempDir } from '../../../../test/support/test-app';
import { AuthModule } from './auth.module';
import { PrincipalKeyring } from './principal-keyring';
import { FILE_PRINCIPALS, PRINCIPALS, type PrincipalLookup } from './principals.token';

const file = new Map<string, Principal>([[sha256Hex('file-key'), { id: 'p-file', role: 'admin' }]]);

/** A feature module that does not import AuthModule, as the controllers' modules do not. */
@Injectable()
class NeedsPrincipals {
  constructor(@Inject(PRINCIPALS) readonly principals: PrincipalLookup) {}
}
@Module({ providers: [NeedsPrincipals] })
class FeatureModule {}

describe('AuthModule.forRoot', () => {
  it('gives every module, without importing it, one keyring that answers the file principals and follows the log', async () => {
    const store = SqliteEventStore.open({ path: path.join(tempDir(), 'events.db') });
    @Global()
    @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
    class StoreModule {}
    @Module({ imports: [StoreModule, AuthModule.forRoot(file), FeatureModule] })
    class AppModule {}

    // abortOnError: false makes a failed start throw into the test; Nest's default exits the process.
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false, abortOnError: false });
    try {
      await app.init();
      const keyring = app.get(PrincipalKeyring);
      expect(app.get(FILE_PRINCIPALS)).toBe(file);
      expect(app.get(PRINCIPALS)).toBe(keyring);
      expect(app.get(NeedsPrincipals).principals).toBe(keyring);
      expect(keyring.get(sha256Hex('file-key'))).toEqual({ id: 'p-file', role: 'admin' });
    } finally {
      await app.close();
      await store.close();
    }
  });
});
