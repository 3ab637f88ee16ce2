import { Module } from '@nestjs/common';
import { EnrolPrincipalController } from '../principals/enrol-principal.controller';
import { ListPrincipalsController } from '../principals/list-principals.controller';
import { PrincipalKeyController } from '../principals/principal-key.controller';

/** Who may call the API: principals enrolled, listed, rotated and revoked through the log. */
@Module({ controllers: [EnrolPrincipalController, ListPrincipalsController, PrincipalKeyController] })
export class PrincipalsModule {}
