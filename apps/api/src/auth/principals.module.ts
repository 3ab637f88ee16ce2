import { Module, type DynamicModule } from '@nestjs/common';
import { PRINCIPALS, type PrincipalDirectory } from './principals.token';

/** Who may call the API: the principals of the bootstrap file, by the sha256 of their key. */
@Module({})
export class PrincipalsModule {
  static forRoot(principals: PrincipalDirectory): DynamicModule {
    return { module: PrincipalsModule, global: true, providers: [{ provide: PRINCIPALS, useValue: principals }], exports: [PRINCIPALS] };
  }
}
