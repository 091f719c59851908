package io.firebreak.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 instants in the one form events carry them ({@code 2026-11-23T10:00:00.123Z}), without
 * DateTimeFormatter: its general parser and printer took about 15 % of monitoring-service's CPU. Anything else is
 * left to the standard code, so results stay exactly those of {@link Instant#parse} and {@link Instant#toString}.
 */
public final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int LENGTH_WITHOUT_FRACTION = "2026-11-23T10:00:00Z".length();
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final long FIRST_FAST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long LAST_FAST_SECOND = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * SECONDS_PER_DAY - 1;

    private IsoInstants() {
    }

    /**
     * The instant written as {@code YYYY-MM-DDTHH:MM:SS[.f]Z} with 1 to 9 fraction digits, or null for any other
     * text (offsets, lowercase, leap seconds, invalid dates...), which the caller hands to the standard parser.
     */
    public static Instant parseOrNull(CharSequence text) {
        int length = text.length();
        boolean hasFraction = length > LENGTH_WITHOUT_FRACTION;
        if (length < LENGTH_WITHOUT_FRACTION || length == LENGTH_WITHOUT_FRACTION + 1
                || length > LENGTH_WITHOUT_FRACTION + 1 + MAX_FRACTION_DIGITS
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || hasFraction && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = hasFraction ? fractionAsNanos(text, 20, length - 1) : 0;
        // digits() is -1 for a non-digit, so one lower bound check covers both
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second, nanos);
    }

    /** Exactly {@code instant.toString()}: the fraction in groups of 3 digits, none when it is zero. */
    public static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < FIRST_FAST_SECOND || epochSecond > LAST_FAST_SECOND) {
            return instant.toString(); // signed or 5+ digit years
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        int nanos = instant.getNano();
        char[] out = new char[LENGTH_WITHOUT_FRACTION + 1 + MAX_FRACTION_DIGITS];
        writeDigits(out, 0, date.getYear(), 4);
        out[4] = '-';
        writeDigits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        writeDigits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        writeDigits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        writeDigits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        writeDigits(out, 17, secondOfDay % 60, 2);
        int end = 19;
        if (nanos != 0) {
            out[end++] = '.';
            if (nanos % 1_000_000 == 0) {
                writeDigits(out, end, nanos / 1_000_000, 3);
                end += 3;
            } else if (nanos % 1000 == 0) {
                writeDigits(out, end, nanos / 1000, 6);
                end += 6;
            } else {
                writeDigits(out, end, nanos, 9);
                end += 9;
            }
        }
        out[end++] = 'Z';
        return new String(out, 0, end);
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The fraction between {@code from} and {@code end} in nanoseconds, or -1 if it is not all digits. */
    private static int fractionAsNanos(CharSequence text, int from, int end) {
        int value = digits(text, from, end - from);
        if (value < 0) {
            return -1;
        }
        for (int missingDigits = MAX_FRACTION_DIGITS - (end - from); missingDigits > 0; missingDigits--) {
            value *= 10;
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeapYear(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static void writeDigits(char[] out, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
