import { ApiProperty } from '@nestjs/swagger';
import { MAX_CLAIM_CENTS } from '@vigie/domain';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class PayCompensationDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_CLAIM_CENTS, description: 'At most approved − already paid (else 422 PAYMENT_EXCEEDS_APPROVED)' })
  @IsInt()
  @Min(1)
  @Max(MAX_CLAIM_CENTS)
  paidCents!: number;

  @ApiProperty({ description: 'Reference of the payment (invoice settlement); used once per claim', example: 'PAY-2026-0042' })
  @IsString()
  @Length(1, 200)
  paymentRef!: string;
}
