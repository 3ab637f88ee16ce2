import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class CompensationReportQuery {
  @ApiPropertyOptional({ type: 'integer', description: 'Year the claims were filed (UTC)', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1970)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  operatorId?: string;
}

export class CompensationTotalsDto {
  @ApiProperty({ type: 'integer' }) claimedCents!: number;
  @ApiProperty({ type: 'integer' }) approvedCents!: number;
  @ApiProperty({ type: 'integer' }) paidCents!: number;
  @ApiProperty({ type: 'integer', description: 'approvedCents − paidCents' }) outstandingCents!: number;
}

export class CompensationItemDto extends CompensationTotalsDto {
  @ApiProperty({ format: 'uuid' }) operatorId!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: ['electronic-communications', 'hosting'], description: 'L2321-3 al. 3: 1° or 2°' }) category!: string;
}

export class CompensationReportDto {
  @ApiProperty({ type: [CompensationItemDto] }) items!: CompensationItemDto[];
  @ApiProperty({ type: CompensationTotalsDto }) totals!: CompensationTotalsDto;
}
