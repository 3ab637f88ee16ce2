import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_CLAIM_CENTS } from '@vigie/domain';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export const COMPENSATION_CATEGORIES = ['electronic-communications', 'hosting'] as const;

/** Amounts are integer euro cents excluding tax, at most 10^12 (docs/api.md → Conventions). */
export class ClaimCostsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Made by the server when absent (the same on a retry with the same Idempotency-Key)' })
  @IsOptional()
  @IsUUID('all')
  claimId?: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 1000, uniqueItems: true, description: 'Requests this operator served (delivered or declined), none claimed before' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  requestIds!: string[];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_CLAIM_CENTS, description: 'Claimed extra costs, euro cents excluding tax', example: 125000 })
  @IsInt()
  @Min(1)
  @Max(MAX_CLAIM_CENTS)
  amountCents!: number;

  @ApiProperty({ example: 'Identification requests of March 2026' })
  @IsString()
  @Length(1, 4000)
  description!: string;
}

export class ClaimFiledDto {
  @ApiProperty({ format: 'uuid' }) claimId!: string;
  @ApiProperty({ enum: COMPENSATION_CATEGORIES, description: 'L2321-3 al. 3: 1° electronic-communications operators, 2° hosting providers' })
  category!: string;
  @ApiProperty({ type: 'integer', description: 'Tariff-based expected amount (VIGIE_TARIFFS_FILE), cents' }) expectedCents!: number;
}
