import { Injectable, type PipeTransform } from '@nestjs/common';
import { fail } from '../http/problem';

/** Enrolled principals have UUIDs; the bootstrap file's may have any short id of this shape. */
const PRINCIPAL_ID = /^[\w.:-]{1,200}$/;

@Injectable()
export class PrincipalIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PRINCIPAL_ID.test(value)) {
      fail(400, 'VALIDATION_FAILED', 'principalId is not a principal id.', [{ field: 'principalId', message: 'principalId must be 1 to 200 letters, digits, or ._:-' }]);
    }
    return value;
  }
}
