import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../http/page';

export const PRINCIPAL_ROLES = ['admin', 'agent', 'operator', 'auditor'] as const;
export type PrincipalRoleDto = (typeof PRINCIPAL_ROLES)[number];

export class EnrolPrincipalDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  principalId?: string;

  @ApiProperty({ enum: PRINCIPAL_ROLES })
  @IsIn(PRINCIPAL_ROLES)
  role!: PrincipalRoleDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for role agent: the agent this key acts as' })
  @IsOptional()
  @IsUUID('all')
  agentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for role operator: the operator this key acts as' })
  @IsOptional()
  @IsUUID('all')
  operatorId?: string;

  @ApiProperty({ example: 'CERT desk, night shift' })
  @IsString()
  @Length(1, 200)
  label!: string;
}

export class PrincipalEnrolledDto {
  @ApiProperty() principalId!: string;
  @ApiProperty({ enum: PRINCIPAL_ROLES }) role!: PrincipalRoleDto;
  @ApiProperty({ description: 'The API key, shown this once: only its sha256 is kept' }) key!: string;
}

export class RevokePrincipalDto {
  @ApiProperty({ example: 'Left the team' })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}

export class PrincipalKeyDto {
  @ApiProperty({ description: 'The new API key, shown this once; the previous one stops working' }) key!: string;
}

export class ListPrincipalsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PRINCIPAL_ROLES })
  @IsOptional()
  @IsIn(PRINCIPAL_ROLES)
  role?: PrincipalRoleDto;
}

export class PrincipalViewDto {
  @ApiProperty() principalId!: string;
  @ApiProperty({ enum: PRINCIPAL_ROLES }) role!: PrincipalRoleDto;
  @ApiPropertyOptional({ format: 'uuid' }) agentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) operatorId?: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['file', 'api'] }) source!: 'file' | 'api';
  @ApiPropertyOptional({ format: 'date-time' }) enrolledAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) revokedAt?: string;
}

export class PrincipalListDto {
  @ApiProperty({ type: [PrincipalViewDto] }) items!: PrincipalViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page' }) next!: string | null;
}
