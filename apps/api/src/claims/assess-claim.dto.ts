import { ApiProperty } from '@nestjs/swagger';
import { MAX_CLAIM_CENTS } from '@vigie/domain';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class AssessClaimDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_CLAIM_CENTS, description: 'At most the claimed amount (else 422 APPROVED_EXCEEDS_CLAIMED)' })
  @IsInt()
  @Min(0)
  @Max(MAX_CLAIM_CENTS)
  approvedCents!: number;

  @ApiProperty({ example: 'Approved at the tariff of the arrêté' })
  @IsString()
  @Length(1, 4000)
  note!: string;
}
