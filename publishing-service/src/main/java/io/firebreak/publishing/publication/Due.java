package io.firebreak.publishing.publication;

import java.util.List;

/** What one dispatcher pass took: publications claimed to send now, and those reserved to send at their due time. */
record Due(List<Claim> claims, List<Reservation> reserved) {
}
