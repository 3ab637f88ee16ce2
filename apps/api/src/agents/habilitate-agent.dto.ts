import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate } from '../http/validators';

export class HabilitateAgentDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  agentId?: string;

  @ApiProperty({ example: 'Camille Martin' })
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @ApiProperty({ description: "Reference of the Prime Minister's individual habilitation decision", example: 'PM-2026-0042' })
  @IsString()
  @Length(1, 200)
  decisionRef!: string;

  @ApiProperty({ format: 'date', example: '2026-01-15' })
  @IsCalendarDate()
  habilitatedOn!: string;

  @ApiPropertyOptional({ format: 'date', description: 'First day without habilitation' })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string;
}

export class AgentCreatedDto {
  @ApiProperty({ format: 'uuid' })
  agentId!: string;
}

export class RevokeHabilitationDto {
  @ApiProperty({ example: 'Left the post' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
