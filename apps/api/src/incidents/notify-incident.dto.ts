import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsInstant } from '../http/validators';

export const ENTITY_CATEGORIES = [
  'public-authority',
  'vital-importance-operator',
  'essential-service-operator',
  'participating-operator',
] as const;

export class AffectedEntityDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ENTITY_CATEGORIES })
  @IsIn(ENTITY_CATEGORIES)
  category!: (typeof ENTITY_CATEGORIES)[number];
}

export class NotifyIncidentDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  incidentId?: string;

  @ApiProperty({ format: 'uuid', description: 'The electronic-communications operator that informed ANSSI (L33-14 CPCE)' })
  @IsUUID('all')
  reportedBy!: string;

  @ApiProperty({ type: AffectedEntityDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => AffectedEntityDto)
  affectedEntity!: AffectedEntityDto;

  @ApiProperty()
  @IsString()
  @Length(1, 4000)
  summary!: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  observedAt!: string;
}

export class IncidentCreatedDto {
  @ApiProperty({ format: 'uuid' })
  incidentId!: string;
}
