import { Module, type DynamicModule } from '@nestjs/common';
import { PrincipalKeyring } from './principal-keyring';
import { FILE_PRINCIPALS, PRINCIPALS, type PrincipalDirectory } from './principals.token';

/** Who may call the API: the bootstrap file's principals and those the log enrolled. */
@Module({})
export class AuthModule {
  static forRoot(filePrincipals: PrincipalDirectory): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: FILE_PRINCIPALS, useValue: filePrincipals },
        PrincipalKeyring,
        { provide: PRINCIPALS, useExisting: PrincipalKeyring },
      ],
      exports: [FILE_PRINCIPALS, PRINCIPALS, PrincipalKeyring],
    };
  }
}
