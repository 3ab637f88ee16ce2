import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIdentifierValue, IsInstant } from '../http/validators';

export const REQUEST_KINDS = ['subscriber-identification', 'technical-data'] as const;
export const SYSTEM_STATUSES = ['vulnerable', 'threatened', 'attacked'] as const;
export const IDENTIFIER_TYPES = ['ipv4', 'ipv6', 'domain', 'url'] as const;
export const IDENTIFICATION_FIELDS = ['identity', 'postalAddress', 'emailAddress'] as const;
export const DATA_CATEGORIES = ['origin', 'routing', 'terminal', 'traffic', 'access', 'marker-alert'] as const;
export const ADDRESSEE_ROLES = ['electronic-communications', 'hosting'] as const;

export class IdentifierDto {
  @ApiProperty({ enum: IDENTIFIER_TYPES })
  @IsIn(IDENTIFIER_TYPES)
  type!: (typeof IDENTIFIER_TYPES)[number];

  @ApiProperty({ example: '203.0.113.7' })
  @IsIdentifierValue()
  value!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 65535 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  port?: number;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  observedAt!: string;
}

class FileRequestBaseDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  requestId?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  operatorId!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 4000)
  justification!: string;
}

/** L2321-3 al. 1: identity, postal and e-mail address of the holders, to alert them. */
export class FileIdentificationRequestDto extends FileRequestBaseDto {
  @ApiProperty({ enum: ['subscriber-identification'] })
  @IsIn(['subscriber-identification'])
  kind!: 'subscriber-identification';

  @ApiProperty({ enum: SYSTEM_STATUSES })
  @IsIn(SYSTEM_STATUSES)
  systemStatus!: (typeof SYSTEM_STATUSES)[number];

  @ApiProperty({ type: [IdentifierDto], minItems: 1, maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => IdentifierDto)
  identifiers!: IdentifierDto[];

  @ApiProperty({ enum: IDENTIFICATION_FIELDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(IDENTIFICATION_FIELDS, { each: true })
  fields!: (typeof IDENTIFICATION_FIELDS)[number][];

  @ApiPropertyOptional({
    enum: ADDRESSEE_ROLES,
    description: 'The role in which the operator is addressed (decides compensation 1° or 2°); defaults to electronic-communications when it has that role',
  })
  @IsOptional()
  @IsIn(ADDRESSEE_ROLES)
  addresseeRole?: (typeof ADDRESSEE_ROLES)[number];
}

export class PeriodDto {
  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  from!: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  to!: string;
}

/** L2321-3 al. 2: technical data strictly needed to analyse a notified incident. */
export class FileTechnicalRequestDto extends FileRequestBaseDto {
  @ApiProperty({ enum: ['technical-data'] })
  @IsIn(['technical-data'])
  kind!: 'technical-data';

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  incidentId!: string;

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  dataCategories!: (typeof DATA_CATEGORIES)[number][];

  @ApiProperty()
  @IsString()
  @Length(1, 4000)
  dataDescription!: string;

  @ApiProperty({ type: PeriodDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PeriodDto)
  period!: PeriodDto;
}

export type FileRequestDto = FileIdentificationRequestDto | FileTechnicalRequestDto;

export class RequestFiledDto {
  @ApiProperty({ format: 'uuid' })
  requestId!: string;

  @ApiProperty({ enum: ['filed'] })
  status!: 'filed';
}
