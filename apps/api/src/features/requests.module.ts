import { Module } from '@nestjs/common';
import { OversightNoticesController } from '../oversight/oversight-notices.controller';
import { AccessDataController } from '../requests/access-data.controller';
import { DeclineRequestController } from '../requests/decline-request.controller';
import { DeliverDataController } from '../requests/deliver-data.controller';
import { FileRequestController } from '../requests/file-request.controller';
import { PurgeDataController } from '../requests/purge-data.controller';
import { ReadRequestsController } from '../requests/read-requests.controller';
import { SendAlertController } from '../requests/send-alert.controller';

/** A request's life: filing, reading, delivery or decline, purpose-bound access, alerts, purge, oversight notices. */
@Module({
  controllers: [
    FileRequestController,
    ReadRequestsController,
    OversightNoticesController,
    DeliverDataController,
    DeclineRequestController,
    AccessDataController,
    SendAlertController,
    PurgeDataController,
  ],
})
export class RequestsModule {}
