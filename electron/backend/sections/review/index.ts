/**
 * The review section (issue 8), one file per feature: status (utkast → til drøfting →
 * godkjent), versions and diff, comments, change log; plus the user name they record.
 * Exports and imports are the exchange section (../exchange/).
 *
 * Start hook: write the user name into review_session (the cell triggers read it there) and
 * sweep old cell entries from the change log.
 */
import type { ReviewApi } from '../../../../shared/api/review';
import { REVIEW_ARGS } from '../../../../shared/api/review';
import type { Section } from '../../section';
import { setUserName, syncSessionUser, userName } from '../../store/user';
import { changeLogHandlers, sweepCellLog } from './change-log';
import { commentHandlers } from './comments';
import { statusHandlers } from './status';
import { versionHandlers } from './versions';

export const reviewSection: Section<ReviewApi> = {
  name: 'review',
  args: REVIEW_ARGS,
  create(db) {
    return {
      async getUserName() {
        return userName(db);
      },
      async setUserName(name) {
        return setUserName(db, name);
      },
      ...statusHandlers(db),
      ...versionHandlers(db),
      ...commentHandlers(db),
      ...changeLogHandlers(db),
    };
  },
  onStart(db) {
    syncSessionUser(db);
    sweepCellLog(db);
  },
};
