import { ApiError } from '@badges/service-kit';

/**
 * A badge class's default expiry (`{amount, duration}`) applied to an issue date, in UTC.
 * Months and years use calendar arithmetic (Jan 31 + 1 month = Mar 3, as JavaScript's Date does
 * and as Badgr's dateutil.relativedelta does not; documented, and rare for badges).
 */
export function addExpiry(issuedOn: Date, amount: number, duration: string): Date {
  const date = new Date(issuedOn.getTime());
  switch (duration) {
    case 'days':
      date.setUTCDate(date.getUTCDate() + amount);
      break;
    case 'weeks':
      date.setUTCDate(date.getUTCDate() + amount * 7);
      break;
    case 'months':
      date.setUTCMonth(date.getUTCMonth() + amount);
      break;
    case 'years':
      date.setUTCFullYear(date.getUTCFullYear() + amount);
      break;
    default:
      throw new RangeError(`Unknown expiry duration: ${duration}`);
  }
  return date;
}

/** An assertion expires after it was issued; `prefix` points the error at a row of a batch (`assertions.3.`). */
export function checkExpiry(issuedOn: Date, expires: Date | null, prefix = ''): void {
  if (expires && expires.getTime() <= issuedOn.getTime()) {
    throw ApiError.validation(`${prefix}expires: expires must be after issuedOn.`, `${prefix}expires`);
  }
}
